using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Import;
using ErrorCatalog.Perf;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorCatalog.EditorCost
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/ErrorCatalog.EditorCost [-- [--quick] [--parts] [--compile-parts] [--sizes 54,293]]
    /// What an editor pays per edit of Program.cs with a catalog in the app, in a referenced library, or
    /// none: a new compilation per round, as after an edit, on the SDK's own Roslyn with its .NET analyzers.
    /// Two scopes, as editors pull diagnostics: the whole project (csharp-ls: every document's compiler
    /// and analyzer diagnostics) and the edited document only (VS, C# Dev Kit). <c>--parts</c> adds what
    /// of the generated code costs at 293 entries (<see cref="Parts"/>; PARTS_CATALOG=file for another
    /// catalog); <c>--compile-parts</c>, what a command-line compile of 10,000 entries spends (<see cref="CompileParts"/>).
    /// </summary>
    internal static class Program
    {
        public static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse,
            preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NETCOREAPP" });

        private static readonly CSharpCompilationOptions AppOptions = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);

        private static readonly CSharpCompilationOptions LibraryOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        public static readonly List<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();

        /// <summary>The scopes an editor computes diagnostics over, each with and without analyzers.</summary>
        private static readonly (string Name, bool Document, bool Analyzers)[] Scopes =
        {
            ("whole project, compiler", false, false),
            ("whole project, + SDK analyzers", false, true),
            ("document, compiler", true, false),
            ("document, + SDK analyzers", true, true),
        };

        private static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string root = Root();
            ImmutableArray<DiagnosticAnalyzer> analyzers = SdkAnalyzers();
            int rounds = quick ? 2 : 12;
            IEnumerable<(int Size, string Name, string Yaml)> catalogs = Catalogs(root, quick);
            int sizesAt = Array.IndexOf(args, "--sizes");
            if (sizesAt >= 0)
            {
                HashSet<int> sizes = args[sizesAt + 1].Split(',').Select(int.Parse).ToHashSet();
                catalogs = catalogs.Where(c => sizes.Contains(c.Size));
            }

            Console.WriteLine($"editor cost per edit of Program.cs, {rounds - 1} rounds after a warm-up, layouts alternated, {analyzers.Length} SDK analyzers (ms, median; ratio ÷ bare app):");
            foreach ((int _, string name, string yaml) in catalogs)
            {
                List<SyntaxTree> generated = Generate(yaml);
                MetadataReference library = CompileLibrary(generated);
                var layouts = new (string Name, List<SyntaxTree> Trees, List<MetadataReference> References)[]
                {
                    ("bare", new List<SyntaxTree>(), References),
                    ("in-project", generated, References),
                    ("library", new List<SyntaxTree>(), References.Append(library).ToList()),
                };
                Console.WriteLine($"  {name}:");
                foreach ((string scope, bool document, bool withAnalyzers) in Scopes)
                {
                    Dictionary<string, List<double>> times = Measure(layouts, rounds, document, withAnalyzers ? analyzers : ImmutableArray<DiagnosticAnalyzer>.Empty);
                    double bare = Median(times["bare"]);
                    Console.WriteLine($"    {scope,-32} bare {bare,7:F1}   in-project {Median(times["in-project"]),7:F1} ({Median(times["in-project"]) / bare,5:F2}x)   library {Median(times["library"]),7:F1} ({Median(times["library"]) / bare,5:F2}x)");
                }
            }

            if (args.Contains("--compile-parts"))
            {
                CompileParts.Run(Generate(SyntheticCatalog.Yaml(10000)));
                return 0;
            }

            if (args.Contains("--parts"))
            {
                Parts.Run(Generate(Environment.GetEnvironmentVariable("PARTS_CATALOG") is string only ? File.ReadAllText(only) : Import(root, "api-gateway-error-codes-otc.txt", "ApiGateway")), rounds, analyzers);
            }

            return 0;
        }

        /// <summary>Each layout's diagnostics after an edit, <paramref name="rounds"/> times, layouts alternated; the first round is a warm-up.</summary>
        public static Dictionary<string, List<double>> Measure(IEnumerable<(string Name, List<SyntaxTree> Trees, List<MetadataReference> References)> layouts, int rounds, bool document, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var times = new Dictionary<string, List<double>>();
            for (int round = 0; round < rounds; round++)
            {
                foreach ((string name, List<SyntaxTree> trees, List<MetadataReference> references) in layouts)
                {
                    SyntaxTree program = CSharpSyntaxTree.ParseText($"System.Console.WriteLine(\"edit {round}\");\n", Parse, "/app/Program.cs");
                    CSharpCompilation compilation = CSharpCompilation.Create("App", trees.Append(program), references, AppOptions);
                    var watch = Stopwatch.StartNew();
                    Diagnose(compilation, program, document, analyzers);
                    if (round > 0)
                    {
                        (times.TryGetValue(name, out List<double>? list) ? list : times[name] = new List<double>()).Add(watch.Elapsed.TotalMilliseconds);
                    }
                }
            }

            return times;
        }

        /// <summary>
        /// What an editor asks after an edit: every diagnostic of the project (csharp-ls 0.28 runs
        /// <c>GetAllDiagnosticsAsync</c>), or the edited document's compiler diagnostics plus its analyzer
        /// syntax and semantic diagnostics (the document pull of VS and C# Dev Kit).
        /// </summary>
        private static void Diagnose(CSharpCompilation compilation, SyntaxTree program, bool document, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            // As csharp-ls 0.28 asks (Roslyn/Analyzers.fs): concurrent analysis, execution times logged.
            CompilationWithAnalyzers? withAnalyzers = analyzers.IsEmpty ? null : compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            if (!document)
            {
                _ = withAnalyzers == null ? compilation.GetDiagnostics() : withAnalyzers.GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                return;
            }

            SemanticModel model = compilation.GetSemanticModel(program);
            _ = model.GetDiagnostics();
            if (withAnalyzers != null)
            {
                _ = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(program, default).GetAwaiter().GetResult();
                _ = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, default).GetAwaiter().GetResult();
            }
        }

        /// <summary>The catalogs of the build and editor benchmarks: our 54 entries, two imported tables, 10,000 synthetic entries.</summary>
        private static IEnumerable<(int Size, string Name, string Yaml)> Catalogs(string root, bool quick)
        {
            yield return (54, "54 (CodeArts Req)", File.ReadAllText(Path.Combine(root, "catalog", "codearts-req.errors.yaml")));
            if (quick)
            {
                yield break;
            }

            yield return (293, "293 (API Gateway import)", Import(root, "api-gateway-error-codes-otc.txt", "ApiGateway"));
            yield return (838, "838 (ModelArts import)", Import(root, "modelarts-error-codes-otc.txt", "ModelArts"));
            yield return (10000, "10,000 (synthetic)", SyntheticCatalog.Yaml(10000));
        }

        private static string Import(string root, string table, string catalog)
        {
            string path = Path.Combine(root, "generator", "ErrorCatalog.Generator.Tests", "TestData", "error-tables", table);
            return TableImport.Import(new CatalogTableImport(catalog, "Bench." + catalog), File.ReadAllText(path), table).Yaml;
        }

        /// <summary>The generated code a console app gets: the core files and the integrations whose types the references hold (HTTP, tracing).</summary>
        private static List<SyntaxTree> Generate(string yaml)
        {
            CatalogParseResult parsed = CatalogCompiler.Parse("/app/catalog.errors.yaml", yaml);
            CSharpCompilation probe = CSharpCompilation.Create("Probe", null, References, LibraryOptions);
            Frameworks seen = Frameworks.Detect(i => i.RequiredTypes.All(t => probe.GetTypeByMetadataName(t) != null));
            return CatalogCompiler.Emit(parsed, "App", true, seen)
                .Select(f => CSharpSyntaxTree.ParseText(f.Source, Parse, "/app/generated/" + f.HintName)).ToList();
        }

        /// <summary>The library layout: the generated code compiled once; the app sees it as metadata.</summary>
        private static MetadataReference CompileLibrary(List<SyntaxTree> generated)
        {
            using var image = new MemoryStream();
            var emitted = CSharpCompilation.Create("Lib", generated, References, LibraryOptions).Emit(image);
            if (!emitted.Success)
            {
                throw new InvalidOperationException("generated code does not compile: " + string.Join("\n", emitted.Diagnostics.Take(5)));
            }

            return MetadataReference.CreateFromImage(image.ToArray());
        }

        public static double Median(List<double> times)
        {
            List<double> sorted = times.OrderBy(t => t).ToList();
            return sorted[sorted.Count / 2];
        }

        private static ImmutableArray<DiagnosticAnalyzer> SdkAnalyzers()
        {
            string dir = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "SdkAnalyzersPath").Value!;
            var loader = new Loader();
            return new[] { "Microsoft.CodeAnalysis.NetAnalyzers.dll", "Microsoft.CodeAnalysis.CSharp.NetAnalyzers.dll" }
                .Select(f => new AnalyzerFileReference(Path.Combine(dir, f), loader))
                .SelectMany(r => r.GetAnalyzers(LanguageNames.CSharp))
                .ToImmutableArray();
        }

        private static string Root()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "ErrorCatalog.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("run from inside the repository");
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
