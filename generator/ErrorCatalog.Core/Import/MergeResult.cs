using System.Collections.Generic;
using ErrorCatalog.Core.Diagnostics;

namespace ErrorCatalog.Core.Import
{
    /// <summary>The merged file text (null when the file could not be merged), and why not.</summary>
    public sealed record MergeResult(string? Yaml, MergeSummary Summary, IReadOnlyList<CatalogDiagnostic> Problems);
}
