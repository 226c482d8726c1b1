using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security;
using System.Text;
using ErrorCatalog.Generator;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// Issue 6, figures 2 and 5: our generator against Microsoft.CodeAnalysis.ResxSourceGenerator
    /// (the peer, loaded from its NuGet package) on a .resx holding the same messages, alternated run
    /// by run; then the compile cost of each one's 10,000-entry output.
    /// </summary>
    internal static class PeerBenchmark
    {
        private static readonly string PeerDirectory = Path.Combine(AppContext.BaseDirectory, "peers");

        public static string Run(bool quick)
        {
            var report = new StringBuilder();
            IIncrementalGenerator peer = LoadPeer();
            int[] sizes = quick ? new[] { 54 } : Environment.GetEnvironmentVariable("PERF_SIZES") is string only ? only.Split(",").Select(int.Parse).ToArray() : new[] { 1000, 10000 };
            foreach (int size in sizes)
            {
                string yaml = SyntheticCatalog.Yaml(size);
                string resx = Resx(SyntheticCatalog.Messages(size));
                int runs = quick ? 3 : size >= 10000 ? 15 : 31;
                int warmup = GeneratorBenchmark.Warmup(quick, size);
                var ours = new List<double>();
                var theirs = new List<double>();
                GeneratorRunResult ourRun = default;
                GeneratorRunResult peerRun = default;
                for (int run = 0; run < runs + warmup; run++)
                {
                    (double p, GeneratorRunResult pr) = Time(peer, new InMemoryAdditionalText("/p/Synthetic.resx", resx));
                    (double o, GeneratorRunResult or) = Time(new ErrorCatalogGenerator(), new InMemoryAdditionalText("/p/synthetic.errors.yaml", yaml));
                    if (run >= warmup)
                    {
                        theirs.Add(p);
                        ours.Add(o);
                    }

                    ourRun = or;
                    peerRun = pr;
                }

                // PERF_DUMP=DIR writes both generators' output there, to study what the compiler pays for.
                if (Environment.GetEnvironmentVariable("PERF_DUMP") is string dump)
                {
                    Directory.CreateDirectory(dump);
                    foreach (GeneratedSourceResult source in ourRun.GeneratedSources.Concat(peerRun.GeneratedSources))
                    {
                        File.WriteAllText(Path.Combine(dump, size + "." + source.HintName), source.SourceText.ToString());
                    }
                }

                int ourChars = ourRun.GeneratedSources.Sum(s => s.SourceText.Length);
                int peerChars = peerRun.GeneratedSources.Sum(s => s.SourceText.Length);
                report.AppendLine($"peer, {size} entries ({yaml.Length / 1024} KiB YAML with descriptions and solutions; {resx.Length / 1024} KiB .resx with the messages), {runs} runs after {warmup} warm-up runs:");
                report.AppendLine($"  ErrorCatalog {Stats.Describe(ours)}, {ourChars / size} output chars/entry; ResxSourceGenerator {Stats.Describe(theirs)}, {peerChars / size} output chars/entry; ratio {Stats.Median(ours) / Stats.Median(theirs):F2}x (target <= 1.3)");
                if (size >= 10000 || quick)
                {
                    report.Append(SdkCompileCost(ourRun, peerRun, quick ? 1 : 9));
                    report.Append(CompileCost(ourRun, peerRun, quick ? 2 : 5));
                }
            }

            return report.ToString();
        }

        private static (double Milliseconds, GeneratorRunResult Result) Time(IIncrementalGenerator generator, AdditionalText file)
        {
            CSharpCompilation compilation = CSharpCompilation.Create("Perf", new[] { CSharpSyntaxTree.ParseText("class A { }", Benchmarking.CompileCost.Parse) }, Benchmarking.CompileCost.References, Benchmarking.CompileCost.Options);
            GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { generator.AsSourceGenerator() }, new[] { file }, Benchmarking.CompileCost.Parse, new PeerOptions());
            GeneratorBenchmark.Settle();
            var watch = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            watch.Stop();
            GeneratorRunResult result = driver.GetRunResult().Results[0];
            if (result.Exception != null || result.GeneratedSources.IsEmpty || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                throw new InvalidOperationException($"{generator.GetType().Name} failed: {result.Exception?.Message} {string.Join("; ", result.Diagnostics)}");
            }

            return (watch.Elapsed.TotalMilliseconds, result);
        }

        /// <summary>
        /// Figure 5 with the compiler users build with: the .NET SDK's own Roslyn, in a child process
        /// (benchmarks/ErrorCatalog.CompileTimer references the SDK's Roslyn/bincore), on the same two
        /// outputs written to a temporary folder. Parse, bind, emit; doc comments parsed and as trivia.
        /// </summary>
        private static string SdkCompileCost(GeneratorRunResult ours, GeneratorRunResult peer, int runs)
        {
            string dir = Path.Combine(Path.GetTempPath(), "errorcatalog-compile-" + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                foreach ((GeneratorRunResult result, string name) in new[] { (ours, "ours"), (peer, "peer") })
                {
                    Directory.CreateDirectory(Path.Combine(dir, name));
                    foreach (GeneratedSourceResult source in result.GeneratedSources)
                    {
                        File.WriteAllText(Path.Combine(dir, name, source.HintName), source.SourceText.ToString());
                    }
                }

                string project = Path.Combine(Program.RepositoryRoot(), "benchmarks", "ErrorCatalog.CompileTimer");
                var start = new ProcessStartInfo("dotnet", $"run -c Release --project \"{project}\" -- {runs} \"{Path.Combine(dir, "ours")}\" \"{Path.Combine(dir, "peer")}\"")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                };
                using Process process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd();
                string errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0)
                {
                    throw new InvalidOperationException("the SDK compile timer failed:\n" + output + errors);
                }

                string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                string compiler = lines.Single(l => l.StartsWith("compiler ", StringComparison.Ordinal)).Substring("compiler ".Length);
                List<double> Times(DocumentationMode mode, string side)
                    => lines.Single(l => l.StartsWith($"{mode} {side} ", StringComparison.Ordinal)).Split(' ').Skip(2)
                        .Select(t => double.Parse(t, System.Globalization.CultureInfo.InvariantCulture)).ToList();

                var report = new StringBuilder();
                foreach ((DocumentationMode mode, string label) in Benchmarking.CompileCost.Modes)
                {
                    report.AppendLine(CompileCostLine($"the SDK's compiler (Roslyn {compiler})", label, Times(mode, "ours"), Times(mode, "peer")));
                }

                return report.ToString();
            }
            finally
            {
                if (Directory.Exists(dir))
                {
                    Directory.Delete(dir, recursive: true);
                }
            }
        }

        /// <summary>Figure 5, in process on Roslyn 4.8 (the version the generator targets), measured as the SDK-compiler timer measures it (<see cref="Benchmarking.CompileCost"/>).</summary>
        private static string CompileCost(GeneratorRunResult ours, GeneratorRunResult peer, int runs)
        {
            var report = new StringBuilder();
            foreach ((DocumentationMode mode, string label) in Benchmarking.CompileCost.Modes)
            {
                (List<double> ourTimes, List<double> peerTimes) = Benchmarking.CompileCost.Alternate(Sources(ours), Sources(peer), mode, runs);
                report.AppendLine(CompileCostLine("Roslyn 4.8 in process", label, ourTimes, peerTimes));
            }

            return report.ToString();
        }

        private static string CompileCostLine(string compiler, string label, List<double> ours, List<double> peer)
            => $"  compile of the generated code with {compiler}, {label}: ErrorCatalog {Stats.Describe(ours)}; ResxSourceGenerator {Stats.Describe(peer)}; ratio {Stats.Median(ours) / Stats.Median(peer):F2}x (target <= 1.5)";

        private static List<(string Path, SourceText Text)> Sources(GeneratorRunResult result)
            => result.GeneratedSources.Select(s => (s.HintName, s.SourceText)).ToList();

        private static string Resx(IEnumerable<(string Code, string Message)> entries)
        {
            var builder = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<root>\n");
            builder.Append("  <resheader name=\"resmimetype\"><value>text/microsoft-resx</value></resheader>\n");
            builder.Append("  <resheader name=\"version\"><value>2.0</value></resheader>\n");
            foreach ((string code, string message) in entries)
            {
                builder.Append("  <data name=\"").Append(code.Replace('.', '_')).Append("\" xml:space=\"preserve\">\n    <value>")
                    .Append(SecurityElement.Escape(message)).Append("</value>\n  </data>\n");
            }

            return builder.Append("</root>\n").ToString();
        }

        private static IIncrementalGenerator LoadPeer()
        {
            Assembly.LoadFrom(Path.Combine(PeerDirectory, "Microsoft.CodeAnalysis.ResxSourceGenerator.dll"));
            Assembly csharp = Assembly.LoadFrom(Path.Combine(PeerDirectory, "Microsoft.CodeAnalysis.ResxSourceGenerator.CSharp.dll"));
            Type type = csharp.GetTypes().Single(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t));
            return (IIncrementalGenerator)Activator.CreateInstance(type)!;
        }

        /// <summary>The options an SDK build gives both generators: the root namespace, and the .resx metadata that asks for typed format methods.</summary>
        private sealed class PeerOptions : AnalyzerConfigOptionsProvider
        {
            private static readonly Options Global = new Options(new Dictionary<string, string> { ["build_property.RootNamespace"] = "Perf.Catalogs" });

            private static readonly Options Resx = new Options(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.GenerateSource"] = "true",
                ["build_metadata.AdditionalFiles.RelativeDir"] = string.Empty,
                ["build_metadata.AdditionalFiles.EmitFormatMethods"] = "true",
                ["build_metadata.AdditionalFiles.Public"] = "true",
            });

            public override AnalyzerConfigOptions GlobalOptions => Global;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path.EndsWith(".resx", StringComparison.Ordinal) ? Resx : Options.Empty;

            private sealed class Options : AnalyzerConfigOptions
            {
                public static readonly Options Empty = new Options(new Dictionary<string, string>());

                private readonly Dictionary<string, string> _values;

                public Options(Dictionary<string, string> values)
                {
                    _values = values;
                }

                public override bool TryGetValue(string key, out string value)
                {
                    bool found = _values.TryGetValue(key, out string? v);
                    value = v ?? string.Empty;
                    return found;
                }
            }
        }
    }
}
