using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core
{
    /// <summary>A parsed and validated catalog file: the model (null when the file cannot be used), its emit plan and its diagnostics.</summary>
    public sealed record CatalogParseResult(string FilePath, CatalogModel? Model, EquatableArray<CatalogDiagnostic> Diagnostics)
    {
        /// <summary>What the emitter will write for the model, decided once (<see cref="EmitPlan"/>); null without a model.</summary>
        public EmitPlan? Plan { get; init; }

        /// <summary>What the model's generated code takes of the assembly's user-string heap (<see cref="UserStringBudget.Estimate(CatalogModel, EmitPlan)"/>); 0 without a model.</summary>
        public long UserStringBytes { get; init; }
    }

    /// <summary>The core's front door: text in, model and diagnostics out; model in, C# out.</summary>
    public static class CatalogCompiler
    {
        /// <summary>True for the files the generator takes: <c>*.errors.yaml</c> and <c>*.errors.yml</c>.</summary>
        public static bool IsCatalogPath(string path)
            => path.EndsWith(".errors.yaml", StringComparison.OrdinalIgnoreCase)
               || path.EndsWith(".errors.yml", StringComparison.OrdinalIgnoreCase);

        public static CatalogParseResult Parse(string path, string? text, CatalogLimits? limits = null, CancellationToken cancellationToken = default)
        {
            var diagnostics = new List<CatalogDiagnostic>();
            CatalogModel? model = null;
            if (text == null)
            {
                diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.InvalidYaml, "The catalog file could not be read", path, SourceSpan.Empty));
            }
            else
            {
                RawCatalog? raw = CatalogYamlReader.Read(path, text, limits ?? CatalogLimits.Default, diagnostics, cancellationToken);
                if (raw != null)
                {
                    model = CatalogValidator.Validate(path, raw, diagnostics, cancellationToken);
                }
            }

            EmitPlan? plan = model == null ? null : EmitPlan.Create(model);
            return new CatalogParseResult(path, model, new EquatableArray<CatalogDiagnostic>(diagnostics.ToArray()))
            {
                Plan = plan,
                UserStringBytes = model == null ? 0 : UserStringBudget.Estimate(model, plan!),
            };
        }

        /// <summary>The C# of a model, with a plan made for the purpose (tools and tests).</summary>
        public static EquatableArray<GeneratedFile> Emit(CatalogModel model, string? defaultNamespace, bool nullableAnnotations, string sourcePath)
            => CSharpEmitter.Emit(model, new EmitOptions(ResolveNamespace(model, defaultNamespace), nullableAnnotations, Path.GetFileName(sourcePath)));

        /// <summary>The C# of a parsed catalog (one with a model), from the plan made when it was parsed.</summary>
        public static EquatableArray<GeneratedFile> Emit(CatalogParseResult parsed, string? defaultNamespace, bool nullableAnnotations)
        {
            CatalogModel model = parsed.Model ?? throw new ArgumentException("The catalog has no model", nameof(parsed));
            var options = new EmitOptions(ResolveNamespace(model, defaultNamespace), nullableAnnotations, Path.GetFileName(parsed.FilePath));
            return CSharpEmitter.Emit(model, parsed.Plan ?? EmitPlan.Create(model), options);
        }

        /// <summary>The namespace the catalog's types go to: its own, else the project's root namespace, else the global namespace (empty).</summary>
        public static string ResolveNamespace(CatalogModel model, string? defaultNamespace)
            => model.Namespace ?? (defaultNamespace != null && Naming.Identifiers.IsValidNamespace(defaultNamespace) ? defaultNamespace : string.Empty);

        /// <summary>
        /// The checks that need every catalog of a project: two catalogs that would generate the
        /// same types (ERRCAT010), then the user-string heap all their code shares (ERRCAT011).
        /// Each file named by a diagnostic here generates nothing.
        /// </summary>
        public static EquatableArray<CatalogDiagnostic> FindProjectConflicts(IEnumerable<CatalogParseResult> catalogs, string? defaultNamespace)
        {
            List<CatalogParseResult> ordered = WithModelsByPath(catalogs);
            var conflicts = new List<CatalogDiagnostic>();
            List<CatalogParseResult> unique = FindIdentityConflicts(ordered, defaultNamespace, conflicts);
            FindStringHeapOverruns(unique, conflicts);
            return new EquatableArray<CatalogDiagnostic>(conflicts.ToArray());
        }

        /// <summary>True when a project-wide check refused the catalog: it generates nothing.</summary>
        public static bool IsRefused(CatalogParseResult catalog, EquatableArray<CatalogDiagnostic> conflicts) => RefusalOf(catalog, conflicts) != null;

        /// <summary>The project-wide diagnostic that refuses the catalog, or null.</summary>
        public static CatalogDiagnostic? RefusalOf(CatalogParseResult catalog, EquatableArray<CatalogDiagnostic> conflicts)
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
        private static void FindStringHeapOverruns(List<CatalogParseResult> ordered, List<CatalogDiagnostic> conflicts)
        {
            long plain = 0;
            foreach (CatalogParseResult catalog in ordered)
            {
                plain += catalog.UserStringBytes;
            }

            if (plain <= UserStringBudget.ProjectBudget)
            {
                return;
            }

            long total = 0;
            var counted = new List<string>();
            foreach (CatalogParseResult catalog in ordered)
            {
                long bytes = UserStringBudget.EstimateExact(catalog.Model!, catalog.Plan ?? EmitPlan.Create(catalog.Model!));
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

        /// <summary>The catalogs that have a model, in ordinal path order (the order every project-wide check reports in).</summary>
        private static List<CatalogParseResult> WithModelsByPath(IEnumerable<CatalogParseResult> catalogs)
        {
            var ordered = new List<CatalogParseResult>();
            foreach (CatalogParseResult catalog in catalogs)
            {
                if (catalog.Model != null)
                {
                    ordered.Add(catalog);
                }
            }

            ordered.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
            return ordered;
        }

        /// <summary>
        /// Finds catalogs that would generate the same types (same catalog name in the same namespace;
        /// compared ignoring case, since generated file names must differ on every file system).
        /// The first file by ordinal path keeps its types; each later one gets ERRCAT010. Returns the
        /// catalogs that keep theirs, still in path order.
        /// </summary>
        private static List<CatalogParseResult> FindIdentityConflicts(List<CatalogParseResult> ordered, string? defaultNamespace, List<CatalogDiagnostic> conflicts)
        {
            var firstByIdentity = new Dictionary<string, CatalogParseResult>(StringComparer.OrdinalIgnoreCase);
            var unique = new List<CatalogParseResult>(ordered.Count);
            foreach (CatalogParseResult catalog in ordered)
            {
                string ns = ResolveNamespace(catalog.Model!, defaultNamespace);
                string identity = ns + "." + catalog.Model!.CatalogName;
                if (firstByIdentity.TryGetValue(identity, out CatalogParseResult? first))
                {
                    string where = ns.Length == 0 ? "the global namespace" : $"namespace '{ns}'";
                    conflicts.Add(CatalogDiagnostic.Create(DiagnosticIds.InvalidIdentity,
                        $"Catalog '{catalog.Model.CatalogName}' in {where} is also defined by {Path.GetFileName(first.FilePath)}, so both would generate the same types; give one catalog another name or namespace",
                        catalog.FilePath, catalog.Model.IdentitySpan));
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
