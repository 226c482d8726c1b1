using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ErrorCatalog.CompileTimer
{
    /// <summary>
    /// Times a full compilation (parse, bind, emit to memory) of two sets of generated files with the
    /// SDK's compiler, alternating which goes first, for doc comments parsed and as trivia.
    /// Usage: ErrorCatalog.CompileTimer RUNS OURS_DIR PEER_DIR (every *.cs in each folder).
    /// Prints one line per documentation mode: "mode ours-median ours-min ours-max peer-median peer-min peer-max" (ms).
    /// </summary>
    internal static class Program
    {
        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NETCOREAPP" });

        private static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        private static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        private static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: ErrorCatalog.CompileTimer RUNS OURS_DIR PEER_DIR");
                return 2;
            }

            int runs = int.Parse(args[0], CultureInfo.InvariantCulture);
            List<(string Path, string Text)> ours = Read(args[1]);
            List<(string Path, string Text)> peer = Read(args[2]);
            Console.WriteLine("compiler " + typeof(CSharpCompilation).Assembly.GetName().Version);
            foreach ((DocumentationMode mode, string label) in new[] { (DocumentationMode.Parse, "parsed"), (DocumentationMode.None, "trivia") })
            {
                var ourTimes = new List<double>();
                var peerTimes = new List<double>();
                for (int run = 0; run <= runs; run++)
                {
                    double p = run % 2 == 0 ? Compile(peer, mode) : double.NaN;
                    double o = Compile(ours, mode);
                    p = double.IsNaN(p) ? Compile(peer, mode) : p;
                    if (run > 0)
                    {
                        ourTimes.Add(o);
                        peerTimes.Add(p);
                    }
                }

                Console.WriteLine(string.Join(" ", new[] { label }.Concat(new[] { Median(ourTimes), ourTimes.Min(), ourTimes.Max(), Median(peerTimes), peerTimes.Min(), peerTimes.Max() }.Select(t => t.ToString("F1", CultureInfo.InvariantCulture)))));
            }

            return 0;
        }

        private static List<(string Path, string Text)> Read(string dir)
            => Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, File.ReadAllText(f))).ToList();

        private static double Compile(List<(string Path, string Text)> files, DocumentationMode mode)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            CSharpParseOptions options = Parse.WithDocumentationMode(mode);
            var watch = Stopwatch.StartNew();
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, f.Path)).ToList();
            CSharpCompilation compilation = CSharpCompilation.Create("Generated", trees, References, Options);
            using var stream = new MemoryStream();
            var emitted = compilation.Emit(stream);
            watch.Stop();
            if (!emitted.Success)
            {
                throw new InvalidOperationException("generated code does not compile: " + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }

            return watch.Elapsed.TotalMilliseconds;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }
}
