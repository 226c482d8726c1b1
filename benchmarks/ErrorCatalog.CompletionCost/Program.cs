using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.Completion;
using ErrorCatalog.Perf;
using ErrorCatalog.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;

// dotnet run -c Release --project benchmarks/ErrorCatalog.CompletionCost [-- --quick]
bool quick = args.Contains("--quick");
int rounds = quick ? 2 : 15;
int callsPerRound = quick ? 2 : 10;
var sizes = quick ? new[] { 54 } : new[] { 54, 10_000 };
Console.WriteLine($"completion inside \"PM.\" (Roslyn CompletionService, {rounds} alternated rounds of {callsPerRound} calls after warm-up): with the ErrorCatalog provider ÷ without");
foreach (int size in sizes)
{
    string yaml = size == 54 ? File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog", "codearts-req.errors.yaml")) : SyntheticCatalog.Yaml(size);
    (Document with, int position) = Open(yaml, withProvider: true);
    (Document without, _) = Open(yaml, withProvider: false);
    int offered = (await CompletionService.GetService(with)!.GetCompletionsAsync(with, position)).ItemsList.Count(i => i.Properties.ContainsKey("ErrorCatalog.Code"));
    for (int i = 0; i < (quick ? 2 : 20); i++)
    {
        await Measure(with, position, 1);
        await Measure(without, position, 1);
    }

    var withTimes = new List<double>();
    var withoutTimes = new List<double>();
    for (int round = 0; round < rounds; round++)
    {
        withTimes.Add(await Measure(with, position, callsPerRound));
        withoutTimes.Add(await Measure(without, position, callsPerRound));
    }

    double a = Median(withTimes), b = Median(withoutTimes);
    Console.WriteLine($"  {size,6} entries: {a:0.000} ms vs {b:0.000} ms = {a / b:0.00}x ({offered} codes offered; with: min {withTimes.Min():0.000}, max {withTimes.Max():0.000}; without: min {withoutTimes.Min():0.000}, max {withoutTimes.Max():0.000})");
}

static async Task<double> Measure(Document document, int position, int calls)
{
    CompletionService service = CompletionService.GetService(document)!;
    var watch = Stopwatch.StartNew();
    for (int i = 0; i < calls; i++)
    {
        await service.GetCompletionsAsync(document, position);
    }

    return watch.Elapsed.TotalMilliseconds / calls;
}

static double Median(List<double> values)
{
    double[] sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static (Document Document, int Position) Open(string yaml, bool withProvider)
{
    const string source = "class C { string X = \"PM.\"; }";
    return (CompletionWorkspace.Open(source, yaml, withProvider ? typeof(CodeCompletionProvider).Assembly.Location : null), source.IndexOf("PM.", StringComparison.Ordinal) + 3);
}
