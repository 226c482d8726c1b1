namespace ErrorCatalog.Core.Diagnostics
{
    public enum CatalogSeverity
    {
        Info,
        Warning,
        Error,
    }
}
