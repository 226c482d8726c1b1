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

    // The peer: Roslyn's own list of as many items, the members of a class of that many constants after "Codes."
    // (what the generated XErrorCodes offers), without our provider; alternated with ours in the same rounds.
    (Document members, int memberPosition) = OpenMembers(size);
    int listed = (await CompletionService.GetService(members)!.GetCompletionsAsync(members, memberPosition)).ItemsList.Count;
    for (int i = 0; i < (quick ? 2 : 20); i++)
    {
        await Measure(members, memberPosition, 1);
    }

    var oursTimes = new List<double>();
    var memberTimes = new List<double>();
    for (int round = 0; round < rounds; round++)
    {
        oursTimes.Add(await Measure(with, position, callsPerRound));
        memberTimes.Add(await Measure(members, memberPosition, callsPerRound));
    }

    double c = Median(oursTimes), d = Median(memberTimes);
    Console.WriteLine($"  {size,6} entries, ours ÷ Roslyn's member list of {listed} items: {c:0.000} ms vs {d:0.000} ms = {c / d:0.00}x (ours: min {oursTimes.Min():0.000}, max {oursTimes.Max():0.000}; members: min {memberTimes.Min():0.000}, max {memberTimes.Max():0.000})");
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
