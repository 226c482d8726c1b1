namespace ErrorCatalog.Core.Import
{
    /// <summary>Something the importer wants the user to know, at a line of the table.</summary>
    public sealed record ImportNote(int Line, string Message)
    {
        public override string ToString() => $"line {Line}: {Message}";
    }
}
