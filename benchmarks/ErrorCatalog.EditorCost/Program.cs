using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Import;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorCatalog.EditorCost
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/ErrorCatalog.EditorCost [-- --quick]
    /// The app plus the generated code of the API Gateway table (293 entries), each variant's
    /// compilation created anew per round and its diagnostics computed, variants alternated.
    /// </summary>
    internal static class Program
    {
        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Latest, DocumentationMode.Parse,
            preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET7_0_OR_GREATER", "NET6_0_OR_GREATER", "NETCOREAPP" });

        private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable);

        private static int Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string root = Root();
            string table = Path.Combine(root, "generator", "ErrorCatalog.Generator.Tests", "TestData", "error-tables", "api-gateway-error-codes-otc.txt");
            string yaml = TableImporter.Import(File.ReadAllText(table), "ApiGateway", null, Path.GetFileName(table)).Yaml;
            CatalogParseResult parsed = CatalogCompiler.Parse("/app/api-gateway.errors.yaml", yaml);
            List<SyntaxTree> generated = CatalogCompiler.Emit(parsed.Model!, "App", true, parsed.FilePath)
                .Select(f => CSharpSyntaxTree.ParseText(f.Source, Parse, "/app/generated/" + f.HintName)).ToList();
            List<MetadataReference> references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "netstandard.dll" or "mscorlib.dll")
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
            ImmutableArray<DiagnosticAnalyzer> analyzers = SdkAnalyzers();

            var variants = new (string Name, List<SyntaxTree> Trees)[]
            {
                ("the app alone", new List<SyntaxTree>()),
                ("app + generated code as shipped", generated),
                ("without the descriptor properties", generated.Select(t => Remove(t, m => m is PropertyDeclarationSyntax p && p.ExpressionBody != null)).ToList()),
                ("descriptor properties as static readonly fields", generated.Select(t => Replace(t, @"public static (\S+) (\w+) => AllArray\[(\d+)\];", "public static readonly $1 $2 = AllArray[$3];")).ToList()),
                ("without the constants", generated.Select(t => Remove(t, m => m is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.ConstKeyword))).ToList()),
                ("without doc comments", generated.Select(t => Replace(t, @"(?m)^\s*///.*\n", string.Empty)).ToList()),
            };

            int rounds = quick ? 2 : 12;
            Console.WriteLine($"editor cost per edit, {parsed.Model!.Entries.Count} entries (API Gateway table), {rounds - 1} rounds after a warm-up, {analyzers.Length} SDK analyzers (ms, median):");
            foreach (bool withAnalyzers in new[] { false, true })
            {
                var times = variants.ToDictionary(v => v.Name, _ => new List<double>());
                for (int round = 0; round < rounds; round++)
                {
                    foreach ((string name, List<SyntaxTree> trees) in variants)
                    {
                        SyntaxTree program = CSharpSyntaxTree.ParseText($"System.Console.WriteLine(\"edit {round}\");\n", Parse, "/app/Program.cs");
                        CSharpCompilation compilation = CSharpCompilation.Create("App", trees.Append(program), references, Options);
                        var watch = Stopwatch.StartNew();
                        if (withAnalyzers)
                        {
                            var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
                            _ = compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
                        }
                        else
                        {
                            _ = compilation.GetDiagnostics();
                        }

                        if (round > 0)
                        {
                            times[name].Add(watch.Elapsed.TotalMilliseconds);
                        }
                    }
                }

                foreach ((string name, _) in variants)
                {
                    List<double> sorted = times[name].OrderBy(t => t).ToList();
                    Console.WriteLine($"  {(withAnalyzers ? "with the SDK analyzers" : "compiler diagnostics"),-24} {name,-48} {sorted[sorted.Count / 2],8:F1}");
                }
            }

            return 0;
        }

        private static SyntaxTree Remove(SyntaxTree tree, Func<MemberDeclarationSyntax, bool> remove)
        {
            SyntaxNode root = tree.GetRoot();
            var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseNamespaceDeclarationSyntax && m is not TypeDeclarationSyntax && remove(m)).ToList();
            return CSharpSyntaxTree.ParseText(root.RemoveNodes(members, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString(), Parse, tree.FilePath);
        }

        private static SyntaxTree Replace(SyntaxTree tree, string pattern, string replacement)
            => CSharpSyntaxTree.ParseText(Regex.Replace(tree.ToString(), pattern, replacement), Parse, tree.FilePath);

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
