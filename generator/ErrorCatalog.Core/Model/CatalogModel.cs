namespace ErrorCatalog.Core.Model
{
    /// <summary>A validated catalog, ready to be emitted.</summary>
    /// <param name="CatalogName">Stem of the generated type names (<c>CodeArtsReq</c> gives <c>CodeArtsReqErrors</c>).</param>
    /// <param name="Namespace">The namespace written in the catalog, or null to take the project's root namespace.</param>
    /// <param name="Entries">The valid entries, in catalog order.</param>
    public sealed record CatalogModel(string CatalogName, string? Namespace, EquatableArray<ErrorEntry> Entries)
    {
        /// <summary>Where the <c>catalog:</c> value stands, for diagnostics about the catalog as a whole.</summary>
        public SourceSpan IdentitySpan { get; init; }

        /// <summary>Where the <c>catalog:</c> key and value stand: the target of the per-status exception types' <c>#line</c> mappings.</summary>
        public SourceSpan CatalogSpan { get; init; }

        /// <summary>The documentation link template (<c>docs:</c>, an absolute http(s) URL with <c>{code}</c> and optionally <c>{name}</c>), or null.</summary>
        public string? Docs { get; init; }
    }
}
