namespace ErrorCatalog.Core.Emit
{
    /// <summary>What the emitter needs besides the catalog itself.</summary>
    /// <param name="Namespace">The namespace of the generated types; null or empty for the global namespace.</param>
    /// <param name="NullableAnnotations">True when the consumer's language version (C# 8+) allows <c>#nullable</c> and <c>?</c> annotations.</param>
    /// <param name="SourceFileName">The catalog's file name, quoted in the generated file header.</param>
    public sealed record EmitOptions(string? Namespace, bool NullableAnnotations, string SourceFileName);

    /// <summary>One generated source file.</summary>
    public sealed record GeneratedFile(string HintName, string Source);
}
