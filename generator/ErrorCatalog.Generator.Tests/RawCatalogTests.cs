using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// The raw catalog stores entries by value in chunked arrays (<see cref="RawEntryList"/>): order,
    /// in-place filling and every field must survive the first array's growth and the chunk boundaries,
    /// on both reading paths.
    /// </summary>
    public class RawCatalogTests
    {
        [Fact]
        public void The_entry_list_keeps_order_and_in_place_writes_across_growth_and_chunks()
        {
            var list = new RawEntryList();
            int count = (2 * RawEntryList.ChunkSize) + 17;
            for (int i = 0; i < count; i++)
            {
                ref RawEntry added = ref list.Add(new RawEntry(new SourceSpan(i, i + 1, i, 0, i, 1)));
                added.Code = new RawScalar("C" + i.ToString(CultureInfo.InvariantCulture), SourceSpan.Empty, SourceSpan.Empty);
                if (i == 3)
                {
                    // Written before the first array grows: the growth must carry it over.
                    list[0].IsWellFormed = false;
                }
            }

            Assert.Equal(count, list.Count);
            for (int i = 0; i < count; i++)
            {
                Assert.Equal(i, list[i].Span.Start);
                Assert.Equal("C" + i.ToString(CultureInfo.InvariantCulture), list[i].Code.Value);
                Assert.True(list[i].Code.IsPresent);
                Assert.False(list[i].Name.IsPresent);
                Assert.Equal(i != 0, list[i].IsWellFormed);
            }

            Assert.Throws<ArgumentOutOfRangeException>(() => list[count].Span);
            Assert.Throws<ArgumentOutOfRangeException>(() => list[-1].Span);
        }

        [Fact]
        public void A_catalog_past_two_chunks_reads_the_same_on_the_fast_path_and_with_YamlDotNet()
        {
            int entries = (2 * RawEntryList.ChunkSize) + 100;
            var yaml = new StringBuilder("catalog: Big\nerrors:\n");
            for (int i = 0; i < entries; i++)
            {
                string n = i.ToString(CultureInfo.InvariantCulture);
                yaml.Append("  - code: PM.").Append(n).Append('\n')
                    .Append("    status: 400\n")
                    .Append(i % 7 == 0 ? "    name: Named" + n + "\n" : string.Empty)
                    .Append("    message: 'Entry ").Append(n).Append(i % 10 == 0 ? " {0}'\n    parameters: [value]\n" : "'\n")
                    .Append(i % 3 == 0 ? "    description:\n" : "    description: D" + n + "\n");
            }

            RawCatalog fast = Read(yaml.ToString());
            RawCatalog slow = Read(yaml.Append("# a tab\t leaves the fast path\n").ToString());
            Assert.True(fast.ReadByFastPath);
            Assert.False(slow.ReadByFastPath);
            Assert.Equal(entries, fast.Entries.Count);
            Assert.Equal(entries, slow.Entries.Count);
            int line = 3; // 1-based line of the first '- code'
            for (int i = 0; i < entries; i++)
            {
                ref RawEntry a = ref fast.Entries[i];
                ref RawEntry b = ref slow.Entries[i];
                string n = i.ToString(CultureInfo.InvariantCulture);
                Assert.Equal("PM." + n, a.Code.Value);
                Assert.Equal(line, a.Code.Span.DisplayLine);
                Assert.Equal(i % 7 == 0 ? "Named" + n : null, a.Name.Value);
                Assert.Equal(i % 7 == 0, a.Name.IsPresent);
                Assert.True(a.Description.IsPresent);
                Assert.Equal(i % 3 == 0 ? null : "D" + n, a.Description.Value);
                Assert.False(a.Solution.IsPresent);
                Assert.Equal(i % 10 == 0 ? new[] { "value" } : null, a.Parameters?.ConvertAll(p => p.Value!).ToArray());
                AssertSame(a, b);
                line += 4 + (i % 7 == 0 ? 1 : 0) + (i % 10 == 0 ? 1 : 0);
            }
        }

        private static void AssertSame(in RawEntry a, in RawEntry b)
        {
            Assert.Equal(a.Span, b.Span);
            Assert.Equal(a.IsWellFormed, b.IsWellFormed);
            Assert.Equal(a.ParametersSpan, b.ParametersSpan);
            foreach ((RawScalar x, RawScalar y) in new[] { (a.Code, b.Code), (a.Status, b.Status), (a.Name, b.Name), (a.Message, b.Message), (a.Description, b.Description), (a.Solution, b.Solution) })
            {
                Assert.Equal((x.IsPresent, x.Value, x.Span, x.KeySpan), (y.IsPresent, y.Value, y.Span, y.KeySpan));
            }

            Assert.Equal(a.Parameters?.Count, b.Parameters?.Count);
            for (int i = 0; i < (a.Parameters?.Count ?? 0); i++)
            {
                Assert.Equal((a.Parameters![i].Value, a.Parameters[i].Span), (b.Parameters![i].Value, b.Parameters[i].Span));
            }
        }

        private static RawCatalog Read(string yaml)
        {
            var diagnostics = new List<CatalogDiagnostic>();
            RawCatalog raw = CatalogYamlReader.Read("/p/big.errors.yaml", yaml, CatalogLimits.Default, diagnostics, default)!;
            Assert.Empty(diagnostics);
            return raw;
        }
    }
}
