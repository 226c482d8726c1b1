namespace ErrorCatalog.Core.Emit
{
    /// <summary>One generated source file: its hint name (the file name the compiler shows) and its text.</summary>
    public sealed record GeneratedFile(string HintName, string Source);
}
