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
                diagnostics.Add(new CatalogDiagnostic(DiagnosticIds.InvalidYaml, CatalogSeverity.Error, "The catalog file could not be read", path, SourceSpan.Empty));
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
        {
            string? ns = model.Namespace ?? (defaultNamespace != null && Naming.Identifiers.IsValidNamespace(defaultNamespace) ? defaultNamespace : null);
            return CSharpEmitter.Emit(model, new EmitOptions(ns, nullableAnnotations, Path.GetFileName(sourcePath)));
        }
    }
}
