using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Analyzers;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// Analyzer cost on a generated project (2,000 files, 100,000 string literals): the execution time
    /// Roslyn's analyzer driver measures for each analyzer (what -p:ReportAnalyzer=true prints), for
    /// ErrorCodeAnalyzer and for an empty analyzer with the same callbacks, alternated run by run.
    /// </summary>
    internal static class AnalyzerBenchmark
    {
        public static async Task<string> RunAsync(string catalogPath, int files, int literalsPerFile, int runs, double codeShare)
        {
            string yaml = File.ReadAllText(catalogPath);
            CSharpCompilation compilation = CreateProject(files, literalsPerFile, yaml, codeShare);
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(Path.GetFullPath(catalogPath), yaml)));
            DiagnosticAnalyzer ours = new ErrorCodeAnalyzer();
            DiagnosticAnalyzer empty = new EmptyTreeAnalyzer();
            DiagnosticAnalyzer emptyLiteral = new EmptyLiteralAnalyzer();
            var emptyLiteralTimes = new List<double>();
            DiagnosticAnalyzer reading = new ValueReadingAnalyzer();
            var readingTimes = new List<double>();

            var oursTimes = new List<double>();
            var emptyTimes = new List<double>();
            int diagnostics = 0;
            for (int run = 0; run < runs; run++)
            {
                (double e, _) = await Measure(compilation, empty, options);
                (double el, _) = await Measure(compilation, emptyLiteral, options);
                (double v, _) = await Measure(compilation, reading, options);
                (double o, int count) = await Measure(compilation, ours, options);
                if (run > 0)
                {
                    emptyTimes.Add(e);
                    emptyLiteralTimes.Add(el);
                    readingTimes.Add(v);
                    oursTimes.Add(o);
                }

                diagnostics = count;
            }

            double ratio = Stats.Median(oursTimes) / Stats.Median(emptyTimes);
            var report = new StringBuilder();
            report.AppendLine($"analyzer: {codeShare:P1} of literals code-like; {files} files, {files * literalsPerFile} literals, {diagnostics} diagnostics, {runs - 1} warm runs (first run discarded)");
            report.AppendLine($"  ErrorCodeAnalyzer   median {Stats.Median(oursTimes):F1} ms  (min {oursTimes.Min():F1}, max {oursTimes.Max():F1})");
            report.AppendLine($"  EmptyTreeAnalyzer    median {Stats.Median(emptyTimes):F1} ms  (min {emptyTimes.Min():F1}, max {emptyTimes.Max():F1}) (same callbacks)");
            report.AppendLine($"  EmptyLiteralAnalyzer median {Stats.Median(emptyLiteralTimes):F1} ms  (min {emptyLiteralTimes.Min():F1}, max {emptyLiteralTimes.Max():F1}) (a callback per literal)");
            report.AppendLine($"  ValueReadingAnalyzer median {Stats.Median(readingTimes):F1} ms  (min {readingTimes.Min():F1}, max {readingTimes.Max():F1})");
            report.AppendLine($"  ratio vs empty (same callbacks) {ratio:F2}x (target <= 1.5x); vs the empty per-literal analyzer {Stats.Median(oursTimes) / Stats.Median(emptyLiteralTimes):F2}x; vs value-reading floor {Stats.Median(oursTimes) / Stats.Median(readingTimes):F2}x");
            return report.ToString();
        }

        private static async Task<(double Milliseconds, int Diagnostics)> Measure(CSharpCompilation compilation, DiagnosticAnalyzer analyzer, AnalyzerOptions options)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create(analyzer),
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            ImmutableArray<Diagnostic> diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
            AnalyzerTelemetryInfo telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
            return (telemetry.ExecutionTime.TotalMilliseconds, diagnostics.Length);
        }

        /// <summary>A project of string-heavy files: mostly ordinary text, some known codes, some typos, some interpolations.</summary>
        private static CSharpCompilation CreateProject(int files, int literalsPerFile, string yaml, double codeShare)
            => CSharpCompilation.Create("Perf", CreateTrees(files, literalsPerFile, yaml, codeShare), new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        internal static List<SyntaxTree> CreateTrees(int files, int literalsPerFile, string yaml, double codeShare)
        {
            var codes = ErrorCatalog.Core.CatalogCompiler.Parse("c.errors.yaml", yaml).Model!.Entries.Select(e => e.Code).ToArray();
            var random = new Random(42);
            string[] ordinary = { "Hello, world", "user.name", "v1.2.3", "application/json", "The value is {0}.", "SELECT * FROM t", "api/v2/items", "5 PM.", "PM.NET", "error_code" };
            var trees = new List<SyntaxTree>(files);
            for (int f = 0; f < files; f++)
            {
                var source = new StringBuilder($"namespace Perf.N{f % 50}\n{{\n    public static class C{f}\n    {{\n");
                for (int l = 0; l < literalsPerFile; l++)
                {
                    int kind = random.Next(100);
                    double draw = random.NextDouble();
                    string text = draw < codeShare * 0.6 ? codes[random.Next(codes.Length)]
                        : draw < codeShare ? "Failed with " + codes[random.Next(codes.Length)].Substring(0, 9) + "9."
                        : ordinary[random.Next(ordinary.Length)] + " " + l;
                    source.Append(kind % 10 == 9
                        ? $"        public static string M{l}(int n) => $\"{text} {{n}}\";\n"
                        : $"        public static string M{l}() => \"{text}\";\n");
                }

                source.Append("    }\n}\n");
                trees.Add(CSharpSyntaxTree.ParseText(source.ToString(), path: $"/perf/File{f}.cs"));
            }

            return trees;
        }
    }
}
