using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using ErrorCatalog.Core.Import;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// What a user feels on every build: the whole <c>dotnet build</c> of a console app after editing
    /// one of its <c>.cs</c> files, compiler server on, with and without ErrorCatalog, the layouts built
    /// alternately in one run. Each layout with ErrorCatalog is measured against the same layout without
    /// it: <c>in-project</c> (the catalog and the package in the app) against <c>bare</c> (the app
    /// alone); <c>library</c> (the catalog compiled once in a class library the app references, which
    /// the app sees as a reference catalog) against <c>bare-library</c> (the app referencing an empty
    /// class library: what any ProjectReference costs).
    /// </summary>
    internal static class BuildBenchmark
    {
        public static readonly string[] Layouts = { "bare", "in-project", "bare-library", "library" };

        private static string BaselineOf(string layout) => layout == "library" || layout == "bare-library" ? "bare-library" : "bare";

        /// <summary>The catalogs: our 54 entries, two imported documentation tables, 10,000 synthetic entries (PERF_SIZES=293,838 narrows them).</summary>
        public static IEnumerable<(string Name, string Yaml)> Catalogs(string root, bool quick)
        {
            string[]? only = Environment.GetEnvironmentVariable("PERF_SIZES")?.Split(',');
            bool Wanted(int size) => only == null ? !quick || size == 54 : only.Contains(size.ToString(CultureInfo.InvariantCulture));
            string tables = Path.Combine(root, "generator", "ErrorCatalog.Generator.Tests", "TestData", "error-tables");
            if (Wanted(54))
            {
                yield return ("54 (CodeArts Req)", File.ReadAllText(Path.Combine(root, "catalog", "codearts-req.errors.yaml")));
            }

            if (Wanted(293))
            {
                yield return ("293 (API Gateway import)", Import(Path.Combine(tables, "api-gateway-error-codes-otc.txt"), "ApiGateway"));
            }

            if (Wanted(838))
            {
                yield return ("838 (ModelArts import)", Import(Path.Combine(tables, "modelarts-error-codes-otc.txt"), "ModelArts"));
            }

            if (Wanted(10000))
            {
                yield return ("10,000 (synthetic)", SyntheticCatalog.Yaml(10000));
            }
        }

        public static string Import(string table, string catalog)
            => TableImport.Import(new CatalogTableImport(catalog, "Bench." + catalog), File.ReadAllText(table), Path.GetFileName(table)).Yaml;

        public static string Run(string root, bool quick)
        {
            int runs = quick ? 1 : 5;
            var report = new StringBuilder();
            report.AppendLine($"whole `dotnet build` of a console app after editing one .cs file, compiler server on (UseSharedCompilation=true), layouts alternated, {runs} builds each after a warm-up (wall clock, ms):");
            foreach ((string name, string yaml) in Catalogs(root, quick))
            {
                using var work = new BenchProjects(root, yaml);
                var times = Layouts.ToDictionary(l => l, _ => new List<double>());
                foreach (string layout in Layouts)
                {
                    work.Build(layout, restore: true); // restore and the first (cold) build
                    work.Build(layout, restore: false);
                }

                for (int run = 0; run < runs; run++)
                {
                    foreach (string layout in Layouts)
                    {
                        work.EditApp(layout, run);
                        times[layout].Add(work.Build(layout, restore: false));
                    }
                }

                report.AppendLine($"  {name}:");
                foreach (string layout in Layouts)
                {
                    string baseline = BaselineOf(layout);
                    double ratio = Stats.Median(times[layout]) / Stats.Median(times[baseline]);
                    report.AppendLine($"    {layout,-12} {Stats.Describe(times[layout])}  {ratio:F2}x {baseline}");
                }
            }

            return report.ToString();
        }
    }

    /// <summary>The three projects of <see cref="BuildBenchmark"/> in a temporary folder, referencing the built generator by path.</summary>
    internal sealed class BenchProjects : IDisposable
    {
        private readonly string _dir;

        public BenchProjects(string root, string yaml)
        {
            _dir = Path.Combine(Path.GetTempPath(), "errorcatalog-build-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture) + "-" + Guid.NewGuid().ToString("N")[..8]);
            (string imports, string analyzers, string targets) = GeneratorItems(root);
            WriteApp("bare", string.Empty, string.Empty, string.Empty);
            WriteApp("in-project", imports, $"  <ItemGroup>\n{analyzers}\n  </ItemGroup>", targets);
            File.WriteAllText(Path.Combine(_dir, "in-project", "catalog.errors.yaml"), yaml);

            // The library layout: the catalog and the generator in a class library; the app references
            // it, and gets the catalog as a reference catalog through the package's targets.
            WriteLibrary("lib", imports, $"  <ItemGroup>\n{analyzers}\n  </ItemGroup>", targets);
            File.WriteAllText(Path.Combine(_dir, "lib", "catalog.errors.yaml"), yaml);
            WriteApp("library", imports, $"  <ItemGroup>\n    <ProjectReference Include=\"../lib/Lib.csproj\" />\n{analyzers}\n  </ItemGroup>", targets);
            WriteLibrary("empty-lib", string.Empty, string.Empty, string.Empty);
            WriteApp("bare-library", string.Empty, "  <ItemGroup>\n    <ProjectReference Include=\"../empty-lib/Lib.csproj\" />\n  </ItemGroup>", string.Empty);
        }

        /// <summary>
        /// What a benchmark project needs to take the built generator by path, as the package would give it:
        /// the props import, the analyzer items (this harness's own copies), the targets import.
        /// </summary>
        public static (string Imports, string Analyzers, string Targets) GeneratorItems(string root)
        {
            string bin = AppContext.BaseDirectory;
            string analyzers = string.Join("\n", new[] { "ErrorCatalog.Generator.dll", "ErrorCatalog.Analyzers.dll", "ErrorCatalog.Core.dll", "YamlDotNet.dll" }
                .Select(f => $"    <Analyzer Include=\"{Path.Combine(bin, f)}\" />"));
            return ($"  <Import Project=\"{Path.Combine(root, "build", "ErrorCatalog.Generator.props")}\" />",
                analyzers,
                $"  <Import Project=\"{Path.Combine(root, "build", "ErrorCatalog.Generator.targets")}\" />");
        }

        private void WriteLibrary(string folder, string imports, string items, string targets)
        {
            WriteProject(Path.Combine(_dir, folder, "Lib.csproj"), "Library", imports, items, targets);
            File.WriteAllText(Path.Combine(_dir, folder, "Marker.cs"), "namespace Lib { public static class Marker { } }\n");
        }

        private void WriteApp(string layout, string imports, string items, string targets)
        {
            string dir = Path.Combine(_dir, layout);
            WriteProject(Path.Combine(dir, "App.csproj"), "Exe", imports, items, targets);
            File.WriteAllText(Path.Combine(dir, "Client.cs"), """
                namespace App
                {
                    public static class Client
                    {
                        public static bool IsThrottled(string code) => code == "APIG.0308";
                    }
                }
                """);
            EditApp(layout, -1);
        }

        private static void WriteProject(string path, string outputType, string imports, string items, string targets)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, $"""
                <Project Sdk="Microsoft.NET.Sdk">
                {imports}
                  <PropertyGroup>
                    <OutputType>{outputType}</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                {items}
                {targets}
                </Project>
                """);
        }

        /// <summary>The folder of a layout's app.</summary>
        public string Folder(string layout) => Path.Combine(_dir, layout);

        /// <summary>Rewrites Program.cs with a different string, as a user's edit would.</summary>
        public void EditApp(string layout, int run)
            => File.WriteAllText(Path.Combine(_dir, layout, "Program.cs"), $"System.Console.WriteLine(\"edit {run}\" + App.Client.IsThrottled(\"x\"));\n");

        /// <summary>One <c>dotnet build</c> of the layout's app; its wall-clock time in ms.</summary>
        public double Build(string layout, bool restore)
        {
            string args = $"build App.csproj -nologo -v:q -clp:NoSummary -p:UseSharedCompilation=true{(restore ? string.Empty : " --no-restore")}";
            var start = new ProcessStartInfo("dotnet", args)
            {
                WorkingDirectory = Path.Combine(_dir, layout),
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.Environment["UseSharedCompilation"] = "true";
            var watch = Stopwatch.StartNew();
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            watch.Stop();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"the {layout} app did not build:\n{output[Math.Max(0, output.Length - 4000)..]}");
            }

            return watch.Elapsed.TotalMilliseconds;
        }

        public void Dispose()
        {
            try
            {
                Directory.Delete(_dir, recursive: true);
            }
            catch (IOException)
            {
                // a build node may still hold a file; the temp folder is cleaned by the OS
            }
        }
    }
}
