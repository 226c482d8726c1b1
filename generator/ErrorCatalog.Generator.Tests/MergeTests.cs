using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Import;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// <c>errcat import --merge</c> keeps every key where it was: keys are added at the end the reader
    /// recorded for each entry (<see cref="RawEntry.End"/>), whatever key, block or comment ends it.
    /// </summary>
    public class MergeTests
    {
        private readonly ITestOutputHelper _output;

        public MergeTests(ITestOutputHelper output) => _output = output;

        /// <summary>The table owns these keys; every other key of an entry is the team's.</summary>
        private static readonly string[] s_tableKeys = { "status", "message", "description", "solution" };

        [Theory]
        [InlineData("    grpcStatus: ABORTED\n", "grpcStatus")]
        [InlineData("    grpcStatus: ABORTED   # chosen by hand\n", "grpcStatus")]
        [InlineData("    parameters:\n      - name: id\n        type: int\n      - name: reason\n", "parameters")]
        [InlineData("    solution: |\n      Retry.\n      Then call support.\n", "solution")]
        [InlineData("    solution: >-\n      Retry\n      later.\n\n", "solution")]
        [InlineData("    retryable: true\n    # kept with the entry: retry at most twice\n", "retryable")]
        [InlineData("    retryable: true\n    # a comment at the keys' column\n      # and a deeper one\n", "retryable")]
        public void Keys_and_comments_that_end_the_last_entry_stay_with_it(string lastLines, string lastKey)
        {
            string message = lastKey == "parameters" ? "'Order {0} failed: {1}.'" : "Order failed.";
            string catalog = "catalog: Shop\nerrors:\n  - code: SHOP.001\n    status: 404\n    message: Not found.\n"
                + $"  - code: SHOP.002\n    status: 409\n    message: {message}\n" + lastLines + "# the end of the list\n";
            var table = new List<TableEntry>
            {
                Row("SHOP.001", 404, "Not found."),
                Row("SHOP.002", 409, message.Trim('\''), description: "It failed.", solution: Read(catalog).Entries[1].Solution.Value ?? string.Empty),
                Row("SHOP.003", 400, "Bad request."),
                Row("SHOP.004", 500, "Server error."),
            };

            MergeResult result = CatalogMerger.MergeCatalog("/c/shop.errors.yaml", catalog, "Shop", null, table);

            Assert.Empty(result.Problems);
            Assert.Equal(2, result.Summary.Added);
            string expected = catalog.Replace(lastLines, lastLines.TrimEnd('\n') + "\n    description: It failed.\n", StringComparison.Ordinal);
            Assert.StartsWith(expected.Replace("# the end of the list\n", string.Empty, StringComparison.Ordinal), result.Yaml, StringComparison.Ordinal);
            Assert.EndsWith("# the end of the list\n", result.Yaml, StringComparison.Ordinal);
            RawCatalog before = Read(catalog);
            RawCatalog after = Read(result.Yaml!);
            Assert.Equal(4, after.Entries.Count);
            Assert.Equal(Values(before.Entries[1], lastKey), Values(after.Entries[1], lastKey));
            Assert.All(new[] { after.Entries[2], after.Entries[3] }, added => Assert.All(Values(added, lastKey), value => Assert.Equal(string.Empty, value)));
        }

        [Fact]
        public void An_entry_at_the_end_of_a_file_without_a_final_line_break_takes_its_new_key_on_a_line_of_its_own()
        {
            const string catalog = "catalog: Shop\nerrors:\n  - code: SHOP.001\n    status: 404\n    message: Not found.\n    grpcStatus: ABORTED";

            MergeResult result = CatalogMerger.MergeCatalog("/c/shop.errors.yaml", catalog, "Shop", null, new[] { Row("SHOP.001", 404, "Not found.", description: "Gone.") });

            Assert.Equal(catalog + "\n    description: Gone.\n", result.Yaml);
        }

        /// <summary>
        /// The property over the fuzz generator's curated catalogs (every optional key, random order,
        /// comments, block scalars): after a merge that changes, drops and adds rows, every entry's parsed
        /// value of every key the table does not own is what it was, the table's keys hold the table's
        /// values, and the file outside the edited values, the added key lines and the appended entries is
        /// byte for byte what it was.
        /// </summary>
        [Fact]
        public void A_merge_changes_nothing_but_the_tables_keys_and_the_lines_it_adds()
        {
            int merged = 0, skipped = 0, entries = 0, keptKeys = 0, edited = 0, addedLines = 0;
            for (int index = 0; index < 1500; index++)
            {
                FuzzCase fuzz = FuzzCase.CreateComplete(index);
                CatalogParseResult parsed = CatalogCompiler.Parse(fuzz.Path, fuzz.Yaml);
                if (parsed.Model == null || parsed.Diagnostics.Any(d => d.Severity == CatalogSeverity.Error))
                {
                    skipped++;
                    continue;
                }

                var random = new Random(index);
                RawCatalog before = Read(fuzz.Yaml);
                // Lines added after a clipped block scalar that ends the file strip it ('|' -> '|-'), so its value stays.
                string original = before.FinalClippedBlockHeader < 0 ? fuzz.Yaml : fuzz.Yaml.Insert(before.FinalClippedBlockHeader + 1, "-");
                before = Read(original);
                List<TableEntry> table = TableFor(parsed.Model, random, out HashSet<string> dropped);
                MergeResult result = CatalogMerger.MergeCatalog(fuzz.Path, fuzz.Yaml, parsed.Model.CatalogName, null, table);
                Assert.True(result.Problems.Count == 0, $"case {index}: {string.Join("; ", result.Problems)}\n{fuzz.Yaml}\n---\n{result.Yaml}");
                RawCatalog after = Read(result.Yaml!);
                Assert.Equal(table.Count + dropped.Count, after.Entries.Count);

                var removedBefore = new List<(int Start, int End)>();
                var removedAfter = new List<(int Start, int End)>();
                for (int i = 0; i < before.Entries.Count; i++)
                {
                    RawEntry old = before.Entries[i];
                    RawEntry now = after.Entries[i];
                    Assert.Equal(old.Code.Value, now.Code.Value);
                    TableEntry? row = table.FirstOrDefault(t => t.Entry.Code == old.Code.Value);
                    foreach ((string key, RawScalar oldScalar) in Scalars(old))
                    {
                        RawScalar newScalar = Scalars(now).Single(s => s.Key == key).Scalar;
                        if (s_tableKeys.Contains(key) && row != null)
                        {
                            Assert.True(TableValue(row.Entry, key) == (newScalar.Value ?? string.Empty), $"case {index}: {old.Code.Value}'s {key} is '{newScalar.Value}', not the table's '{TableValue(row.Entry, key)}'\n{fuzz.Yaml}\n---\n{result.Yaml}");
                            if (oldScalar.IsPresent && (oldScalar.Value ?? string.Empty) != TableValue(row.Entry, key))
                            {
                                removedBefore.Add(ValueLine(original, oldScalar.Span));
                                removedAfter.Add(ValueLine(result.Yaml!, newScalar.Span));
                                edited++;
                            }
                        }
                        else if (oldScalar.IsPresent)
                        {
                            Assert.True(oldScalar.Value == newScalar.Value, $"case {index}: {old.Code.Value}'s {key} was '{oldScalar.Value}', is '{newScalar.Value}'\n{result.Yaml}");
                            keptKeys++;
                        }

                        if (!oldScalar.IsPresent && newScalar.IsPresent)
                        {
                            Assert.True(s_tableKeys.Contains(key) || key == "name" || key == "deprecated", $"case {index}: the merge added '{key}'");
                            removedAfter.Add((LineStart(result.Yaml!, newScalar.KeySpan.Start), ValueLine(result.Yaml!, newScalar.Span).End));
                            addedLines++;
                        }
                    }

                    Assert.Equal(Parameters(old), Parameters(now));
                    entries++;
                }

                int appendedFrom = after.Entries[before.Entries.Count - 1].End;
                removedAfter.Add((appendedFrom, after.Entries[after.Entries.Count - 1].End));
                // A file that ended without a line break right after its last entry gets one with the first line added there.
                bool breakAdded = !original.EndsWith('\n') && before.Entries[before.Entries.Count - 1].End == original.Length;
                string keptBefore = Without(original, removedBefore);
                string keptAfter = Without(result.Yaml!, removedAfter);
                if (breakAdded && keptAfter.EndsWith('\n') && !keptBefore.EndsWith('\n'))
                {
                    keptAfter = keptAfter[..^1];
                }

                Assert.True(keptBefore == keptAfter, $"case {index}: the text outside the edits changed\n{fuzz.Yaml}\n---\n{result.Yaml}\n---\n{keptBefore}\n---\n{keptAfter}\n---\n{Escaped(fuzz.Yaml[^60..])}\n{Escaped(result.Yaml![^200..])}");
                merged++;
            }

            _output.WriteLine($"merged {merged} catalogs ({skipped} generated ones had errors and were skipped): {entries} entries, {keptKeys} kept keys compared, {edited} values edited, {addedLines} key lines added");
            Assert.True(merged >= 1000, $"only {merged} of 1500 curated catalogs were valid");
        }

        private static List<TableEntry> TableFor(CatalogModel model, Random random, out HashSet<string> dropped)
        {
            var table = new List<TableEntry>();
            dropped = new HashSet<string>(StringComparer.Ordinal);
            foreach (ErrorEntry entry in model.Entries)
            {
                if (table.Count > 0 && random.Next(6) == 0)
                {
                    dropped.Add(entry.Code);
                    continue;
                }

                int status = random.Next(5) == 0 ? 400 + random.Next(100) : entry.HttpStatus;
                string message = random.Next(3) == 0 ? entry.MessageTemplate + " Updated." : entry.MessageTemplate;
                string description = random.Next(3) == 0 ? FuzzCase.Text(random, 1, 6) : entry.Description;
                string solution = random.Next(3) == 0 ? FuzzCase.Text(random, 0, 6) : entry.Solution;
                table.Add(Row(entry.Code, status, message, description, solution));
            }

            int added = random.Next(1, 4);
            for (int a = 0; a < added; a++)
            {
                table.Add(Row("NEW." + a.ToString(CultureInfo.InvariantCulture), 400 + a, FuzzCase.Text(random, 1, 5).Replace("{", "(").Replace("}", ")") + " Added.", FuzzCase.Text(random, 0, 4), FuzzCase.Text(random, 0, 4)));
            }

            return table;
        }

        private static TableEntry Row(string code, int status, string message, string description = "", string solution = "")
            => new TableEntry(new ImportedRow(1, status, code, message, description, solution), new CatalogEntryText(code, status, null, message, null, description, solution), message);

        private static RawCatalog Read(string text)
        {
            var diagnostics = new List<CatalogDiagnostic>();
            RawCatalog? raw = CatalogYamlReader.Read("/c/x.errors.yaml", text, CatalogLimits.Default, diagnostics, default);
            Assert.NotNull(raw);
            return raw!;
        }

        private static string TableValue(CatalogEntryText row, string key) => key switch
        {
            "status" => row.Status.ToString(CultureInfo.InvariantCulture),
            "message" => row.Message,
            "description" => row.Description,
            _ => row.Solution,
        };

        private static IEnumerable<(string Key, RawScalar Scalar)> Scalars(RawEntry e) => new[]
        {
            ("code", e.Code), ("status", e.Status), ("name", e.Name), ("message", e.Message), ("description", e.Description),
            ("solution", e.Solution), ("eventId", e.EventId), ("level", e.Level), ("deprecated", e.Deprecated),
            ("replacedBy", e.ReplacedBy), ("retryable", e.Retryable), ("grpcStatus", e.GrpcStatus),
        };

        private static List<string?> Values(RawEntry entry, string key)
            => key == "parameters" ? Parameters(entry) : Scalars(entry).Where(s => s.Key == key && s.Scalar.IsPresent).Select(s => s.Scalar.Value).ToList();

        private static List<string?> Parameters(RawEntry entry)
            => (entry.Parameters ?? new List<RawScalar>()).Select(p => p.Value)
                .Concat((entry.ParameterTypes ?? new List<RawScalar>()).Select(t => t.IsPresent ? "type " + t.Value : "untyped"))
                .ToList();

        /// <summary>A value from its start to the end of its line: a block scalar's replacement takes its line break with it, and leaves the blank lines after it.</summary>
        private static (int Start, int End) ValueLine(string text, SourceSpan span)
        {
            if (span.End > 0 && text[span.End - 1] == '\n')
            {
                return (span.Start, BlockScalarText.ValueEnd(text, span.Start, span.End));
            }

            int lineEnd = text.IndexOf('\n', span.End);
            return (span.Start, lineEnd < 0 ? text.Length : lineEnd + 1);
        }

        private static string Escaped(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);

        private static int LineStart(string text, int position) => text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;

        private static string Without(string text, List<(int Start, int End)> spans)
        {
            var builder = new StringBuilder(text.Length);
            int position = 0;
            foreach ((int start, int end) in spans.OrderBy(s => s.Start))
            {
                Assert.True(start >= position, $"overlapping edits at {start}");
                builder.Append(text, position, start - position);
                position = end;
            }

            return builder.Append(text, position, text.Length - position).ToString();
        }
    }
}
