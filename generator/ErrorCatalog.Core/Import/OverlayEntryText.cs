namespace ErrorCatalog.Core.Import
{
    /// <summary>One entry of a culture overlay: the code and the texts it translates (null: not translated).</summary>
    public sealed record OverlayEntryText(string Code, string? Message, string? Description, string? Solution);
}
