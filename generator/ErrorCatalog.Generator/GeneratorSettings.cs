using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Generator
{
    /// <summary>What the generator reads from the project (MSBuild properties and parse options), as an equatable value.</summary>
    /// <param name="LineMappings">A design-time build that wants declarations mapped to catalog entries (<see cref="Core.ProjectSettings.DesignTimeKey"/>).</param>
    /// <param name="LineSpans">C# 10 or later: the mappings take the enhanced <c>#line</c> form.</param>
    /// <param name="ExtensionBlocks">C# 14 or later: static extension members (<see cref="Core.Emit.EmitOptions.ExtensionBlocks"/>).</param>
    internal sealed record GeneratorSettings(string? RootNamespace, bool NullableAnnotations, CatalogLimits Limits, bool LineMappings = false, bool LineSpans = false, bool ExtensionBlocks = false);
}
