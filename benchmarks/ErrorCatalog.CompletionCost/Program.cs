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
// Ours ÷ Roslyn at the same position without our provider (which offers nothing inside a string), and ours ÷
// Roslyn's own list of as many items (a class of that many constants, after "Codes.").
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
    (List<double> withTimes, List<double> withoutTimes) = await Alternate(with, position, without, position, quick, rounds, callsPerRound);
    Report($"{size,6} entries:", withTimes, withoutTimes, $"{offered} codes offered", "with", "without");

    // The peer: Roslyn's own list of as many items, the members of a class of that many constants after "Codes."
    // (what the generated XErrorCodes offers), without our provider; alternated with ours in the same rounds.
    (Document members, int memberPosition) = OpenMembers(size);
    int listed = (await CompletionService.GetService(members)!.GetCompletionsAsync(members, memberPosition)).ItemsList.Count;
    (List<double> oursTimes, List<double> memberTimes) = await Alternate(with, position, members, memberPosition, quick, rounds, callsPerRound);
    Report($"{size,6} entries, ours ÷ Roslyn's member list of {listed} items:", oursTimes, memberTimes, null, "ours", "members");
}

// Warm-up, then rounds of calls alternated between the two documents: the per-call times of each round.
static async Task<(List<double> A, List<double> B)> Alternate(Document a, int positionA, Document b, int positionB, bool quick, int rounds, int callsPerRound)
{
    for (int i = 0; i < (quick ? 2 : 20); i++)
    {
        await Measure(a, positionA, 1);
        await Measure(b, positionB, 1);
    }

    var timesA = new List<double>();
    var timesB = new List<double>();
    for (int round = 0; round < rounds; round++)
    {
        timesA.Add(await Measure(a, positionA, callsPerRound));
        timesB.Add(await Measure(b, positionB, callsPerRound));
    }

    return (timesA, timesB);
}

static void Report(string what, List<double> a, List<double> b, string? note, string nameA, string nameB)
{
    double ma = Median(a), mb = Median(b);
    Console.WriteLine($"  {what} {ma:0.000} ms vs {mb:0.000} ms = {ma / mb:0.00}x ({(note == null ? string.Empty : note + "; ")}{nameA}: min {a.Min():0.000}, max {a.Max():0.000}; {nameB}: min {b.Min():0.000}, max {b.Max():0.000})");
}

static (Document Document, int Position) OpenMembers(int size)
{
    var source = new System.Text.StringBuilder("static class Codes {\n");
    for (int i = 0; i < size; i++)
    {
        source.Append("    public const string PM_").Append(i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append(" = \"PM.").Append(i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)).Append("\";\n");
    }

    source.Append("}\nclass C { string X = Codes.; }\n");
    string text = source.ToString();
    return (CompletionWorkspace.Open(text, "catalog: Empty\nerrors: []\n", null), text.IndexOf("Codes.;", StringComparison.Ordinal) + "Codes.".Length);
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
