using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core
{
    /// <summary>The core's front door: text in, model and diagnostics out; model in, C# out.</summary>
    public static class CatalogCompiler
    {
        /// <summary>True for the files the generator takes: <c>*.errors.yaml</c> and <c>*.errors.yml</c>.</summary>
        public static bool IsCatalogPath(string path)
            => path.EndsWith(".errors.yaml", StringComparison.OrdinalIgnoreCase)
               || path.EndsWith(".errors.yml", StringComparison.OrdinalIgnoreCase);

        public static CatalogParseResult Parse(string path, string? text, CatalogLimits? limits = null, CancellationToken cancellationToken = default, CatalogSource? source = null)
        {
            source ??= CatalogSource.Owned;
            var diagnostics = new List<CatalogDiagnostic>();
            CatalogModel? model = null;
            OverlayModel? overlay = null;
            if (text == null)
            {
                diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.InvalidYaml, "The catalog file could not be read", path, SourceSpan.Empty));
            }
            else
            {
                RawCatalog? raw = CatalogYamlReader.Read(path, text, limits ?? CatalogLimits.Default, diagnostics, cancellationToken);
                if (raw != null && raw.Culture.IsPresent)
                {
                    overlay = OverlayValidator.Validate(path, raw, diagnostics, cancellationToken);
                }
                else if (raw != null)
                {
                    model = CatalogValidator.Validate(path, raw, diagnostics, cancellationToken);
                }
            }

            // A reference catalog's code is in the referenced assembly: no plan, nothing in this heap.
            EmitPlan? plan = model == null || source.IsReference ? null : EmitPlan.Create(model);
            return new CatalogParseResult(path, model, new EquatableArray<CatalogDiagnostic>(diagnostics.ToArray()))
            {
                Source = source,
                Overlay = overlay,
                Plan = plan,
                UserStringBytes = plan == null ? 0 : UserStringBudget.Estimate(model!, plan),
                LogStringBytes = plan == null ? 0 : UserStringBudget.LoggingEstimate(model!),
            };
        }

        /// <summary>The C# of a model, with a plan made for the purpose (tools and tests).</summary>
        public static EquatableArray<GeneratedFile> Emit(CatalogModel model, string? defaultNamespace, bool nullableAnnotations, string sourcePath, Frameworks? frameworks = null)
            => CSharpEmitter.Emit(model, new EmitOptions(ResolveNamespace(model, defaultNamespace), nullableAnnotations, Path.GetFileName(sourcePath)) { Frameworks = frameworks ?? Frameworks.None });

        /// <summary>The C# of a parsed catalog (one with a model), from the plan made when it was parsed.</summary>
        /// <param name="lineMap">The <c>#line</c> mappings of declarations to catalog entries (the IDE's design-time builds), or null.</param>
        /// <param name="library">For a reference catalog, the integrations its library generated (<see cref="EmitOptions.Library"/>); null for the project's own.</param>
        /// <param name="extensionBlocks">The consumer's language has static extension members (<see cref="EmitOptions.ExtensionBlocks"/>).</param>
        public static EquatableArray<GeneratedFile> Emit(CatalogParseResult parsed, string? defaultNamespace, bool nullableAnnotations, Frameworks? frameworks = null, CatalogTranslations? translations = null, CatalogLineMap? lineMap = null,
            Frameworks? library = null, bool extensionBlocks = false)
        {
            CatalogModel model = parsed.Model ?? throw new ArgumentException("The catalog has no model", nameof(parsed));
            var options = new EmitOptions(ResolveNamespace(parsed, defaultNamespace), nullableAnnotations, Path.GetFileName(parsed.FilePath))
            {
                Frameworks = frameworks ?? Frameworks.None,
                Translations = translations ?? CatalogTranslations.None,
                LineMap = lineMap,
                Library = library,
                ExtensionBlocks = extensionBlocks,
            };
            return CSharpEmitter.Emit(model, parsed.Plan ?? EmitPlan.Create(model), options);
        }

        /// <summary>The namespace the catalog's types go to: its own, else the project's root namespace, else the global namespace (empty).</summary>
        public static string ResolveNamespace(CatalogModel model, string? defaultNamespace) => ResolveNamespace(model.Namespace, defaultNamespace);

        /// <summary>The same for a namespace as written in a file (a catalog's or an overlay's), or null.</summary>
        public static string ResolveNamespace(string? written, string? defaultNamespace)
            => written ?? (defaultNamespace != null && Naming.Identifiers.IsValidNamespace(defaultNamespace) ? defaultNamespace : string.Empty);

        /// <summary>The namespace of a parsed catalog's types: a reference catalog's default is its owning project's root namespace.</summary>
        public static string ResolveNamespace(CatalogParseResult catalog, string? projectRootNamespace)
            => ResolveNamespace(catalog.Model!, catalog.Source.IsReference ? catalog.Source.RootNamespace : projectRootNamespace);

        /// <summary>Owned catalogs first, then reference catalogs, each group in ordinal path order, those with a model only: the order of every project-wide check.</summary>
        public static List<CatalogParseResult> InProjectOrder(IEnumerable<CatalogParseResult> catalogs)
        {
            var ordered = new List<CatalogParseResult>();
            foreach (CatalogParseResult catalog in catalogs)
            {
                if (catalog.Model != null)
                {
                    ordered.Add(catalog);
                }
            }

            ordered.Sort((a, b) => a.Source.IsReference != b.Source.IsReference ? (a.Source.IsReference ? 1 : -1) : string.CompareOrdinal(a.FilePath, b.FilePath));
            return ordered;
        }

        /// <summary>
        /// The checks that need every catalog of a project: two catalogs that would generate the
        /// same types (ERRCAT010), then the user-string heap all their code shares (ERRCAT011).
        /// Each file named by a diagnostic here generates nothing.
        /// </summary>
        /// <param name="frameworks">The integrations the compilation sees: those whose files add string literals
        /// (<see cref="FrameworkIntegration.AddsUserStrings"/>: <c>XLog</c>) take their share of the heap too.</param>
        public static EquatableArray<CatalogDiagnostic> FindProjectConflicts(IEnumerable<CatalogParseResult> catalogs, string? defaultNamespace, Frameworks? frameworks = null)
            => new EquatableArray<CatalogDiagnostic>(CheckProject(catalogs, defaultNamespace, frameworks ?? Frameworks.None, out _).ToArray());

        /// <summary>
        /// The catalogs whose constants the compilation can use, in project order: those the project-wide
        /// checks keep (<see cref="FindProjectConflicts"/>) — owned catalogs that generate, and reference
        /// catalogs that no owned catalog or earlier reference of the same identity shadows.
        /// </summary>
        /// <param name="frameworks">As for <see cref="FindProjectConflicts"/>: the analyzer passes what the generator sees, so both refuse the same catalogs.</param>
        public static List<CatalogParseResult> UsableCatalogs(IEnumerable<CatalogParseResult> catalogs, string? defaultNamespace, Frameworks? frameworks = null)
        {
            List<CatalogDiagnostic> conflicts = CheckProject(catalogs, defaultNamespace, frameworks ?? Frameworks.None, out List<CatalogParseResult> kept);
            return kept.FindAll(c => RefusalOf(c, conflicts) == null);
        }

        /// <summary>One pass of the project-wide checks: their diagnostics, and the catalogs the identity check keeps.</summary>
        private static List<CatalogDiagnostic> CheckProject(IEnumerable<CatalogParseResult> catalogs, string? defaultNamespace, Frameworks frameworks, out List<CatalogParseResult> kept)
        {
            var conflicts = new List<CatalogDiagnostic>();
            kept = FindIdentityConflicts(InProjectOrder(catalogs), defaultNamespace, conflicts);
            FindStringHeapOverruns(kept.FindAll(c => !c.Source.IsReference), frameworks.AddsUserStrings, conflicts);
            return conflicts;
        }

        /// <summary>The project-wide diagnostic that refuses the catalog, or null.</summary>
        public static CatalogDiagnostic? RefusalOf(CatalogParseResult catalog, IEnumerable<CatalogDiagnostic> conflicts)
        {
            foreach (CatalogDiagnostic conflict in conflicts)
            {
                if (conflict.FilePath == catalog.FilePath)
                {
                    return conflict;
                }
            }

            return null;
        }

        /// <summary>
        /// Adds up, by ordinal path, what each catalog's code takes of the assembly's user-string
        /// heap; a catalog that would take the total past <see cref="UserStringBudget.ProjectBudget"/>
        /// gets ERRCAT011 (and does not count), since its code would fail to compile with CS8103.
        /// Within the budget by the catalogs' plain estimates, nothing more is done; past it, each is
        /// counted exactly (repeated texts once, as the compiler stores them).
        /// </summary>
        /// <summary>
        /// The catalogs' plain estimate of the user-string heap (each catalog's own, <paramref name="logging"/>: with
        /// XLog's literals); at most <see cref="UserStringBudget.ProjectBudget"/>, no catalog is refused for it.
        /// </summary>
        public static long PlainUserStringBytes(IEnumerable<CatalogParseResult> owned, bool logging)
        {
            long plain = 0;
            foreach (CatalogParseResult catalog in owned)
            {
                plain += catalog.UserStringBytes + (logging ? catalog.LogStringBytes : 0);
            }

            return plain;
        }

        private static void FindStringHeapOverruns(List<CatalogParseResult> ordered, bool logging, List<CatalogDiagnostic> conflicts)
        {
            if (PlainUserStringBytes(ordered, logging) <= UserStringBudget.ProjectBudget)
            {
                return;
            }

            long total = 0;
            var counted = new List<string>();
            foreach (CatalogParseResult catalog in ordered)
            {
                long bytes = UserStringBudget.EstimateExact(catalog.Model!, catalog.Plan ?? EmitPlan.Create(catalog.Model!), logging);
                if (total + bytes <= UserStringBudget.ProjectBudget)
                {
                    total += bytes;
                    counted.Add(Path.GetFileName(catalog.FilePath));
                    continue;
                }

                string others = counted.Count == 0 ? string.Empty : $" (with {MiB(total)} for {string.Join(", ", counted)})";
                conflicts.Add(CatalogDiagnostic.Create(DiagnosticIds.ResourceLimit,
                    $"Catalog '{catalog.Model!.CatalogName}' needs {MiB(bytes)} of string literals in the compiled assembly, which would take the project's catalogs{others} past the {MiB(UserStringBudget.ProjectBudget)} they may use of the assembly's 16 MiB user-string heap (the compiler would fail with CS8103); split the catalog's texts across projects or shorten its descriptions and solutions",
                    catalog.FilePath, catalog.Model.IdentitySpan));
            }
        }

        private static string MiB(long bytes)
            => (bytes / (1024.0 * 1024.0)).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + " MiB";

        /// <summary>
        /// Finds catalogs that would generate the same types (same catalog name in the same namespace;
        /// compared ignoring case, since generated file names must differ on every file system).
        /// The first file by ordinal path keeps its types; each later one gets ERRCAT010. Reference
        /// catalogs come after owned ones: one with an owned catalog's identity, or the same file seen
        /// twice, is shadowed without a diagnostic (owned wins); two referenced libraries' catalogs of
        /// one identity get ERRCAT010 on the later one, since their types collide in this project.
        /// Returns the catalogs that keep theirs, in project order.
        /// </summary>
        private static List<CatalogParseResult> FindIdentityConflicts(List<CatalogParseResult> ordered, string? defaultNamespace, List<CatalogDiagnostic> conflicts)
        {
            var firstByIdentity = new Dictionary<string, CatalogParseResult>(StringComparer.OrdinalIgnoreCase);
            var unique = new List<CatalogParseResult>(ordered.Count);
            foreach (CatalogParseResult catalog in ordered)
            {
                string ns = ResolveNamespace(catalog, defaultNamespace);
                string identity = ns + "." + catalog.Model!.CatalogName;
                if (firstByIdentity.TryGetValue(identity, out CatalogParseResult? first))
                {
                    if (catalog.Source.IsReference && (!first.Source.IsReference || first.FilePath == catalog.FilePath))
                    {
                        continue; // owned wins; the same referenced file twice is one catalog
                    }

                    string where = ns.Length == 0 ? "the global namespace" : $"namespace '{ns}'";
                    string message = catalog.Source.IsReference
                        ? $"Catalog '{catalog.Model.CatalogName}' in {where} is defined by two referenced libraries ({first.FilePath} and this file), whose generated types collide in this project; reference one of them, or give one catalog another name or namespace"
                        : $"Catalog '{catalog.Model.CatalogName}' in {where} is also defined by {Path.GetFileName(first.FilePath)}, so both would generate the same types; give one catalog another name or namespace";
                    conflicts.Add(CatalogDiagnostic.Create(DiagnosticIds.InvalidIdentity, message, catalog.FilePath, catalog.Model.IdentitySpan));
                }
                else
                {
                    firstByIdentity.Add(identity, catalog);
                    unique.Add(catalog);
                }
            }

            return unique;
        }
    }
}
