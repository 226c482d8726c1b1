using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Threading;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// Property tests over 10,000 generated catalogs per run, half of them mutated as text. The seed
    /// is fixed (catalog i is built from seed <see cref="BaseSeed"/> + i), so a failure names the index
    /// that reproduces it alone. Properties: no exception escapes, valid catalogs are accepted whole,
    /// a catalog that yields no code carries a located error, and all generated code compiles cleanly.
    /// </summary>
    public class FuzzTests
    {
        private const int BaseSeed = 20261128;
        private const int Count = 10_000;
        private const int BatchSize = 500;

        [Fact]
        public void Ten_thousand_generated_and_mutated_catalogs_never_break_the_generator()
        {
            int accepted = 0;
            int rejected = 0;
            for (int start = 0; start < Count; start += BatchSize)
            {
                var cases = Enumerable.Range(start, BatchSize).Select(FuzzCase.Create).ToList();
                var texts = cases.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Yaml)).ToList();
                CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "namespace Consumer.App { internal static class Placeholder { } }");
                GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, texts);
                driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
                GeneratorRunResult run = driver.GetRunResult().Results.Single();
                Assert.Null(run.Exception);
                Assert.DoesNotContain(diagnostics, d => d.Id == DiagnosticIds.InternalError);

                var byFile = diagnostics.GroupBy(d => d.Location.GetLineSpan().Path).ToDictionary(g => g.Key, g => g.ToList());
                foreach (FuzzCase fuzz in cases)
                {
                    List<Diagnostic> own = byFile.TryGetValue(fuzz.Path, out List<Diagnostic>? list) ? list : new List<Diagnostic>();
                    int lineCount = fuzz.Yaml.Split('\n').Length;
                    foreach (Diagnostic diagnostic in own)
                    {
                        Assert.StartsWith("ERRCAT", diagnostic.Id);
                        int line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                        Assert.True(line >= 0 && line < lineCount + 1, $"case {fuzz.Index}: {diagnostic} is outside the file");
                    }

                    bool hasError = own.Any(d => d.DefaultSeverity == DiagnosticSeverity.Error);
                    // A mutation may rename the catalog: find its output by the name the file now holds.
                    CatalogParseResult parsed = CatalogCompiler.Parse(fuzz.Path, fuzz.Yaml);
                    string? prefix = parsed.Model == null ? null
                        : CatalogCompiler.Emit(parsed.Model, GeneratorHarness.DefaultRootNamespace, true, fuzz.Path)[0].HintName;
                    bool generated = prefix != null && run.GeneratedSources.Any(s => s.HintName == prefix);
                    if (!fuzz.Mutated)
                    {
                        Assert.False(hasError, $"case {fuzz.Index}: a valid catalog was rejected: {string.Join("; ", own)}\n{fuzz.Yaml}");
                        Assert.True(generated, $"case {fuzz.Index}: no code for a valid catalog");
                        Assert.Equal(fuzz.EntryCount, parsed.Model!.Entries.Count);
                    }

                    if (!generated)
                    {
                        Assert.True(hasError, $"case {fuzz.Index}: no code and no error\n{fuzz.Yaml}");
                        rejected++;
                    }
                    else
                    {
                        accepted++;
                    }
                }

                ImmutableArray<Diagnostic> compile = output.GetDiagnostics();
                Assert.True(compile.IsEmpty, $"generated code of batch {start} does not compile: {string.Join("\n", compile.Take(5))}");
            }

            Assert.Equal(Count, accepted + rejected);
            Assert.InRange(rejected, Count / 20, Count / 2);
        }

        [Fact]
        public void Cancellation_stops_the_parser_and_the_driver()
        {
            var rows = Enumerable.Range(0, 5000).Select(i => new ErrorTableRow(400, "C." + i, "Message " + i, "", ""));
            string yaml = ErrorTable.ToYaml("Cancelled", rows);
            using var cancelled = new CancellationTokenSource();
            cancelled.Cancel();
            Assert.ThrowsAny<OperationCanceledException>(() => CatalogCompiler.Parse("c.errors.yaml", yaml, null, cancelled.Token));

            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "class A { }");
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, new[] { new InMemoryAdditionalText("/p/c.errors.yaml", yaml) });
            Assert.ThrowsAny<OperationCanceledException>(() => driver.RunGenerators(compilation, cancelled.Token));
        }

        [Fact]
        public void Resource_limits_are_configurable_and_refuse_before_parsing()
        {
            string yaml = ErrorTable.ToYaml("Limited", Enumerable.Range(0, 20).Select(i => new ErrorTableRow(400, "L." + i, "M" + i, "", "")));
            CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "class A { }");
            var file = new[] { new InMemoryAdditionalText("/p/l.errors.yaml", yaml) };

            Diagnostic entries = RunWith(new Dictionary<string, string> { ["build_property.ErrorCatalogMaxEntries"] = "10" });
            Assert.Equal(DiagnosticIds.ResourceLimit, entries.Id);
            Assert.Contains("more than 10 entries", entries.GetMessage());
            Assert.Equal(3 + (10 * 5), entries.Location.GetLineSpan().StartLinePosition.Line + 1);

            Diagnostic size = RunWith(new Dictionary<string, string> { ["build_property.ErrorCatalogMaxFileChars"] = "100" });
            Assert.Equal(DiagnosticIds.ResourceLimit, size.Id);
            Assert.Contains($"holds {yaml.Length} characters", size.GetMessage());

            Diagnostic RunWith(Dictionary<string, string> properties)
            {
                GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, file, properties).RunGenerators(compilation);
                GeneratorRunResult result = driver.GetRunResult().Results.Single();
                Assert.Empty(result.GeneratedSources);
                return Assert.Single(result.Diagnostics);
            }
        }

        [Fact]
        public void Default_limits_admit_a_100000_entry_catalog()
        {
            var rows = Enumerable.Range(0, 100_000).Select(i => new ErrorTableRow(400 + (i % 100), "BIG." + i.ToString("D6", CultureInfo.InvariantCulture), $"Message number {i} about {{0}}.", "Some description of the problem.", "What to do."));
            string yaml = ErrorTable.ToYaml("Big", rows);
            CatalogParseResult result = CatalogCompiler.Parse("big.errors.yaml", yaml);
            Assert.Empty(result.Diagnostics);
            Assert.Equal(100_000, result.Model!.Entries.Count);
        }
    }
}
