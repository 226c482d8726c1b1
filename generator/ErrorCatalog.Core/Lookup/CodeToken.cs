namespace ErrorCatalog.Core.Lookup
{
    /// <summary>A code-shaped token found in a string: its place in the text and its catalog prefix.</summary>
    public readonly record struct CodeToken(int Start, int Length, string Text, string Prefix);
}
