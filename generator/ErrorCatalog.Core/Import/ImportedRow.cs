namespace ErrorCatalog.Core.Import
{
    /// <summary>A row of an error table, with the line it starts on.</summary>
    public sealed record ImportedRow(int Line, int Status, string Code, string Message, string Description, string Solution);
}
