namespace ErrorCatalog.Core.Model
{
    /// <summary>
    /// A culture overlay as written and validated on its own (<c>culture: zh-CN</c>): the catalog it
    /// translates and its entries' texts. Joined to its neutral catalog by <see cref="Cultures.OverlayLinker"/>.
    /// </summary>
    public sealed record OverlayModel(string CatalogName, string? Namespace, string Culture, EquatableArray<OverlayEntry> Entries)
    {
        public SourceSpan IdentitySpan { get; init; }

        public SourceSpan CultureSpan { get; init; }
    }
}
