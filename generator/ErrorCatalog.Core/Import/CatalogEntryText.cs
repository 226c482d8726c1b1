using System.Collections.Generic;

namespace ErrorCatalog.Core.Import
{
    /// <summary>One entry to write: the fields of the catalog format, in its key order.</summary>
    public sealed record CatalogEntryText(string Code, int Status, string? Name, string Message, IReadOnlyList<ParameterText>? Parameters, string Description, string Solution);
}
