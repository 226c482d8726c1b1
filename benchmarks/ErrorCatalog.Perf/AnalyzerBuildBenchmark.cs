using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// Issue 4's benchmark as the issue words it: a real <c>dotnet build -p:ReportAnalyzer=true</c> of a
    /// generated project (2,000 files, 100,000 literals) with our analyzer and the two baselines loaded
    /// side by side in the same compilation; the per-analyzer times are read from the build's report.
    /// </summary>
    internal static class AnalyzerBuildBenchmark
    {
        private static readonly string[] Analyzers = { "ErrorCodeAnalyzer", "EmptyTreeAnalyzer", "EmptyLiteralAnalyzer", "ValueReadingAnalyzer" };

        public static string Run(string catalogPath, int files, int runs, double codeShare, bool compilerServer)
        {
            string dir = Path.Combine(Path.GetTempPath(), "errorcatalog-analyzer-build-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(dir);
            try
            {
                string yaml = File.ReadAllText(catalogPath);
                foreach (SyntaxTree tree in AnalyzerBenchmark.CreateTrees(files, 50, yaml, codeShare))
                {
                    File.WriteAllText(Path.Combine(dir, Path.GetFileName(tree.FilePath)), tree.ToString());
                }

                File.WriteAllText(Path.Combine(dir, "codes.errors.yaml"), yaml);
                string bin = AppContext.BaseDirectory;
                var analyzers = new[] { "ErrorCatalog.Analyzers.dll", "ErrorCatalog.Core.dll", "YamlDotNet.dll", "ErrorCatalog.Perf.dll" }
                    .Select(f => $"    <Analyzer Include=\"{Path.Combine(bin, f)}\" />");
                File.WriteAllText(Path.Combine(dir, "AnalyzerPerf.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>disable</Nullable>
    <ReportAnalyzer>true</ReportAnalyzer>
    <NoWarn>$(NoWarn);CS8981</NoWarn>
    <RunAnalyzersDuringBuild>true</RunAnalyzersDuringBuild>
  </PropertyGroup>
  <ItemGroup>
    <AdditionalFiles Include=""codes.errors.yaml"" />
{string.Join("\n", analyzers)}
  </ItemGroup>
</Project>
");
                var times = Analyzers.ToDictionary(a => a, _ => new List<double>());
                var shares = new List<double>();
                for (int run = 0; run <= runs; run++)
                {
                    string output = Build(dir, compilerServer);
                    var seconds = new Dictionary<string, double>();
                    foreach (string analyzer in Analyzers)
                    {
                        // e.g. "      0.046   37      ErrorCatalog.Analyzers.ErrorCodeAnalyzer (ERRCAT100, ERRCAT101)"
                        Match match = Regex.Match(output, @"^\s*(<?[0-9.]+)\s+<?[0-9]+\s+[\w.]*\." + analyzer + @"\b", RegexOptions.Multiline);
                        if (!match.Success)
                        {
                            throw new InvalidOperationException($"no ReportAnalyzer line for {analyzer} in the build output:\n{output}");
                        }

                        seconds[analyzer] = double.Parse(match.Groups[1].Value.TrimStart('<'), CultureInfo.InvariantCulture);
                        if (run > 0)
                        {
                            times[analyzer].Add(seconds[analyzer] * 1000);
                        }
                    }

                    // The whole compilation: the Csc task (performance summary) less the three measuring
                    // sticks loaded beside ours, which a user's build would not run.
                    Match csc = Regex.Match(output, @"^\s*([0-9]+) ms\s+Csc\s", RegexOptions.Multiline);
                    if (!csc.Success)
                    {
                        throw new InvalidOperationException("no Csc line in the build's performance summary:\n" + output[Math.Max(0, output.Length - 4000)..]);
                    }

                    double compile = double.Parse(csc.Groups[1].Value, CultureInfo.InvariantCulture) - (1000 * (seconds["EmptyTreeAnalyzer"] + seconds["EmptyLiteralAnalyzer"] + seconds["ValueReadingAnalyzer"]));
                    if (run > 0)
                    {
                        shares.Add(100 * 1000 * seconds["ErrorCodeAnalyzer"] / compile);
                    }
                }

                var report = new StringBuilder();
                report.AppendLine($"analyzer, dotnet build -p:ReportAnalyzer=true, {(compilerServer ? "compiler server (warm)" : "a fresh csc per build (cold)")}: {codeShare:P1} of literals code-like; {files} files, {files * 50} literals, {runs} builds after a warm-up (ms, from the build's report):");
                foreach (string analyzer in Analyzers)
                {
                    report.AppendLine($"  {analyzer,-22} {Stats.Describe(times[analyzer])}");
                }

                double ours = Stats.Median(times["ErrorCodeAnalyzer"]);
                report.AppendLine($"  ours vs the value-reading floor {ours / Stats.Median(times["ValueReadingAnalyzer"]):F2}x (target <= 1.0x); share of the whole compilation {Stats.Median(shares):F2}% (min {shares.Min():F2}, max {shares.Max():F2}; target <= 2%)");
                report.AppendLine($"  (for reference: vs an empty analyzer with the same callbacks {ours / Stats.Median(times["EmptyTreeAnalyzer"]):F2}x; vs an empty per-literal analyzer {ours / Stats.Median(times["EmptyLiteralAnalyzer"]):F2}x)");
                return report.ToString();
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        private static string Build(string dir, bool compilerServer)
        {
            // With the compiler server (the SDK's default), analyzers stay loaded and warm between builds,
            // as in an IDE session; without it, every build is a fresh csc process (JIT and catalog parse included).
            string server = compilerServer ? "true" : "false";
            var start = new ProcessStartInfo("dotnet", $"build AnalyzerPerf.csproj --no-incremental -v:d -nologo -clp:PerformanceSummary -p:ReportAnalyzer=true -p:UseSharedCompilation={server}")
            {
                WorkingDirectory = dir,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException("the analyzer benchmark project did not build:\n" + output[Math.Max(0, output.Length - 4000)..]);
            }

            File.WriteAllText(Path.Combine(Path.GetTempPath(), "errorcatalog-analyzer-build.log"), output);
            return output;
        }
    }
}
