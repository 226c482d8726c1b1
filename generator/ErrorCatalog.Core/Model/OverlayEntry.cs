namespace ErrorCatalog.Core.Model
{
    /// <summary>One entry of an overlay: the code it translates and any of its three texts (null: not translated).</summary>
    public sealed record OverlayEntry(string Code, SourceSpan CodeSpan, string? Message, SourceSpan MessageSpan, string? Description, string? Solution);
}
