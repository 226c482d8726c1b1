namespace ErrorCatalog.Generator
{
    /// <summary>Names of the incremental steps, so tests can assert that each is cached.</summary>
    public static class TrackingNames
    {
        public const string Catalogs = "ErrorCatalog.Catalogs";
        public const string Settings = "ErrorCatalog.Settings";
        public const string Conflicts = "ErrorCatalog.Conflicts";
        public const string Output = "ErrorCatalog.Output";
        public const string Frameworks = "ErrorCatalog.Frameworks";
        public const string Cultures = "ErrorCatalog.Cultures";
        public const string ProjectInputs = "ErrorCatalog.ProjectInputs";
        public const string Translations = "ErrorCatalog.Translations";
        public const string Libraries = "ErrorCatalog.Libraries";
    }
}
