using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Diagnostics
{
    /// <summary>A problem found in a catalog file, with its message already formatted.</summary>
    public sealed record CatalogDiagnostic(string Id, CatalogSeverity Severity, string Message, string FilePath, SourceSpan Span)
    {
        /// <summary>A diagnostic with its ID's default severity from <see cref="DiagnosticIds"/>, the one table of them.</summary>
        public static CatalogDiagnostic Create(string id, string message, string filePath, SourceSpan span)
            => new CatalogDiagnostic(id, DiagnosticIds.Get(id).DefaultSeverity, message, filePath, span);

        /// <summary>The compiler-style line: <c>path(line,col): error ERRCAT004: message</c>.</summary>
        public override string ToString()
            => $"{FilePath}({Span.DisplayLine},{Span.DisplayColumn}): {SeverityText} {Id}: {Message}";

        private string SeverityText => Severity switch
        {
            CatalogSeverity.Error => "error",
            CatalogSeverity.Warning => "warning",
            _ => "info",
        };
    }
}
