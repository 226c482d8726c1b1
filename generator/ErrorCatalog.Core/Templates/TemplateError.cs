namespace ErrorCatalog.Core.Templates
{
    /// <summary>A problem in a message template, at a character offset within the message.</summary>
    public sealed record TemplateError(int Offset, int Length, string Message);
}
