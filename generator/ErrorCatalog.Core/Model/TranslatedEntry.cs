namespace ErrorCatalog.Core.Model
{
    /// <summary>
    /// One entry's texts in a culture. <paramref name="Segments"/> is the translated message parsed with the
    /// neutral entry's parameters (empty when the message is not translated); <paramref name="CompositeFormat"/>
    /// the composite format it means when that differs from the message as written.
    /// </summary>
    public sealed record TranslatedEntry(int Row, string? Message, string? Description, string? Solution, EquatableArray<TemplateSegment> Segments, string? CompositeFormat);
}
