using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using ErrorCatalog.Benchmarking;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.CompileTimer
{
    /// <summary>
    /// Times a full compilation (parse, bind, emit to memory) of two sets of generated files with the
    /// SDK's compiler, alternating which goes first, for doc comments parsed and as trivia; the same
    /// measurement ErrorCatalog.Perf makes in process on Roslyn 4.8 (benchmarks/Shared/CompileCost.cs).
    /// Usage: ErrorCatalog.CompileTimer RUNS OURS_DIR PEER_DIR (every *.cs in each folder).
    /// Prints the compiler's version, then two lines per documentation mode, every run's milliseconds:
    /// "MODE ours T1 T2 …" and "MODE peer T1 T2 …" (MODE a <see cref="DocumentationMode"/> name);
    /// ErrorCatalog.Perf reports them.
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length != 3)
            {
                Console.Error.WriteLine("usage: ErrorCatalog.CompileTimer RUNS OURS_DIR PEER_DIR");
                return 2;
            }

            int runs = int.Parse(args[0], CultureInfo.InvariantCulture);
            List<(string Path, SourceText Text)> ours = Read(args[1]);
            List<(string Path, SourceText Text)> peer = Read(args[2]);
            Console.WriteLine("compiler " + typeof(CSharpCompilation).Assembly.GetName().Version);
            foreach ((DocumentationMode mode, _) in CompileCost.Modes)
            {
                (List<double> ourTimes, List<double> peerTimes) = CompileCost.Alternate(ours, peer, mode, runs);
                foreach ((string side, List<double> times) in new[] { ("ours", ourTimes), ("peer", peerTimes) })
                {
                    Console.WriteLine($"{mode} {side} " + string.Join(" ", times.Select(t => t.ToString("R", CultureInfo.InvariantCulture))));
                }
            }

            return 0;
        }

        private static List<(string Path, SourceText Text)> Read(string dir)
            => Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal).Select(f => (f, SourceText.From(File.ReadAllText(f)))).ToList();
    }
}
