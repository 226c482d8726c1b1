using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Generator
{
    /// <summary>
    /// What every catalog's emit reads besides the catalog itself and its own translations
    /// (<see cref="TranslatedCatalog"/>), named: the project's settings, the conflicts between its catalogs
    /// and the frameworks it can see. Equatable member by member, so an edit that changes none of them
    /// leaves every catalog's output cached.
    /// </summary>
    internal sealed record ProjectInputs(GeneratorSettings Settings, EquatableArray<CatalogDiagnostic> Conflicts, Frameworks Frameworks, EquatableArray<LibraryIntegrations> Libraries);
}
