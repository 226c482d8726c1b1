using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Cultures
{
    /// <summary>What joining a project's overlays to their neutral catalogs gives: each catalog's cultures, and the overlays' diagnostics.</summary>
    public sealed record CultureLinkResult(EquatableArray<CatalogTranslations> Catalogs, EquatableArray<CatalogDiagnostic> Diagnostics)
    {
        public static readonly CultureLinkResult None = new CultureLinkResult(EquatableArray<CatalogTranslations>.Empty, EquatableArray<CatalogDiagnostic>.Empty);

        /// <summary>The cultures of the neutral catalog at <paramref name="path"/>; <see cref="CatalogTranslations.None"/> when it has none.</summary>
        public CatalogTranslations For(string path)
        {
            foreach (CatalogTranslations catalog in Catalogs)
            {
                if (catalog.NeutralPath == path)
                {
                    return catalog;
                }
            }

            return CatalogTranslations.None;
        }
    }
}
