using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Generator
{
    /// <summary>What the generator reads from the project (MSBuild properties and parse options), as an equatable value.</summary>
    internal sealed record GeneratorSettings(string? RootNamespace, bool NullableAnnotations, CatalogLimits Limits);
}
