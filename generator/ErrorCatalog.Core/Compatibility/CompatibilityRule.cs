namespace ErrorCatalog.Core.Compatibility
{
    /// <summary>One rule of the compatibility gate: its id (a SARIF rule id), what it means, and whether it breaks clients.</summary>
    public sealed record CompatibilityRule(string Id, string Title, bool Breaking);
}
