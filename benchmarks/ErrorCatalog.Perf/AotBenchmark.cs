using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.RegularExpressions;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// What Native AOT costs with a catalog: a web app published with <c>PublishAot=true</c> that answers
    /// its one endpoint with a catalog error (<c>ToResult</c>, the exception handler registered), against
    /// the same app answering with <c>Results.Problem</c> and no ErrorCatalog. Native binary size, and
    /// start-to-first-answer: from process start until the first HTTP answer has been read, runs
    /// alternated. Needs clang and zlib1g-dev (the package tests install them as root).
    /// </summary>
    internal static class AotBenchmark
    {
        public static string Run(string root, bool quick)
        {
            int runs = quick ? 1 : 9;
            var report = new StringBuilder();
            report.AppendLine($"Native AOT web app (PublishAot=true, linux-x64), catalog app vs the same app without ErrorCatalog; start-to-first-answer median of {runs} alternated runs:");
            var catalogs = new List<(string Name, string Yaml)> { ("54 (CodeArts Req)", File.ReadAllText(Path.Combine(root, "catalog", "codearts-req.errors.yaml"))) };
            if (!quick)
            {
                string tables = Path.Combine(root, "generator", "ErrorCatalog.Generator.Tests", "TestData", "error-tables");
                catalogs.Add(("838 (ModelArts import)", BuildBenchmark.Import(Path.Combine(tables, "modelarts-error-codes-otc.txt"), "ModelArts")));
            }

            string dir = Path.Combine(Path.GetTempPath(), "errorcatalog-aot-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                string bare = Publish(Path.Combine(dir, "bare"), root, null);
                foreach ((string name, string yaml) in catalogs)
                {
                    string app = Publish(Path.Combine(dir, "catalog-" + catalogs.FindIndex(c => c.Name == name)), root, yaml);
                    var times = new Dictionary<string, List<double>> { [bare] = new List<double>(), [app] = new List<double>() };
                    for (int run = 0; run < runs; run++)
                    {
                        foreach (string binary in new[] { bare, app })
                        {
                            times[binary].Add(FirstAnswer(binary));
                        }
                    }

                    long appSize = new FileInfo(app).Length;
                    long bareSize = new FileInfo(bare).Length;
                    report.AppendLine($"  {name}: size {appSize / 1024.0 / 1024.0:F2} MiB vs {bareSize / 1024.0 / 1024.0:F2} MiB = {(double)appSize / bareSize:F3}x; " +
                        $"first answer {Stats.Median(times[app]):F1} ms vs {Stats.Median(times[bare]):F1} ms = {Stats.Median(times[app]) / Stats.Median(times[bare]):F2}x " +
                        $"(catalog {Stats.Describe(times[app])}; bare {Stats.Describe(times[bare])})");
                }
            }
            catch (Exception ex)
            {
                throw new InvalidOperationException($"the AOT benchmark failed; its apps are kept in {dir}", ex);
            }

            Directory.Delete(dir, recursive: true);
            return report.ToString();
        }

        /// <summary>Publishes the app (with the catalog, or bare when null) and returns its native binary.</summary>
        private static string Publish(string dir, string root, string? yaml)
        {
            Directory.CreateDirectory(dir);
            (string imports, string analyzers, string targets) = yaml == null ? (string.Empty, string.Empty, string.Empty) : BenchProjects.GeneratorItems(root);
            File.WriteAllText(Path.Combine(dir, "App.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk.Web">
                {imports}
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <PublishAot>true</PublishAot>
                    <InvariantGlobalization>true</InvariantGlobalization>
                  </PropertyGroup>
                  <ItemGroup>
                {analyzers}
                  </ItemGroup>
                {targets}
                </Project>
                """);

            string answer = "IResult () => Results.Problem(detail: \"Field due_date has invalid value x.\", statusCode: 400)";
            string registration = string.Empty;
            if (yaml != null)
            {
                File.WriteAllText(Path.Combine(dir, "catalog.errors.yaml"), yaml);
                string catalog = Regex.Match(yaml, @"^catalog: *(\S+)", RegexOptions.Multiline).Groups[1].Value;
                string ns = Regex.Match(yaml, @"^namespace: *(\S+)", RegexOptions.Multiline).Groups[1].Value;
                string prefix = $"global::{ns}.{catalog}";
                // The first 4xx/5xx entry (an imported table may start with a 1xx row, which is no error answer).
                string error = $"{prefix}Errors.All.First(e => e.HttpStatus >= 400)";
                answer = $"IResult () => {error}.ToResult(Enumerable.Repeat<object?>(\"x\", {error}.ParameterCount).ToArray())";
                registration = $"builder.Services.AddExceptionHandler<{prefix}ExceptionHandler>();";
            }

            File.WriteAllText(Path.Combine(dir, "Program.cs"), $$"""
                var builder = WebApplication.CreateSlimBuilder(args);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                builder.Services.AddProblemDetails();
                {{registration}}
                var app = builder.Build();
                app.UseExceptionHandler();
                app.MapGet("/", {{answer}});
                await app.StartAsync();
                Console.WriteLine("LISTENING " + app.Urls.First());
                await app.WaitForShutdownAsync();
                """);
            Run("dotnet", "publish -c Release -r linux-x64 -nologo -v:q -o out", dir);
            return Path.Combine(dir, "out", "App");
        }

        /// <summary>Milliseconds from starting the binary to having read its first answer.</summary>
        private static double FirstAnswer(string binary)
        {
            var watch = Stopwatch.StartNew();
            var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using Process process = Process.Start(start)!;
            try
            {
                string? line = process.StandardOutput.ReadLine();
                if (line == null || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{binary} did not start: {line}{process.StandardError.ReadToEnd()}");
                }

                using var client = new HttpClient { BaseAddress = new Uri(line["LISTENING ".Length..]) };
                using HttpResponseMessage response = client.GetAsync("/").GetAwaiter().GetResult();
                string body = response.Content.ReadAsStringAsync().GetAwaiter().GetResult();
                watch.Stop();
                if ((int)response.StatusCode < 400 || body.Length == 0)
                {
                    throw new InvalidOperationException($"{binary} answered {(int)response.StatusCode}: {body}");
                }

                return watch.Elapsed.TotalMilliseconds;
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }

        private static void Run(string file, string arguments, string directory)
        {
            var start = new ProcessStartInfo(file, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
            using Process process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{file} {arguments} failed in {directory}:\n{output[Math.Max(0, output.Length - 4000)..]}");
            }
        }
    }
}
