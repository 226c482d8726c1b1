using System.Collections.Generic;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Generator
{
    /// <summary>Turns the core's diagnostics into Roslyn diagnostics located in the catalog file.</summary>
    internal static class DiagnosticMapper
    {
        private static readonly Dictionary<string, DiagnosticDescriptor> s_descriptors = CreateDescriptors();

        public static IEnumerable<DiagnosticDescriptor> Descriptors => s_descriptors.Values;

        public static Diagnostic ToDiagnostic(CatalogDiagnostic diagnostic)
        {
            DiagnosticDescriptor descriptor = s_descriptors[diagnostic.Id];
            SourceSpan span = diagnostic.Span;
            var location = Location.Create(
                diagnostic.FilePath,
                new TextSpan(span.Start, span.Length),
                new LinePositionSpan(new LinePosition(span.StartLine, span.StartColumn), new LinePosition(span.EndLine, span.EndColumn)));
            return Diagnostic.Create(descriptor, location, diagnostic.Message);
        }

        private static Dictionary<string, DiagnosticDescriptor> CreateDescriptors()
        {
            var descriptors = new Dictionary<string, DiagnosticDescriptor>();
            foreach (DiagnosticInfo info in DiagnosticIds.All)
            {
                descriptors[info.Id] = new DiagnosticDescriptor(
                    info.Id,
                    info.Title,
                    "{0}",
                    info.Category,
                    ToSeverity(info.DefaultSeverity),
                    isEnabledByDefault: true,
                    helpLinkUri: info.HelpLink);
            }

            return descriptors;
        }

        private static DiagnosticSeverity ToSeverity(CatalogSeverity severity) => severity switch
        {
            CatalogSeverity.Error => DiagnosticSeverity.Error,
            CatalogSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        };
    }
}
