namespace ErrorCatalog.Core.Import
{
    /// <summary>A formatter parameter as a catalog writes it: a name, and its type where it has one.</summary>
    public sealed record ParameterText(string Name, string? Type);
}
