using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Cultures;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Generator
{
    /// <summary>
    /// Generates a typed error API from every <c>*.errors.yaml</c> AdditionalFile. A thin adapter:
    /// the core parses, validates and emits; this class wires the steps into an incremental
    /// pipeline of equatable values and reports the core's diagnostics at their place in the YAML.
    /// </summary>
    [Generator(LanguageNames.CSharp)]
    public sealed class ErrorCatalogGenerator : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            IncrementalValueProvider<GeneratorSettings> settings = context.AnalyzerConfigOptionsProvider
                .Combine(context.ParseOptionsProvider)
                .Select(static (pair, _) => ReadSettings(pair.Left.GlobalOptions, pair.Right))
                .WithTrackingName(TrackingNames.Settings);

            // Each catalog file with where it comes from (its AdditionalFiles metadata: the project's own,
            // or a reference catalog that a referenced library has generated already).
            IncrementalValuesProvider<(AdditionalText File, CatalogSource Source)> files = context.AdditionalTextsProvider
                .Where(static file => CatalogCompiler.IsCatalogPath(file.Path))
                .Combine(context.AnalyzerConfigOptionsProvider)
                .Select(static (pair, _) => (pair.Left, ReadSource(pair.Right.GetOptions(pair.Left))));

            IncrementalValuesProvider<CatalogParseResult> catalogs = files
                .Combine(settings.Select(static (s, _) => s.Limits))
                .Select(static (pair, cancellationToken) => Parse(pair.Left.File, pair.Left.Source, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Catalogs);

            // The frameworks the compilation can see (checked by type): code for a framework is emitted
            // only when it can. Equatable, so an edit that adds no reference leaves it Unchanged.
            IncrementalValueProvider<Frameworks> frameworks = context.CompilationProvider
                .Select(static (compilation, _) => FrameworkDetection.Detect(compilation))
                .WithTrackingName(TrackingNames.Frameworks);

            // What needs every catalog: two files that would generate the same types (reported on the later
            // file), and the user-string heap their code shares (reported on the file that overruns it;
            // XLog's literals count where the compilation sees logging).
            IncrementalValueProvider<EquatableArray<CatalogDiagnostic>> conflicts = catalogs
                .Collect()
                .Combine(settings)
                .Combine(frameworks)
                .Select(static (pair, _) =>
                {
                    ((ImmutableArray<CatalogParseResult> all, GeneratorSettings project), Frameworks seen) = pair;
                    return CatalogCompiler.FindProjectConflicts(all, project.RootNamespace, seen);
                })
                .WithTrackingName(TrackingNames.Conflicts);

            // Culture overlays joined to their neutral catalogs; the overlays' own diagnostics are reported here.
            IncrementalValueProvider<CultureLinkResult> cultures = catalogs
                .Collect()
                .Combine(settings)
                .Select(static (pair, _) => OverlayLinker.Link(pair.Left, pair.Right.RootNamespace))
                .WithTrackingName(TrackingNames.Cultures);

            // Each catalog with its own translations only, before the combine with the project: an edit to
            // one catalog's overlay leaves every other catalog's pair equal, so their emit stays Cached.
            IncrementalValuesProvider<TranslatedCatalog> translated = catalogs
                .Combine(cultures)
                .Select(static (pair, _) => new TranslatedCatalog(pair.Left, pair.Right.For(pair.Left.FilePath)))
                .WithTrackingName(TrackingNames.Translations);

            // The integrations each referenced library generated for its catalog, so the project adds those it sees and
            // they lack. Looked up in the compilation on every edit, only when there are reference catalogs and frameworks.
            IncrementalValueProvider<EquatableArray<LibraryIntegrations>> libraries = catalogs
                .Where(static catalog => catalog.Model != null)
                .Combine(settings.Select(static (s, _) => s.RootNamespace))
                .Select(static (pair, _) => new ReferenceCatalog(pair.Left.FilePath, CatalogCompiler.ResolveNamespace(pair.Left, pair.Right), pair.Left.Model!.CatalogName, pair.Left.Source.IsReference))
                .Collect()
                .Select(static (all, _) => LibraryIntegrationDetection.Unshadowed(all))
                .Combine(frameworks)
                .Combine(context.CompilationProvider)
                .Select(static (pair, _) => LibraryIntegrationDetection.Detect(pair.Right, pair.Left.Left, pair.Left.Right))
                .WithTrackingName(TrackingNames.Libraries);

            // Everything a catalog's emit reads besides the catalog and its translations, as one named, equatable value.
            IncrementalValueProvider<ProjectInputs> project = settings
                .Combine(conflicts)
                .Combine(frameworks)
                .Combine(libraries)
                .Select(static (pair, _) =>
                {
                    (((GeneratorSettings values, EquatableArray<CatalogDiagnostic> found), Frameworks seen), EquatableArray<LibraryIntegrations> owned) = pair;
                    return new ProjectInputs(values, found, seen, owned);
                })
                .WithTrackingName(TrackingNames.ProjectInputs);

            IncrementalValuesProvider<CatalogOutput> outputs = translated
                .Combine(project)
                .Select(static (pair, cancellationToken) => Emit(pair.Left, pair.Right, cancellationToken))
                .WithTrackingName(TrackingNames.Output);

            context.RegisterSourceOutput(cultures, static (spc, linked) =>
            {
                foreach (CatalogDiagnostic diagnostic in linked.Diagnostics)
                {
                    spc.ReportDiagnostic(DiagnosticMapper.ToDiagnostic(diagnostic));
                }
            });

            context.RegisterSourceOutput(outputs, static (spc, output) =>
            {
                foreach (CatalogDiagnostic diagnostic in output.Diagnostics)
                {
                    spc.ReportDiagnostic(DiagnosticMapper.ToDiagnostic(diagnostic));
                }

                foreach (GeneratedFile file in output.Files)
                {
                    spc.AddSource(file.HintName, SourceText.From(file.Source, Encoding.UTF8));
                }
            });
        }

        private static GeneratorSettings ReadSettings(AnalyzerConfigOptions options, ParseOptions parseOptions)
        {
            ProjectSettings project = ProjectSettings.Read(key => options.TryGetValue(key, out string? value) ? value : null);
            LanguageVersion language = parseOptions is CSharpParseOptions csharp ? csharp.LanguageVersion : LanguageVersion.CSharp1;
            bool designTime = options.TryGetValue(ProjectSettings.DesignTimeKey, out string? value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            // C# 14 (1400) is newer than this Roslyn's enumeration; Preview's value is above it.
            return new GeneratorSettings(project.RootNamespace, language >= LanguageVersion.CSharp8, project.Limits, designTime, language >= LanguageVersion.CSharp10, (int)language >= 1400);
        }

        private static CatalogSource ReadSource(AnalyzerConfigOptions options)
            => CatalogSource.Read(key => options.TryGetValue(key, out string? value) ? value : null);

        private static CatalogParseResult Parse(AdditionalText file, CatalogSource source, CatalogLimits limits, CancellationToken cancellationToken)
        {
            try
            {
                string? text = file.GetText(cancellationToken)?.ToString();
                return CatalogCompiler.Parse(file.Path, text, limits, cancellationToken, source);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new CatalogParseResult(file.Path, null, new EquatableArray<CatalogDiagnostic>(new[] { InternalError(file.Path, ex) })) { Source = source };
            }
        }

        private static CatalogOutput Emit(TranslatedCatalog catalog, ProjectInputs project, CancellationToken cancellationToken)
        {
            CatalogParseResult result = catalog.Catalog;
            EquatableArray<CatalogDiagnostic> conflicts = project.Conflicts;
            if (result.Source.IsReference)
            {
                // Generated, and its own diagnostics reported, by the project that owns it; here only a
                // collision with another referenced library's catalog is reported, and the integrations this
                // project sees and the library lacks are added.
                CatalogDiagnostic? collision = CatalogCompiler.RefusalOf(result, conflicts);
                if (collision != null)
                {
                    return new CatalogOutput(EquatableArray<GeneratedFile>.Empty, new EquatableArray<CatalogDiagnostic>(new[] { collision }));
                }

                return EmitReference(catalog, project, cancellationToken);
            }

            if (result.Model == null)
            {
                return new CatalogOutput(EquatableArray<GeneratedFile>.Empty, result.Diagnostics);
            }

            CatalogDiagnostic? refusal = CatalogCompiler.RefusalOf(result, conflicts);
            if (refusal != null)
            {
                return new CatalogOutput(EquatableArray<GeneratedFile>.Empty, Append(result.Diagnostics, refusal));
            }

            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                GeneratorSettings settings = project.Settings;
                CatalogLineMap? lines = settings.LineMappings ? CatalogLineMap.For(result.FilePath, settings.LineSpans) : null;
                EquatableArray<GeneratedFile> files = CatalogCompiler.Emit(result, settings.RootNamespace, settings.NullableAnnotations, project.Frameworks, catalog.Translations, lines);
                return new CatalogOutput(files, result.Diagnostics);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new CatalogOutput(EquatableArray<GeneratedFile>.Empty, Append(result.Diagnostics, InternalError(result.FilePath, ex)));
            }
        }

        private static CatalogOutput EmitReference(TranslatedCatalog catalog, ProjectInputs project, CancellationToken cancellationToken)
        {
            CatalogParseResult result = catalog.Catalog;
            Frameworks? library = LibraryIntegrationDetection.For(project.Libraries, result.FilePath);
            if (result.Model == null || library == null || project.Frameworks.Except(library).IsEmpty)
            {
                return new CatalogOutput(EquatableArray<GeneratedFile>.Empty, EquatableArray<CatalogDiagnostic>.Empty);
            }

            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                GeneratorSettings settings = project.Settings;
                EquatableArray<GeneratedFile> files = CatalogCompiler.Emit(result, settings.RootNamespace, settings.NullableAnnotations, project.Frameworks, catalog.Translations, library: library, extensionBlocks: settings.ExtensionBlocks);
                return new CatalogOutput(files, EquatableArray<CatalogDiagnostic>.Empty);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new CatalogOutput(EquatableArray<GeneratedFile>.Empty, new EquatableArray<CatalogDiagnostic>(new[] { InternalError(result.FilePath, ex) }));
            }
        }

        private static EquatableArray<CatalogDiagnostic> Append(EquatableArray<CatalogDiagnostic> diagnostics, CatalogDiagnostic extra)
        {
            var all = new CatalogDiagnostic[diagnostics.Count + 1];
            for (int i = 0; i < diagnostics.Count; i++)
            {
                all[i] = diagnostics[i];
            }

            all[all.Length - 1] = extra;
            return new EquatableArray<CatalogDiagnostic>(all);
        }

        /// <summary>A safety net: a bug in the generator becomes a located error, never a crashed compiler (CS8785).</summary>
        private static CatalogDiagnostic InternalError(string path, Exception ex)
            => CatalogDiagnostic.Create(DiagnosticIds.InternalError,
                $"ErrorCatalog failed on this file ({ex.GetType().Name}: {ex.Message}); please report it with the catalog", path, SourceSpan.Empty);
    }

    /// <summary>A catalog and the translations of its culture overlays (<see cref="CatalogTranslations.None"/> when it has none).</summary>
    internal sealed record TranslatedCatalog(CatalogParseResult Catalog, CatalogTranslations Translations);

    /// <summary>The generated files of one catalog and the diagnostics to report for it.</summary>
    internal sealed record CatalogOutput(EquatableArray<GeneratedFile> Files, EquatableArray<CatalogDiagnostic> Diagnostics);
}
