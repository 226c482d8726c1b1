using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// Whether the fast YAML path earns its lines: the reader (text to raw catalog) with the fast path
    /// and through YamlDotNet's parser alone, alternated run by run, on the real 54-entry catalog and
    /// 1,000 / 10,000 synthetic entries.
    /// </summary>
    internal static class FastPathBenchmark
    {
        public static string Run(bool quick, string realCatalog)
        {
            var report = new StringBuilder("fast YAML path (reader only: text -> raw catalog), alternated runs:\n");
            foreach (int size in new[] { 54, 1000, 10000 })
            {
                string yaml = size == 54 ? File.ReadAllText(realCatalog) : SyntheticCatalog.Yaml(size);
                int runs = quick ? 3 : size >= 10000 ? 21 : 101;
                int warmup = quick ? 1 : 10;
                var fast = new List<double>();
                var slow = new List<double>();
                for (int run = 0; run < runs + warmup; run++)
                {
                    double f = Time(yaml, useFastPath: true);
                    double s = Time(yaml, useFastPath: false);
                    if (run >= warmup)
                    {
                        fast.Add(f);
                        slow.Add(s);
                    }
                }

                double ratio = Stats.Median(slow) / Stats.Median(fast);
                report.AppendLine($"  {size,6} entries: fast path {Stats.Describe(fast)}; YamlDotNet alone {Stats.Describe(slow)}; without it {ratio:F2}x the time");
            }

            return report.ToString();
        }

        private static double Time(string yaml, bool useFastPath)
        {
            GeneratorBenchmark.Settle();
            var diagnostics = new List<CatalogDiagnostic>();
            var watch = Stopwatch.StartNew();
            RawCatalog? raw = CatalogYamlReader.Read("/p/c.errors.yaml", yaml, CatalogLimits.Default, diagnostics, CancellationToken.None, useFastPath);
            watch.Stop();
            if (raw == null || raw.ReadByFastPath != useFastPath)
            {
                throw new InvalidOperationException("the catalog was not read as asked");
            }

            return watch.Elapsed.TotalMilliseconds;
        }
    }
}
