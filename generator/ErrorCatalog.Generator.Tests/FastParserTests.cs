using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Xunit;
using Xunit.Abstractions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// The fast path (<see cref="FastCatalogParser"/>) against YamlDotNet's parser: whenever the fast
    /// path accepts a text, it must yield YamlDotNet's exact events (type, value, style, implicit
    /// flags, start and end marks); and it must accept the catalogs people write, or it buys nothing.
    /// </summary>
    public class FastParserTests
    {
        private readonly ITestOutputHelper _output;

        public FastParserTests(ITestOutputHelper output)
        {
            _output = output;
        }

        [Fact]
        public void Our_catalog_takes_the_fast_path_with_YamlDotNets_events_with_LF_and_CRLF()
        {
            string text = File.ReadAllText(ErrorTable.CatalogFile("codearts-req.errors.yaml"));
            Assert.True(Agrees(text, "catalog LF"));
            Assert.True(Agrees(text.Replace("\n", "\r\n", StringComparison.Ordinal), "catalog CRLF"));
            Assert.True(Agrees(text.TrimEnd('\n'), "catalog without a final line break"));

            RawCatalog raw = CatalogYamlReader.Read("c.errors.yaml", text, CatalogLimits.Default, new List<CatalogDiagnostic>(), default)!;
            Assert.True(raw.ReadByFastPath);
            Assert.Equal(54, raw.Entries.Count);
        }

        [Theory]
        [MemberData(nameof(RealTableTests.Tables), MemberType = typeof(RealTableTests))]
        public void Catalogs_of_the_real_tables_take_the_fast_path(string file, string catalog, int rowCount)
        {
            IReadOnlyList<ErrorTableRow> rows = ErrorTable.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "error-tables", file));
            Assert.Equal(rowCount, rows.Count);
            Assert.True(Agrees(ErrorTable.ToYaml(catalog, rows), file));
        }

        public static IEnumerable<object[]> Snippets => new List<object[]>
        {
            // yaml, whether the fast path takes it
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n    status: 400\n    message: m\n", true },
            new object[] { "# head\n\ncatalog: X   # name\nerrors:\n- code: A.1\n  status: '400'\n  message: \"it\\\"s \\\\ \\/ \\n\\t\\r\\0 \\u00e9\"\n  parameters: [a, b_2 ,c]\n- code: A.2\n  parameters: [ ]\n  empty:\n  other:   # comment\nlast: 1\n# tail", true },
            new object[] { "catalog: X\r\nerrors:\r\n  -\r\n  - \r\n  - plain text\r\n  - 'it''s'\r\n  - key: v\r\n", true },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n    message: Stop: now, x:y a - b [c] {d} it's #x 错误，句号。 \u00a0nbsp\n", false },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n    message: x:y a - b [c] {d} it's #x 错误，句号。 \u00a0nbsp\n", true },
            new object[] { "catalog: X\nnested:\n  a:\n    b: 1\n  c: 2\nd: 3\n", true },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n    message: |\n      block\n", false },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n    message: two\n      lines\n", false },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n    message: \"two\n      lines\"\n", false },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n\tmessage: tab\n", false },
            new object[] { "catalog: &a X\n", false },
            new object[] { "catalog: !!str X\n", false },
            new object[] { "---\ncatalog: X\n", false },
            new object[] { "catalog: {a: 1}\n", false },
            new object[] { "catalog: \"\\x41\"\n", false },
            new object[] { "catalog: X\rerrors: []\n", false },
            new object[] { "\ufeffcatalog: X\n", false },
            new object[] { "catalog: 😀\n", false },
            new object[] { "catalog: X\nerrors:\n  - code: A.1\n   status: 400\n", false },
            new object[] { "catalog: X\nerrors: [\n", false },
            new object[] { "", false },
        };

        [Theory]
        [MemberData(nameof(Snippets))]
        public void Snippets_are_taken_or_left_to_YamlDotNet(string yaml, bool fast)
        {
            Assert.Equal(fast, Agrees(yaml, yaml));
        }

        [Fact]
        public void Every_bad_catalog_of_the_diagnostics_tests_gets_YamlDotNets_events_or_is_declined()
        {
            int taken = DiagnosticTests.Cases.Count(c => Agrees((string)c[0], (string)c[0]));
            _output.WriteLine($"{taken} of {DiagnosticTests.Cases.Count()} taken by the fast path");
            Assert.InRange(taken, 10, DiagnosticTests.Cases.Count());
        }

        [Fact]
        public void Ten_thousand_fuzzed_catalogs_get_YamlDotNets_events_or_are_declined()
        {
            int taken = 0;
            int takenMutated = 0;
            for (int i = 0; i < 10_000; i++)
            {
                FuzzCase fuzz = FuzzCase.Create(i);
                if (Agrees(fuzz.Yaml, $"fuzz case {i}"))
                {
                    taken++;
                    takenMutated += fuzz.Mutated ? 1 : 0;
                }
            }

            _output.WriteLine($"{taken} of 10,000 taken by the fast path, {takenMutated} of them mutated");
            Assert.InRange(taken, 1_000, 10_000);
            Assert.InRange(takenMutated, 100, taken);
        }

        /// <summary>True when the fast path took the text; then its events must be YamlDotNet's.</summary>
        private static bool Agrees(string text, string label)
        {
            List<ParsingEvent>? fast = FastCatalogParser.TryReadAll(text);
            if (fast == null)
            {
                return false;
            }

            var slow = new List<string>();
            try
            {
                var parser = new Parser(new StringReader(text));
                while (parser.MoveNext())
                {
                    slow.Add(Describe(parser.Current!));
                }
            }
            catch (Exception ex)
            {
                Assert.Fail($"{label}: the fast path took a text YamlDotNet rejects ({ex.Message})");
            }

            List<string> actual = fast.Select(Describe).ToList();
            for (int i = 0; i < Math.Max(slow.Count, actual.Count); i++)
            {
                string expected = i < slow.Count ? slow[i] : "(none)";
                string got = i < actual.Count ? actual[i] : "(none)";
                Assert.True(expected == got, $"{label}: event {i} differs\n  YamlDotNet: {expected}\n  fast path:  {got}");
            }

            return true;
        }

        private static string Describe(ParsingEvent e)
        {
            var text = new StringBuilder(e.GetType().Name);
            text.Append(' ').Append(Describe(e.Start)).Append('-').Append(Describe(e.End));
            switch (e)
            {
                case Scalar s:
                    text.Append(" '").Append(s.Value.Replace("\r", "\\r").Replace("\n", "\\n")).Append("' ").Append(s.Style)
                        .Append(" plain=").Append(s.IsPlainImplicit).Append(" quoted=").Append(s.IsQuotedImplicit)
                        .Append(" anchor=").Append(s.Anchor).Append(" tag=").Append(s.Tag);
                    break;
                case MappingStart m:
                    text.Append(' ').Append(m.Style).Append(" implicit=").Append(m.IsImplicit).Append(" anchor=").Append(m.Anchor).Append(" tag=").Append(m.Tag);
                    break;
                case SequenceStart q:
                    text.Append(' ').Append(q.Style).Append(" implicit=").Append(q.IsImplicit).Append(" anchor=").Append(q.Anchor).Append(" tag=").Append(q.Tag);
                    break;
                case DocumentStart d:
                    text.Append(" implicit=").Append(d.IsImplicit).Append(" version=").Append(d.Version?.Version).Append(" tags=").Append(d.Tags == null ? "null" : string.Join(" ", d.Tags.Select(t => t.Handle + "=" + t.Prefix)));
                    break;
                case DocumentEnd d:
                    text.Append(" implicit=").Append(d.IsImplicit);
                    break;
            }

            return text.ToString();
        }

        private static string Describe(Mark mark) => $"[{mark.Index},{mark.Line},{mark.Column}]";
    }
}
