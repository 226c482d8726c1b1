using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// Where a full generator run spends its time: the YamlDotNet event floor, our parse + validation,
    /// the emitter, and the compiler's parse of the generated text (which the driver does for every
    /// AddSource). Medians of warm runs, one size at a time: <c>-- breakdown</c> (PERF_SIZES to choose).
    /// </summary>
    internal static class Breakdown
    {
        public static string Run(int[] sizes, int runs)
        {
            var report = new StringBuilder();
            foreach (int size in sizes)
            {
                string yaml = SyntheticCatalog.Yaml(size);
                var floor = new List<double>();
                var parse = new List<double>();
                var reads = new List<double>();
                var emit = new List<double>();
                var roslyn = new List<double>();
                long readBytes = 0, parseBytes = 0, emitBytes = 0, floorBytes = 0;
                int outputChars = 0;
                string gcs = string.Empty, readGcs = string.Empty, emitGcs = string.Empty;
                for (int run = 0; run <= runs; run++)
                {
                    GeneratorBenchmark.Settle();
                    long b0 = GC.GetAllocatedBytesForCurrentThread();
                    var watch = Stopwatch.StartNew();
                    var parser = new Parser(new StringReader(yaml));
                    while (parser.MoveNext())
                    {
                    }

                    double f = watch.Elapsed.TotalMilliseconds;
                    GeneratorBenchmark.Settle();
                    long b1 = GC.GetAllocatedBytesForCurrentThread();
                    GcMark readMark = GcMark.Now();
                    watch.Restart();
                    var diagnostics = new List<ErrorCatalog.Core.Diagnostics.CatalogDiagnostic>();
                    ErrorCatalog.Core.Parsing.RawCatalog raw = ErrorCatalog.Core.Parsing.CatalogYamlReader.Read("/p/synthetic.errors.yaml", yaml, ErrorCatalog.Core.Parsing.CatalogLimits.Default, diagnostics, default)!;
                    double read = watch.Elapsed.TotalMilliseconds;
                    readBytes = GC.GetAllocatedBytesForCurrentThread() - b1;
                    readGcs = readMark.Since();
                    GcMark validationMark = GcMark.Now();
                    ErrorCatalog.Core.Model.CatalogModel model = ErrorCatalog.Core.Validation.CatalogValidator.Validate("/p/synthetic.errors.yaml", raw, diagnostics, default)!;
                    double p = watch.Elapsed.TotalMilliseconds;
                    gcs = validationMark.Since();
                    GeneratorBenchmark.Settle();
                    long b2 = GC.GetAllocatedBytesForCurrentThread();
                    GcMark emitMark = GcMark.Now();
                    watch.Restart();
                    EquatableArray<GeneratedFile> files = CatalogCompiler.Emit(model, null, true, "/p/synthetic.errors.yaml");
                    double e = watch.Elapsed.TotalMilliseconds;
                    emitGcs = emitMark.Since();
                    long b3 = GC.GetAllocatedBytesForCurrentThread();
                    GeneratorBenchmark.Settle();
                    watch.Restart();
                    outputChars = 0;
                    foreach (GeneratedFile file in files)
                    {
                        CSharpSyntaxTree.ParseText(SourceText.From(file.Source, Encoding.UTF8), path: file.HintName).GetRoot();
                        outputChars += file.Source.Length;
                    }

                    double r = watch.Elapsed.TotalMilliseconds;
                    if (run > 0)
                    {
                        floor.Add(f);
                        parse.Add(p);
                        reads.Add(read);
                        emit.Add(e);
                        roslyn.Add(r);
                        floorBytes = b1 - b0;
                        parseBytes = b2 - b1;
                        emitBytes = b3 - b2;
                    }
                }

                report.AppendLine($"breakdown, {size} entries, {runs} runs (medians):");
                report.AppendLine($"  YamlDotNet event floor {Stats.Median(floor):F1} ms, {floorBytes / size} B/entry");
                report.AppendLine($"  parse + validate       {Stats.Median(parse):F1} ms {parseBytes / size} B/entry (of which the YAML reader {Stats.Median(reads):F1} ms, {readBytes / size} B/entry; GCs gen0/1/2: reader {readGcs}, validation {gcs})");
                report.AppendLine($"  emit                   {Stats.Median(emit):F1} ms, {emitBytes / size} B/entry, {outputChars / size} output chars/entry; GCs gen0/1/2 {emitGcs}");
                report.AppendLine($"  compiler parse of output {Stats.Median(roslyn):F1} ms");
            }

            return report.ToString();
        }
    }
}
