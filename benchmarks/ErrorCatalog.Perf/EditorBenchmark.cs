using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ErrorCatalog.Testing;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// Editor latency as a user feels it: csharp-ls (the repository's local dotnet tool, analyzers on)
    /// with the app of <see cref="BuildBenchmark"/> open; the time from a <c>didChange</c> of
    /// <c>Program.cs</c> to the first pulled diagnostics of that file that reflect the edit (each edit
    /// introduces a new undefined name, whose CS0103 marks the fresh report). Layouts: the bare app,
    /// the catalog in the app, the catalog in a referenced library. Two figures per layout: the first
    /// edits after the project is opened (csharp-ls's own code still warming up: its just-in-time
    /// compiler runs along) and the edits after that (a session that has been open a while).
    /// </summary>
    internal static class EditorBenchmark
    {
        private static readonly string[] Layouts = { "bare", "in-project", "library" };
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

        public static async Task<string> RunAsync(string root, bool quick)
        {
            int first = quick ? 2 : 9;
            int steady = quick ? 2 : 15;
            int skipped = quick ? 0 : 10;
            var report = new StringBuilder();
            report.AppendLine($"editor latency, csharp-ls with analyzers on: didChange of Program.cs -> its updated diagnostics (ms); after opening: edits 1-{first} after one warm-up edit; steady: {steady} edits after {first + skipped + 1}:");
            Run("dotnet", "tool restore", root);
            foreach ((string name, string yaml) in BuildBenchmark.Catalogs(root, quick))
            {
                using var work = new BenchProjects(root, yaml);
                var opened = new Dictionary<string, double>();
                var settled = new Dictionary<string, double>();
                report.AppendLine($"  {name}:");
                foreach (string layout in Layouts)
                {
                    work.Build(layout, restore: true); // restored and built once, as a project a user opens
                    (List<double> times, List<int> pulls) = await MeasureAsync(root, work.Folder(layout), first + skipped + steady);
                    List<double> early = times.Take(first).ToList();
                    List<double> late = times.Skip(first + skipped).ToList();
                    opened[layout] = Stats.Median(early);
                    settled[layout] = Stats.Median(late);
                    report.AppendLine($"    {layout,-10} after opening {Stats.Describe(early)}  {opened[layout] / opened["bare"]:F2}x bare");
                    report.AppendLine($"    {string.Empty,-10} steady        {Stats.Describe(late)}  {settled[layout] / settled["bare"]:F2}x bare");
                    report.AppendLine($"    {string.Empty,-10} every edit    {string.Join(" ", times.Select(t => t.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)))} ms; pulls per edit {pulls.Min()}-{pulls.Max()}");
                }
            }

            return report.ToString();
        }

        private static async Task<(List<double> Times, List<int> Pulls)> MeasureAsync(string root, string dir, int edits)
        {
            var start = new ProcessStartInfo("dotnet", "tool run csharp-ls --loglevel warning") { WorkingDirectory = root };
            var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
            using var client = new LanguageServerClient(start, settings);
            string rootUri = new Uri(dir + "/").AbsoluteUri;
            string file = Path.Combine(dir, "Program.cs");
            string uri = new Uri(file).AbsoluteUri;
            await client.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = rootUri,
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true },
                    ["textDocument"] = new JsonObject { ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true }, ["publishDiagnostics"] = new JsonObject() },
                },
                ["initializationOptions"] = settings.DeepClone(),
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "bench" }),
            }, Patience);
            client.Notify("initialized", new JsonObject());
            client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
            client.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = File.ReadAllText(file) },
            });

            var times = new List<double>();
            var pullCounts = new List<int>();
            for (int edit = 0; edit <= edits; edit++)
            {
                string marker = "undefinedName" + edit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                string text = $"System.Console.WriteLine(\"edit {edit}\" + App.Client.IsThrottled(\"x\"));\nSystem.Console.WriteLine({marker});\n";
                var watch = Stopwatch.StartNew();
                client.Notify("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = edit + 2 },
                    ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
                });
                int pulls = await WaitForMarker(client, uri, marker);
                watch.Stop();
                if (edit > 0)
                {
                    times.Add(watch.Elapsed.TotalMilliseconds);
                    pullCounts.Add(pulls);
                }
            }

            await client.RequestAsync("shutdown", null, TimeSpan.FromSeconds(30));
            client.Notify("exit", null);
            return (times, pullCounts);
        }

        /// <summary>
        /// Pulls the file's diagnostics back to back until one names the edit's marker; how many pulls that took (a
        /// pull answered for the snapshot before the edit would cost a whole analysis more).
        /// </summary>
        private static async Task<int> WaitForMarker(LanguageServerClient client, string uri, string marker)
        {
            DateTime deadline = DateTime.UtcNow + Patience;
            int pulls = 0;
            while (DateTime.UtcNow < deadline)
            {
                JsonNode? report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, Patience);
                pulls++;
                if (report?["items"] is JsonArray items && items.Any(d => d?["message"]?.ToString().Contains(marker, StringComparison.Ordinal) == true))
                {
                    return pulls;
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"no diagnostics naming {marker} after {Patience.TotalSeconds} s\n{client.Log}");
        }

        private static void Run(string file, string arguments, string dir)
        {
            using Process process = Process.Start(new ProcessStartInfo(file, arguments) { WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true })!;
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
        }
    }
}
