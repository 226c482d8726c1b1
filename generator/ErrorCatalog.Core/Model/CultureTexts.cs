namespace ErrorCatalog.Core.Model
{
    /// <summary>One culture's texts for a catalog: only the entries it translates, by row (the entry's index in the neutral catalog), ascending.</summary>
    public sealed record CultureTexts(string Culture, EquatableArray<TranslatedEntry> Entries);
}
