using System.Collections.Generic;

namespace ErrorCatalog.Core.Import
{
    /// <summary>The outcome of an import: the catalog text, the rows it holds, and every note.</summary>
    public sealed record ImportResult(string Yaml, IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportNote> Notes);
}
