using System.Collections.Generic;

namespace ErrorCatalog.Core.Diagnostics
{
    /// <summary>The table of every ID the catalog diagnostics use. IDs are public contract: never reuse one.</summary>
    public static class DiagnosticIds
    {
        /// <summary>
        /// The repository the help pages live in: <c>ErrorCatalogRepositoryUrl</c> of Directory.Build.props,
        /// compiled in; empty when the build set none.
        /// </summary>
        public const string RepositoryUrl = BuildSettings.RepositoryUrl;

        /// <summary>The help page of an ID under docs/diagnostics/ of <paramref name="repositoryUrl"/>; null without a repository.</summary>
        public static string? HelpLinkFor(string id, string repositoryUrl = RepositoryUrl)
            => repositoryUrl.Length == 0 ? null : repositoryUrl + "/blob/main/docs/diagnostics/" + id + ".md";
        public const string Category = "ErrorCatalog";

        public const string InvalidYaml = "ERRCAT001";
        public const string WrongStructure = "ERRCAT002";
        public const string UnknownKey = "ERRCAT003";
        public const string DuplicateCode = "ERRCAT004";
        public const string InvalidStatus = "ERRCAT005";
        public const string InvalidCode = "ERRCAT006";
        public const string MalformedTemplate = "ERRCAT007";
        public const string ParameterMismatch = "ERRCAT008";
        public const string InvalidName = "ERRCAT009";
        public const string InvalidIdentity = "ERRCAT010";
        public const string ResourceLimit = "ERRCAT011";
        public const string EmptyCatalog = "ERRCAT012";
        public const string OverlayUnknownCode = "ERRCAT013";
        public const string OverlayPlaceholderMismatch = "ERRCAT014";
        public const string OverlayCoverage = "ERRCAT015";
        /// <summary>An overlay that cannot apply: its neutral catalog is missing, or another overlay of the same culture came first.</summary>
        public const string OverlayNotApplicable = "ERRCAT016";
        public const string InvalidReplacement = "ERRCAT017";
        public const string InvalidDocsLink = "ERRCAT018";
        public const string SharedEventId = "ERRCAT019";
        public const string InvalidGrpcStatus = "ERRCAT020";
        public const string NotAnErrorStatus = "ERRCAT021";
        public const string StatusAsText = "ERRCAT023";
        public const string InternalError = "ERRCAT099";
        public const string UnknownCode = "ERRCAT100";
        public const string UseConstant = "ERRCAT101";
        public const string DeprecatedCode = "ERRCAT102";
        public const string MissingIntegration = "ERRCAT103";

        /// <summary>The diagnostics of catalog files, reported by the generator (ERRCAT001-099).</summary>
        public static readonly IReadOnlyList<DiagnosticInfo> CatalogDiagnostics = new[]
        {
            new DiagnosticInfo(InvalidYaml, "Catalog is not valid YAML", CatalogSeverity.Error, Category),
            new DiagnosticInfo(WrongStructure, "Catalog has the wrong structure", CatalogSeverity.Error, Category),
            new DiagnosticInfo(UnknownKey, "Unknown key in catalog", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(DuplicateCode, "Duplicate error code", CatalogSeverity.Error, Category),
            new DiagnosticInfo(InvalidStatus, "Invalid HTTP status", CatalogSeverity.Error, Category),
            new DiagnosticInfo(InvalidCode, "Invalid error code", CatalogSeverity.Error, Category),
            new DiagnosticInfo(MalformedTemplate, "Malformed message template", CatalogSeverity.Error, Category),
            new DiagnosticInfo(ParameterMismatch, "Parameters do not match the message placeholders", CatalogSeverity.Error, Category),
            new DiagnosticInfo(InvalidName, "Invalid or clashing member name", CatalogSeverity.Error, Category),
            new DiagnosticInfo(InvalidIdentity, "Invalid catalog identity", CatalogSeverity.Error, Category),
            new DiagnosticInfo(ResourceLimit, "Catalog exceeds a resource limit", CatalogSeverity.Error, Category),
            new DiagnosticInfo(EmptyCatalog, "Catalog has no entries", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(OverlayUnknownCode, "Overlay translates a code the catalog lacks", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(OverlayPlaceholderMismatch, "Translated message has other placeholders", CatalogSeverity.Error, Category),
            new DiagnosticInfo(OverlayCoverage, "Overlay coverage", CatalogSeverity.Info, Category),
            new DiagnosticInfo(OverlayNotApplicable, "Overlay without a catalog, or a second overlay of one culture", CatalogSeverity.Error, Category),
            new DiagnosticInfo(InvalidReplacement, "Invalid replacement code", CatalogSeverity.Error, Category),
            new DiagnosticInfo(InvalidDocsLink, "Invalid documentation link template", CatalogSeverity.Error, Category),
            new DiagnosticInfo(SharedEventId, "Two entries log with the same event id", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(InvalidGrpcStatus, "Unknown gRPC status code", CatalogSeverity.Error, Category),
            new DiagnosticInfo(NotAnErrorStatus, "Status is not an error status", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(StatusAsText, "Status is written as text", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(InternalError, "ErrorCatalog failed unexpectedly", CatalogSeverity.Error, Category),
        };

        /// <summary>The diagnostics of C# code, reported by the analyzer (ERRCAT100 and up).</summary>
        public static readonly IReadOnlyList<DiagnosticInfo> AnalyzerDiagnostics = new[]
        {
            new DiagnosticInfo(UnknownCode, "Unknown error code", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(UseConstant, "Use the generated error-code constant", CatalogSeverity.Info, Category),
            new DiagnosticInfo(DeprecatedCode, "Deprecated error code", CatalogSeverity.Warning, Category),
            new DiagnosticInfo(MissingIntegration, "Integration member not generated: a framework is missing", CatalogSeverity.Warning, Category),
        };

        public static readonly IReadOnlyList<DiagnosticInfo> All = Concat(CatalogDiagnostics, AnalyzerDiagnostics);

        private static readonly Dictionary<string, DiagnosticInfo> s_byId = Index(All);

        public static DiagnosticInfo Get(string id)
            => s_byId.TryGetValue(id, out DiagnosticInfo? info) ? info : throw new KeyNotFoundException(id);

        private static Dictionary<string, DiagnosticInfo> Index(IReadOnlyList<DiagnosticInfo> infos)
        {
            var index = new Dictionary<string, DiagnosticInfo>();
            foreach (DiagnosticInfo info in infos)
            {
                index.Add(info.Id, info);
            }

            return index;
        }

        private static DiagnosticInfo[] Concat(IReadOnlyList<DiagnosticInfo> first, IReadOnlyList<DiagnosticInfo> second)
        {
            var all = new List<DiagnosticInfo>(first);
            all.AddRange(second);
            return all.ToArray();
        }
    }
}
