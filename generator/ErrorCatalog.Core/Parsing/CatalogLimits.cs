namespace ErrorCatalog.Core.Parsing
{
    /// <summary>
    /// Resource limits for one catalog file. The defaults admit a 100,000-entry, 32 MB catalog;
    /// a project raises them with MSBuild properties.
    /// </summary>
    public sealed record CatalogLimits(int MaxFileChars, int MaxEntries)
    {
        public const int DefaultMaxFileChars = 64 * 1024 * 1024;
        public const int DefaultMaxEntries = 200_000;

        public static readonly CatalogLimits Default = new CatalogLimits(DefaultMaxFileChars, DefaultMaxEntries);
    }
}
