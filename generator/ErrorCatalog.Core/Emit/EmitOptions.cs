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

        /// <summary>
        /// Null for a project's own catalog. For a reference catalog (one a referenced library owns and has generated):
        /// the integrations that library generated. Only the integrations of <see cref="Frameworks"/> it lacks are
        /// written, in the form a consuming project can add to another assembly's types: extension methods and
        /// <c>internal</c> types with the same names and call forms (<see cref="EmitContext.External"/>).
        /// </summary>
        public Frameworks? Library { get; init; }

        /// <summary>
        /// The consumer's language has static extension members (C# 14): a reference catalog's static integration
        /// members (<c>XException.FromBody</c>) keep their call form; below C# 14 they are static methods of the
        /// integration's extensions class.
        /// </summary>
        public bool ExtensionBlocks { get; init; }
    }
}
