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

    /// <summary>One entry of an overlay: the code it translates and any of its three texts (null: not translated).</summary>
    public sealed record OverlayEntry(string Code, SourceSpan CodeSpan, string? Message, SourceSpan MessageSpan, string? Description, string? Solution);

    /// <summary>The cultures of one neutral catalog, sorted by culture name (ordinal); what the emitter writes from.</summary>
    public sealed record CatalogTranslations(string NeutralPath, EquatableArray<CultureTexts> Cultures)
    {
        public static readonly CatalogTranslations None = new CatalogTranslations(string.Empty, EquatableArray<CultureTexts>.Empty);

        public bool IsEmpty => Cultures.Count == 0;
    }

    /// <summary>One culture's texts for a catalog: only the entries it translates, by row (the entry's index in the neutral catalog), ascending.</summary>
    public sealed record CultureTexts(string Culture, EquatableArray<TranslatedEntry> Entries);

    /// <summary>
    /// One entry's texts in a culture. <paramref name="Segments"/> is the translated message parsed with the
    /// neutral entry's parameters (empty when the message is not translated); <paramref name="CompositeFormat"/>
    /// the composite format it means when that differs from the message as written.
    /// </summary>
    public sealed record TranslatedEntry(int Row, string? Message, string? Description, string? Solution, EquatableArray<TemplateSegment> Segments, string? CompositeFormat);
}
