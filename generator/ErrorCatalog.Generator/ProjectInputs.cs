using ErrorCatalog.Core;
using ErrorCatalog.Core.Cultures;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Generator
{
    /// <summary>
    /// What every catalog's emit reads besides the catalog itself, named: the project's settings, the
    /// conflicts between its catalogs, the frameworks it can see and its culture overlays. Equatable
    /// member by member, so an edit that changes none of them leaves every catalog's output cached.
    /// </summary>
    internal sealed record ProjectInputs(GeneratorSettings Settings, EquatableArray<CatalogDiagnostic> Conflicts, Frameworks Frameworks, CultureLinkResult Cultures);
}
