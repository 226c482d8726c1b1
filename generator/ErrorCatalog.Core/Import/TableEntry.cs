namespace ErrorCatalog.Core.Import
{
    /// <summary>A table row as the catalog entry it becomes, with the message its member name is derived from.</summary>
    public sealed record TableEntry(ImportedRow Row, CatalogEntryText Entry, string NamingMessage);
}
