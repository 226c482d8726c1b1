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
    /// <summary>A parsed and validated catalog file: the model (null when the file cannot be used) and its diagnostics.</summary>
    public sealed record CatalogParseResult(string FilePath, CatalogModel? Model, EquatableArray<CatalogDiagnostic> Diagnostics);

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

            return new CatalogParseResult(path, model, new EquatableArray<CatalogDiagnostic>(diagnostics.ToArray()));
        }

        public static EquatableArray<GeneratedFile> Emit(CatalogModel model, string? defaultNamespace, bool nullableAnnotations, string sourcePath)
            => CSharpEmitter.Emit(model, new EmitOptions(ResolveNamespace(model, defaultNamespace), nullableAnnotations, Path.GetFileName(sourcePath)));

        /// <summary>The namespace the catalog's types go to: its own, else the project's root namespace, else the global namespace (empty).</summary>
        public static string ResolveNamespace(CatalogModel model, string? defaultNamespace)
            => model.Namespace ?? (defaultNamespace != null && Naming.Identifiers.IsValidNamespace(defaultNamespace) ? defaultNamespace : string.Empty);

        /// <summary>
        /// Finds catalogs that would generate the same types (same catalog name in the same namespace;
        /// compared ignoring case, since generated file names must differ on every file system).
        /// The first file by ordinal path keeps its types; each later one gets ERRCAT010.
        /// </summary>
        public static EquatableArray<CatalogDiagnostic> FindIdentityConflicts(IEnumerable<CatalogParseResult> catalogs, string? defaultNamespace)
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
            var firstByIdentity = new Dictionary<string, CatalogParseResult>(StringComparer.OrdinalIgnoreCase);
            var conflicts = new List<CatalogDiagnostic>();
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
                }
            }

            return new EquatableArray<CatalogDiagnostic>(conflicts.ToArray());
        }
    }
}
