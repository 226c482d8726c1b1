using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Generator
{
    /// <summary>
    /// The Roslyn descriptors of the catalog diagnostics, and the mapping of the core's diagnostics
    /// onto them. Each descriptor is spelled out with constant ID, category and severity so that the
    /// release-tracking analyzers (AnalyzerReleases.*.md) can see it; a test checks that they agree
    /// with the core's table.
    /// </summary>
    internal static class DiagnosticMapper
    {
        public static readonly DiagnosticDescriptor InvalidYaml = Create(DiagnosticIds.InvalidYaml, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor WrongStructure = Create(DiagnosticIds.WrongStructure, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor UnknownKey = Create(DiagnosticIds.UnknownKey, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor DuplicateCode = Create(DiagnosticIds.DuplicateCode, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor InvalidStatus = Create(DiagnosticIds.InvalidStatus, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor InvalidCode = Create(DiagnosticIds.InvalidCode, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor MalformedTemplate = Create(DiagnosticIds.MalformedTemplate, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor ParameterMismatch = Create(DiagnosticIds.ParameterMismatch, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor InvalidName = Create(DiagnosticIds.InvalidName, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor InvalidIdentity = Create(DiagnosticIds.InvalidIdentity, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor ResourceLimit = Create(DiagnosticIds.ResourceLimit, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor EmptyCatalog = Create(DiagnosticIds.EmptyCatalog, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor OverlayUnknownCode = Create(DiagnosticIds.OverlayUnknownCode, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor OverlayPlaceholderMismatch = Create(DiagnosticIds.OverlayPlaceholderMismatch, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor OverlayCoverage = Create(DiagnosticIds.OverlayCoverage, DiagnosticSeverity.Info);
        public static readonly DiagnosticDescriptor OverlayNotApplicable = Create(DiagnosticIds.OverlayNotApplicable, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor InvalidReplacement = Create(DiagnosticIds.InvalidReplacement, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor InvalidDocsLink = Create(DiagnosticIds.InvalidDocsLink, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor SharedEventId = Create(DiagnosticIds.SharedEventId, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor InvalidGrpcStatus = Create(DiagnosticIds.InvalidGrpcStatus, DiagnosticSeverity.Error);
        public static readonly DiagnosticDescriptor NotAnErrorStatus = Create(DiagnosticIds.NotAnErrorStatus, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor StatusAsText = Create(DiagnosticIds.StatusAsText, DiagnosticSeverity.Warning);
        public static readonly DiagnosticDescriptor InternalError = Create(DiagnosticIds.InternalError, DiagnosticSeverity.Error);

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            InvalidYaml, WrongStructure, UnknownKey, DuplicateCode, InvalidStatus, InvalidCode, MalformedTemplate,
            ParameterMismatch, InvalidName, InvalidIdentity, ResourceLimit, EmptyCatalog,
            OverlayUnknownCode, OverlayPlaceholderMismatch, OverlayCoverage, OverlayNotApplicable, InvalidReplacement, InvalidDocsLink, SharedEventId, InvalidGrpcStatus, NotAnErrorStatus, StatusAsText, InternalError);

        private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = CreateIndex();

        public static Diagnostic ToDiagnostic(CatalogDiagnostic diagnostic)
        {
            DiagnosticDescriptor descriptor = s_byId[diagnostic.Id];
            SourceSpan span = diagnostic.Span;
            var location = Location.Create(
                diagnostic.FilePath,
                new TextSpan(span.Start, span.Length),
                new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
            return Diagnostic.Create(descriptor, location, diagnostic.Message);
        }

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity)
        {
            DiagnosticInfo info = DiagnosticIds.Get(id);
            return new DiagnosticDescriptor(id, info.Title, "{0}", DiagnosticIds.Category, severity, isEnabledByDefault: true, helpLinkUri: info.HelpLink);
        }

        private static Dictionary<string, DiagnosticDescriptor> CreateIndex()
        {
            var index = new Dictionary<string, DiagnosticDescriptor>();
            foreach (DiagnosticDescriptor descriptor in All)
            {
                index.Add(descriptor.Id, descriptor);
            }

            return index;
        }
    }
}
