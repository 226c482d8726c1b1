namespace ErrorCatalog.Core.Model
{
    /// <summary>The cultures of one neutral catalog, sorted by culture name (ordinal); what the emitter writes from.</summary>
    public sealed record CatalogTranslations(string NeutralPath, EquatableArray<CultureTexts> Cultures)
    {
        public static readonly CatalogTranslations None = new CatalogTranslations(string.Empty, EquatableArray<CultureTexts>.Empty);

        public bool IsEmpty => Cultures.Count == 0;
    }
}
