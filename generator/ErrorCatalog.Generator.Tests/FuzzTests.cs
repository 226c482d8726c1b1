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

    /// <summary>One generated catalog, possibly mutated as text.</summary>
    internal sealed class FuzzCase
    {
        private static readonly string[] s_words =
        {
            "Invalid", "parameter", "the", "project", "does", "not", "exist", "quota", "exceeded", "user", "token", "IR", "500",
            "class", "null", "true", "a: b", "#hash", "*star", "&amp", "'quoted'", "\"double\"", "back\\slash", "</summary>", "*/", "/*",
            "{{", "}}", "ü", "错误", "😀", "\u202e", "\u200f", "-", "?", "%", "@", "|", ">", "!", "[x]", "{{y}}",
        };

        private static readonly string[] s_prefixes = { "PM", "AS", "APIG", "ModelArts", "SVCSTG.CCE-ADDONMGR", "x_y", "Q-1" };
        private static readonly string[] s_names = { "id", "reason", "name", "value", "class", "event", "field", "limit" };
        private static readonly string[] s_mutationChars = { "{", "}", "[", "]", ":", "#", "&", "*", "!", "|", ">", "'", "\"", "-", "?", ",", " ", "\n", "\t", "\\", "%", "@", "&a ", "*a", "---\n", "{0}", "{}" };

        private FuzzCase(int index, string yaml, bool mutated, int entryCount)
        {
            Index = index;
            Yaml = yaml;
            Mutated = mutated;
            EntryCount = entryCount;
        }

        public int Index { get; }

        public string Yaml { get; }

        public bool Mutated { get; }

        public int EntryCount { get; }

        public string Path => $"/fuzz/case{Index}.errors.yaml";

        public static FuzzCase Create(int index)
        {
            var random = new Random(20261128 + index);
            var yaml = new StringBuilder();
            yaml.Append(random.Next(4) == 0 ? "# generated\n" : string.Empty);
            yaml.Append($"catalog: Fuzz{index}\n");
            if (random.Next(3) == 0)
            {
                yaml.Append($"namespace: Fuzz.Ns{random.Next(5)}\n");
            }

            int entries = random.Next(0, 7);
            yaml.Append(entries == 0 && random.Next(2) == 0 ? "errors: []\n" : "errors:\n");
            for (int e = 0; e < entries; e++)
            {
                AppendEntry(yaml, random, e);
            }

            string text = yaml.ToString();
            bool mutated = random.Next(2) == 0;
            if (mutated)
            {
                int mutations = random.Next(1, 4);
                for (int m = 0; m < mutations; m++)
                {
                    text = Mutate(text, random);
                }
            }

            return new FuzzCase(index, text, mutated, entries);
        }

        private static void AppendEntry(StringBuilder yaml, Random random, int e)
        {
            string code = s_prefixes[random.Next(s_prefixes.Length)] + "." + random.Next(0, 100000).ToString(CultureInfo.InvariantCulture) + "_" + e.ToString(CultureInfo.InvariantCulture);
            int status = random.Next(100, 600);
            (string message, int parameterCount, bool named) = Message(random);
            var fields = new List<(string Key, string Value)>
            {
                ("code", Scalar(code, random)),
                ("status", random.Next(4) == 0 ? $"\"{status}\"" : status.ToString(CultureInfo.InvariantCulture)),
                ("message", Scalar(message, random)),
            };
            if (random.Next(3) == 0)
            {
                fields.Add(("name", $"Explicit{e}Name"));
            }

            if (!named && parameterCount > 0 && random.Next(2) == 0)
            {
                fields.Add(("parameters", "[" + string.Join(", ", Enumerable.Range(0, parameterCount).Select(p => s_names[p % s_names.Length] + (p >= s_names.Length ? p.ToString(CultureInfo.InvariantCulture) : string.Empty))) + "]"));
            }

            if (random.Next(2) == 0)
            {
                fields.Add(("description", Scalar(Words(random, 1, 12), random)));
            }

            if (random.Next(2) == 0)
            {
                fields.Add(("solution", Scalar(Words(random, 1, 8) + (random.Next(4) == 0 ? "\nsecond line" : string.Empty), random)));
            }

            Shuffle(fields, random);
            if (random.Next(4) == 0)
            {
                yaml.Append("  - {").Append(string.Join(", ", fields.Select(f => f.Key + ": " + ForceQuoted(f.Value)))).Append("}\n");
            }
            else
            {
                for (int f = 0; f < fields.Count; f++)
                {
                    yaml.Append(f == 0 ? "  - " : "    ").Append(fields[f].Key).Append(": ").Append(fields[f].Value).Append('\n');
                }
            }
        }

        private static (string Message, int ParameterCount, bool Named) Message(Random random)
        {
            var builder = new StringBuilder(Words(random, 1, 6));
            int kind = random.Next(3);
            if (kind == 0)
            {
                return (builder.ToString(), 0, false);
            }

            if (kind == 1)
            {
                int count = random.Next(1, 4);
                foreach (int p in Enumerable.Range(0, count).OrderBy(_ => random.Next()))
                {
                    string extra = random.Next(4) switch { 0 => ",5", 1 => ":N2", 2 => ",-3:X", _ => string.Empty };
                    builder.Append(" {").Append(p).Append(extra).Append("} ").Append(Words(random, 0, 2));
                }

                return (builder.ToString(), count, false);
            }

            var names = new List<string>();
            int uses = random.Next(1, 4);
            for (int u = 0; u < uses; u++)
            {
                string name = s_names[random.Next(s_names.Length)];
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                builder.Append(" {").Append(name).Append("} ").Append(Words(random, 0, 2));
            }

            return (builder.ToString(), names.Count, true);
        }

        private static string Words(Random random, int min, int max)
            => string.Join(" ", Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => s_words[random.Next(s_words.Length)]));

        /// <summary>A YAML scalar for the text in a random style: plain when clearly safe, single- or double-quoted.</summary>
        private static string Scalar(string text, Random random)
        {
            bool plainSafe = text.Length > 0 && text.All(c => char.IsLetterOrDigit(c) || c == ' ' || c == '.' || c == '_')
                && !char.IsWhiteSpace(text[0]) && !char.IsWhiteSpace(text[^1]) && !char.IsDigit(text[0]) && text != "null" && text != "true";
            int style = random.Next(3);
            if (style == 0 && plainSafe)
            {
                return text;
            }

            if (style == 1 && text.All(c => c >= 0x20 && c != '\u2028' && c != '\u2029' && c != '\u0085') && !text.Contains('\n'))
            {
                return "'" + text.Replace("'", "''") + "'";
            }

            return ErrorTable.Quote(text);
        }

        private static string ForceQuoted(string value)
            => value.StartsWith('\'') || value.StartsWith('"') || value.StartsWith('[') || value.All(char.IsDigit) ? value : ErrorTable.Quote(value);

        private static string Mutate(string text, Random random)
        {
            if (text.Length == 0)
            {
                return s_mutationChars[random.Next(s_mutationChars.Length)];
            }

            int position = random.Next(text.Length);
            string[] lines = text.Split('\n');
            switch (random.Next(7))
            {
                case 0:
                    return text.Remove(position, 1);
                case 1:
                    return text.Insert(position, s_mutationChars[random.Next(s_mutationChars.Length)]);
                case 2:
                    return text.Remove(position, 1).Insert(position, s_mutationChars[random.Next(s_mutationChars.Length)]);
                case 3:
                {
                    int line = random.Next(lines.Length);
                    return string.Join("\n", lines.Take(line + 1).Append(lines[line]).Concat(lines.Skip(line + 1)));
                }

                case 4:
                {
                    int line = random.Next(lines.Length);
                    return string.Join("\n", lines.Where((_, i) => i != line));
                }

                case 5:
                {
                    int line = random.Next(Math.Max(1, lines.Length - 1));
                    if (line + 1 < lines.Length)
                    {
                        (lines[line], lines[line + 1]) = (lines[line + 1], lines[line]);
                    }

                    return string.Join("\n", lines);
                }

                default:
                    return text.Substring(0, position);
            }
        }

        private static void Shuffle<T>(List<T> list, Random random)
        {
            // Keep 'code' first half of the time, as people write it.
            for (int i = list.Count - 1; i > 0; i--)
            {
                int j = random.Next(i + 1);
                (list[i], list[j]) = (list[j], list[i]);
            }
        }
    }
}
