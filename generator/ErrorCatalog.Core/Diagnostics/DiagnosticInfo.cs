namespace ErrorCatalog.Core.Diagnostics
{
    /// <summary>What one diagnostic ID means; the Roslyn adapters turn each into a DiagnosticDescriptor.</summary>
    public sealed record DiagnosticInfo(string Id, string Title, CatalogSeverity DefaultSeverity, string Category)
    {
        /// <summary>The ID's help page, or null when the build set no repository URL (<see cref="DiagnosticIds.HelpLinkFor"/>).</summary>
        public string? HelpLink => DiagnosticIds.HelpLinkFor(Id);
    }
}
