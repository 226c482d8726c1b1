namespace ErrorCatalog.Core.Templates
{
    /// <summary>How a message refers to its arguments.</summary>
    public enum PlaceholderKind
    {
        None,
        Indexed,
        Named,
    }
}
