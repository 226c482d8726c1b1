using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/ErrorCatalog.Perf -- [generator] [peer] [analyzer] [analyzer-build [--cold]] [build] [editor] [aot] [fastpath] [breakdown] [scaling] [--quick]
    /// (no command: all but breakdown and scaling; `scaling` is figure 3 alone, as the generator command runs it). PERF_SIZES=1000,10000 narrows the generator sizes; PERF_DUMP=DIR
    /// makes `peer` write both generators' output there.
    /// Prints the figures docs/performance.md records.
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            bool quick = args.Contains("--quick");
            string root = RepositoryRoot();
            string catalog = Path.Combine(root, "catalog", "codearts-req.errors.yaml");
            bool all = !args.Any(a => !a.StartsWith("--", StringComparison.Ordinal));
            if (all || args.Contains("generator"))
            {
                Console.WriteLine(GeneratorBenchmark.Run(quick, catalog));
            }

            if (all || args.Contains("build"))
            {
                Console.WriteLine(BuildBenchmark.Run(root, quick));
            }

            if (args.Contains("aot"))
            {
                Console.WriteLine(AotBenchmark.Run(root, quick));
            }

            if (args.Contains("editor"))
            {
                Console.WriteLine(await EditorBenchmark.RunAsync(root, quick));
            }

            if (all || args.Contains("fastpath"))
            {
                Console.WriteLine(FastPathBenchmark.Run(quick, catalog));
            }

            if (args.Contains("scaling"))
            {
                Console.WriteLine(GeneratorBenchmark.Scaling(quick));
                return 0;
            }

            if (args.Contains("breakdown"))
            {
                string sizes = Environment.GetEnvironmentVariable("PERF_SIZES") ?? "1000,10000";
                Console.WriteLine(Breakdown.Run(sizes.Split(',').Select(int.Parse).ToArray(), quick ? 2 : 7));
                return 0;
            }

            if (all || args.Contains("peer"))
            {
                Console.WriteLine(PeerBenchmark.Run(quick));
            }

            if (all || args.Contains("analyzer"))
            {
                foreach (double share in new[] { 0.001, 0.08 })
                {
                    Console.WriteLine(await AnalyzerBenchmark.RunAsync(catalog, quick ? 50 : 2000, 50, quick ? 2 : 7, share));
                }
            }

            if (all || args.Contains("analyzer-build"))
            {
                // Warm (the compiler server, as in an IDE session or repeated builds); --cold adds fresh-csc builds.
                foreach (bool server in args.Contains("--cold") ? new[] { true, false } : new[] { true })
                {
                    foreach (double share in new[] { 0.001, 0.08 })
                    {
                        Console.WriteLine(AnalyzerBuildBenchmark.Run(catalog, quick ? 50 : 2000, quick ? 1 : server ? 7 : 3, share, server));
                    }
                }
            }

            return 0;
        }

        internal static string RepositoryRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "ErrorCatalog.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("run from inside the repository");
        }
    }
}
