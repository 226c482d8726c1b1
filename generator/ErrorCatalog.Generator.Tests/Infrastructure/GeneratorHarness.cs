using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ErrorCatalog.TestSupport;

namespace ErrorCatalog.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Analyzer-config options as MSBuild provides them: global ones (CompilerVisibleProperty) and, per
    /// additional file, its item metadata (CompilerVisibleItemMetadata), keyed by the file's path.
    /// </summary>
    public sealed class TestOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly TestOptions _global;
        private readonly Dictionary<string, TestOptions> _files = new Dictionary<string, TestOptions>(StringComparer.Ordinal);

        public TestOptionsProvider(IDictionary<string, string> global, IDictionary<string, IDictionary<string, string>>? files = null)
        {
            _global = new TestOptions(global);
            foreach (KeyValuePair<string, IDictionary<string, string>> file in files ?? new Dictionary<string, IDictionary<string, string>>())
            {
                _files.Add(file.Key, new TestOptions(file.Value));
            }
        }

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => TestOptions.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _files.TryGetValue(textFile.Path, out TestOptions? options) ? options : TestOptions.Empty;

        private sealed class TestOptions : AnalyzerConfigOptions
        {
            public static readonly TestOptions Empty = new TestOptions(new Dictionary<string, string>());

            private readonly IDictionary<string, string> _values;

            public TestOptions(IDictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, out string value)
            {
                bool found = _values.TryGetValue(key, out string? text);
                value = text ?? string.Empty;
                return found;
            }
        }
    }

    /// <summary>Which reference assemblies and language settings a test compilation uses.</summary>
    public enum TargetProfile
    {
        /// <summary>net8.0, latest C#, nullable enabled.</summary>
        Net80Nullable,

        /// <summary>net8.0, latest C#, nullable disabled.</summary>
        Net80NullableDisabled,

        /// <summary>netstandard2.0 at its default language version, C# 7.3.</summary>
        NetStandard20CSharp73,

        /// <summary>net8.0, latest C#, nullable enabled, with Microsoft.Extensions.Logging.Abstractions referenced.</summary>
        Net80Logging,
    }

    /// <summary>Runs the generator through a real CSharpGeneratorDriver over an in-memory compilation.</summary>
    public static class GeneratorHarness
    {
        public const string DefaultRootNamespace = "Consumer.App";

        public static CSharpCompilation CreateCompilation(TargetProfile profile, params string[] sources)
            => CreateCompilation(profile, Enumerable.Empty<MetadataReference>(), sources);

        /// <param name="extra">References beside the profile's (a library the test compiled).</param>
        public static CSharpCompilation CreateCompilation(TargetProfile profile, IEnumerable<MetadataReference> extra, params string[] sources)
        {
            CSharpParseOptions parseOptions = ParseOptions(profile);
            IEnumerable<PortableExecutableReference> references = profile == TargetProfile.NetStandard20CSharp73
                ? NetStandard20.References.All
                : Net80.References.All;
            if (profile == TargetProfile.Net80Logging)
            {
                references = references.Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location));
            }

            var options = new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: profile == TargetProfile.Net80Nullable || profile == TargetProfile.Net80Logging ? NullableContextOptions.Enable : NullableContextOptions.Disable,
                generalDiagnosticOption: ReportDiagnostic.Error,
                deterministic: true);
            return CSharpCompilation.Create(
                "Consumer",
                sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, parseOptions, path: $"Source{i}.cs")),
                references.Concat(extra),
                options);
        }

        /// <summary>Language version and the preprocessor symbols the SDK defines for the target (the generated code branches on NET8_0_OR_GREATER).</summary>
        public static CSharpParseOptions ParseOptions(TargetProfile profile)
            => profile == TargetProfile.NetStandard20CSharp73
                ? new CSharpParseOptions(LanguageVersion.CSharp7_3, DocumentationMode.Diagnose, preprocessorSymbols: new[] { "NETSTANDARD", "NETSTANDARD2_0", "NETSTANDARD2_0_OR_GREATER" })
                : new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Diagnose, preprocessorSymbols: new[] { "NET", "NET8_0", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NETCOREAPP" });

        public static GeneratorDriver CreateDriver(TargetProfile profile, IEnumerable<AdditionalText> catalogs, IDictionary<string, string>? properties = null, IDictionary<string, IDictionary<string, string>>? fileMetadata = null)
        {
            var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = DefaultRootNamespace };
            if (properties != null)
            {
                foreach (KeyValuePair<string, string> pair in properties)
                {
                    global[pair.Key] = pair.Value;
                }
            }

            return CSharpGeneratorDriver.Create(
                new[] { new ErrorCatalogGenerator().AsSourceGenerator() },
                catalogs,
                ParseOptions(profile),
                new TestOptionsProvider(global, fileMetadata),
                new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        }

        /// <summary>Runs the generator on one catalog text and returns the result and the updated compilation.</summary>
        public static GeneratorResult Run(string yaml, TargetProfile profile = TargetProfile.Net80Nullable, string path = "/project/test.errors.yaml", params string[] sources)
            => Run(new[] { new InMemoryAdditionalText(path, yaml) }, profile, sources);

        /// <summary>
        /// Runs the generator, then runs the same driver again on a clone of the compilation (as the
        /// IDE does after an edit elsewhere) and checks that the second run did no work: every tracked
        /// step Cached or Unchanged, the same sources and diagnostics, and no pipeline value holding a
        /// Roslyn object that would defeat the cache (<see cref="IncrementalChecks"/>).
        /// </summary>
        public static GeneratorResult Run(IEnumerable<AdditionalText> catalogs, TargetProfile profile, params string[] sources)
            => Run(catalogs, profile, null, sources);

        /// <param name="fileMetadata">Per catalog path, its item metadata (<c>build_metadata.AdditionalFiles.*</c>), such as a reference catalog's.</param>
        public static GeneratorResult Run(IEnumerable<AdditionalText> catalogs, TargetProfile profile, IDictionary<string, IDictionary<string, string>>? fileMetadata, params string[] sources)
            => Run(catalogs, profile, fileMetadata, Enumerable.Empty<MetadataReference>(), sources);

        /// <param name="references">References beside the profile's (a library the test compiled).</param>
        public static GeneratorResult Run(IEnumerable<AdditionalText> catalogs, TargetProfile profile, IDictionary<string, IDictionary<string, string>>? fileMetadata, IEnumerable<MetadataReference> references, params string[] sources)
        {
            CSharpCompilation compilation = CreateCompilation(profile, references, sources.Length == 0 ? new[] { "namespace Consumer.App { internal static class Placeholder { } }" } : sources);
            GeneratorDriver driver = CreateDriver(profile, catalogs, null, fileMetadata);
            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
            GeneratorDriverRunResult first = driver.GetRunResult();
            GeneratorDriverRunResult second = driver.RunGenerators(compilation.Clone()).GetRunResult();
            IncrementalChecks.AssertSecondRunCached(first, second);
            return new GeneratorResult(first, output, diagnostics);
        }
    }

    public sealed record GeneratorResult(GeneratorDriverRunResult RunResult, Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics)
    {
        public GeneratorRunResult Single => RunResult.Results.Single();

        public ImmutableArray<GeneratedSourceResult> Sources => Single.GeneratedSources;

        public string Source(string hintSuffix) => Sources.Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();

        /// <summary>Compiler diagnostics of the compilation with the generated code (warnings included, nothing suppressed).</summary>
        public ImmutableArray<Diagnostic> CompilationDiagnostics => Output.GetDiagnostics();

        public Exception? Exception => Single.Exception;
    }
}
