using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>What the emitter needs besides the catalog itself.</summary>
    /// <param name="Namespace">The namespace of the generated types; null or empty for the global namespace.</param>
    /// <param name="NullableAnnotations">True when the consumer's language version (C# 8+) allows <c>#nullable</c> and <c>?</c> annotations.</param>
    /// <param name="SourceFileName">The catalog's file name, quoted in the generated file header.</param>
    public sealed record EmitOptions(string? Namespace, bool NullableAnnotations, string SourceFileName)
    {
        /// <summary>The frameworks the consuming compilation can see; code for a framework is emitted only when it can.</summary>
        public Frameworks Frameworks { get; init; } = Frameworks.None;

        /// <summary>The <c>#line</c> mappings of declarations to catalog entries (design-time builds), or null: none.</summary>
        public CatalogLineMap? LineMap { get; init; }

        /// <summary>The catalog's culture overlays, joined and checked (<see cref="Cultures.OverlayLinker"/>); none by default.</summary>
        public CatalogTranslations Translations { get; init; } = CatalogTranslations.None;
    }
}
