using System;
using System.Collections.Generic;
using System.Globalization;
using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Core
{
    /// <summary>
    /// What the generator and the analyzer both read from the project's MSBuild properties (the
    /// package makes them compiler-visible): the root namespace and the catalog limits. One reader for
    /// both, so the analyzer suggests exactly the constants the generator generates.
    /// </summary>
    /// <param name="RootNamespace">The trimmed <c>RootNamespace</c>, or null when unset or blank.</param>
    /// <param name="Limits"><c>ErrorCatalogMaxFileChars</c> and <c>ErrorCatalogMaxEntries</c>; a missing or invalid value takes the default.</param>
    public sealed record ProjectSettings(string? RootNamespace, CatalogLimits Limits)
    {
        public const string RootNamespaceKey = "build_property.RootNamespace";
        public const string MaxFileCharsKey = "build_property.ErrorCatalogMaxFileChars";
        public const string MaxEntriesKey = "build_property.ErrorCatalogMaxEntries";

        /// <summary>
        /// True only in the IDE's design-time builds, when <c>ErrorCatalogLineMappings</c> is not false: the
        /// package's targets write it to a global config that only those builds pass to the compiler. The
        /// generator then maps declarations to catalog entries (<see cref="Emit.CatalogLineMap"/>).
        /// </summary>
        public const string DesignTimeKey = "build_property.ErrorCatalogDesignTime";

        public static readonly ProjectSettings Default = new ProjectSettings(null, CatalogLimits.Default);

        /// <summary>Reads the settings through <paramref name="property"/>, which returns a global analyzer-config value or null.</summary>
        public static ProjectSettings Read(Func<string, string?> property)
        {
            string? rootNamespace = property(RootNamespaceKey);
            var limits = new CatalogLimits(
                ReadInt(property(MaxFileCharsKey), CatalogLimits.DefaultMaxFileChars),
                ReadInt(property(MaxEntriesKey), CatalogLimits.DefaultMaxEntries));
            return new ProjectSettings(string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim(), limits);
        }

        private static int ReadInt(string? text, int fallback)
            => text != null && int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : fallback;

        /// <summary>
        /// The catalogs whose constants the compilation can use, owned ones first, each group in ordinal
        /// path order: the owned catalogs the generator generates (a model, and no project-wide check
        /// refuses them, <see cref="CatalogCompiler.FindProjectConflicts"/>), then the reference
        /// catalogs that no owned catalog of the same identity shadows and no earlier reference
        /// duplicates. The analyzer indexes exactly these.
        /// </summary>
        public List<CatalogParseResult> UsableCatalogs(IEnumerable<CatalogParseResult> catalogs, Emit.Integrations.Frameworks? frameworks = null)
            => CatalogCompiler.UsableCatalogs(catalogs, RootNamespace, frameworks);
    }
}
