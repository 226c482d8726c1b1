using System;

namespace ErrorCatalog.Core
{
    /// <summary>
    /// Where a catalog file comes from, read from its AdditionalFiles metadata: the project's own
    /// catalog (generated here), or a <b>reference catalog</b> — one a referenced library or package
    /// owns and has generated already: this project checks literals against it and generates nothing.
    /// </summary>
    /// <param name="IsReference">The item's <c>ErrorCatalogReference</c> metadata is <c>true</c>.</param>
    /// <param name="RootNamespace">The owning project's root namespace (<c>ErrorCatalogRootNamespace</c>), where its catalog's types are when the catalog names no namespace.</param>
    public sealed record CatalogSource(bool IsReference, string? RootNamespace)
    {
        public const string ReferenceMetadata = "ErrorCatalogReference";
        public const string RootNamespaceMetadata = "ErrorCatalogRootNamespace";
        public const string ReferenceKey = "build_metadata.AdditionalFiles." + ReferenceMetadata;
        public const string RootNamespaceKey = "build_metadata.AdditionalFiles." + RootNamespaceMetadata;

        public static readonly CatalogSource Owned = new CatalogSource(false, null);

        /// <summary>Reads the source through <paramref name="metadata"/>, which returns a file's analyzer-config value or null.</summary>
        public static CatalogSource Read(Func<string, string?> metadata)
        {
            if (!string.Equals(metadata(ReferenceKey)?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return Owned;
            }

            string? ns = metadata(RootNamespaceKey);
            return new CatalogSource(true, string.IsNullOrWhiteSpace(ns) ? null : ns!.Trim());
        }
    }
}
