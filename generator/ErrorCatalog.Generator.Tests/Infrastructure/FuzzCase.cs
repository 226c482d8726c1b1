using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ErrorCatalog.TestSupport;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// One generated catalog, possibly mutated as text (<see cref="Create"/>), or a valid-looking curated
    /// one with every optional key, comments and block scalars (<see cref="CreateComplete"/>).
    /// </summary>
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

        /// <summary>
        /// A catalog as a team curates one: every optional key of the format on every entry (lifecycle on
        /// all but the first), keys in random order, comments on lines of their own and after values,
        /// literal and folded block scalars, typed parameters in flow and block form, blank lines
        /// between entries; never mutated. Seeded apart from <see cref="Create"/>'s cases.
        /// </summary>
        public static FuzzCase CreateComplete(int index)
        {
            var random = new Random(31_000_000 + index);
            var yaml = new StringBuilder(random.Next(2) == 0 ? "# curated by hand\n" : string.Empty);
            yaml.Append($"catalog: Full{index}\n");
            yaml.Append("errors:\n");
            int entries = random.Next(1, 7);
            string? firstCode = null;
            for (int e = 0; e < entries; e++)
            {
                string code = AppendCompleteEntry(yaml, random, e, firstCode);
                firstCode ??= code;

                yaml.Append(random.Next(5) == 0 ? "\n" : string.Empty);
            }

            yaml.Append(random.Next(4) == 0 ? "# the end\n" : string.Empty);
            string text = yaml.ToString();
            if (random.Next(4) == 0)
            {
                text = text.TrimEnd('\n');
            }

            return new FuzzCase(index, text, mutated: false, entries);
        }

        /// <summary>Random words (<see cref="Words"/>) for texts a table brings.</summary>
        public static string Text(Random random, int min, int max) => Words(random, min, max);

        private static string AppendCompleteEntry(StringBuilder yaml, Random random, int e, string? firstCode)
        {
            string code = s_prefixes[random.Next(s_prefixes.Length)] + "." + random.Next(0, 100000).ToString(CultureInfo.InvariantCulture) + "_" + e.ToString(CultureInfo.InvariantCulture);
            (string message, int parameterCount, bool named) = Message(random);
            var fields = new List<(string Key, string Text)>
            {
                ("code", " " + Scalar(code, random) + Comment(random) + "\n"),
                ("status", " " + random.Next(400, 600).ToString(CultureInfo.InvariantCulture) + Comment(random) + "\n"),
                ("message", " " + Scalar(message, random) + Comment(random) + "\n"),
                ("name", $" Explicit{e}Name" + Comment(random) + "\n"),
                ("description", TextValue(Words(random, 1, 12), random)),
                ("solution", TextValue(Words(random, 1, 8) + (random.Next(4) == 0 ? "\nsecond line" : string.Empty), random)),
                ("eventId", " " + (1000 + e).ToString(CultureInfo.InvariantCulture) + Comment(random) + "\n"),
                ("level", " " + s_levels[random.Next(s_levels.Length)] + Comment(random) + "\n"),
                ("retryable", (random.Next(2) == 0 ? " true" : " false") + Comment(random) + "\n"),
                ("grpcStatus", " " + s_grpc[random.Next(s_grpc.Length)] + Comment(random) + "\n"),
            };
            if (random.Next(3) == 0)
            {
                fields.RemoveAt(3); // no name: the merge pins the derived one when the message changes
            }

            if (!named && parameterCount > 0)
            {
                fields.Add(("parameters", Parameters(parameterCount, random)));
            }

            if (firstCode != null)
            {
                switch (random.Next(3))
                {
                    case 0:
                        fields.Add(("deprecated", random.Next(2) == 0 ? " true\n" : " " + Scalar(Words(random, 1, 5), random) + "\n"));
                        break;
                    case 1:
                        fields.Add(("replacedBy", " " + ErrorTable.Quote(firstCode) + "\n"));
                        break;
                }
            }

            Shuffle(fields, random);
            for (int f = 0; f < fields.Count; f++)
            {
                yaml.Append(f == 0 ? "  - " : "    ").Append(fields[f].Key).Append(':').Append(fields[f].Text);
                if (random.Next(6) == 0)
                {
                    yaml.Append("    # about ").Append(fields[f].Key).Append('\n');
                }
            }

            return code;
        }

        private static readonly string[] s_levels = { "Trace", "Debug", "Information", "Warning", "Error", "Critical" };
        private static readonly string[] s_grpc = { "INVALID_ARGUMENT", "NOT_FOUND", "ABORTED", "UNAVAILABLE", "PERMISSION_DENIED", "INTERNAL" };
        private static readonly string[] s_types = { "int", "long", "decimal", "object" };

        private static string Comment(Random random) => random.Next(5) == 0 ? "  # note" : string.Empty;

        /// <summary>A text value after its key: a scalar in any style, or a literal or folded block scalar.</summary>
        private static string TextValue(string text, Random random)
        {
            if (random.Next(4) != 0 || text.Length == 0 || text.StartsWith(' ') || text.Contains("  ", StringComparison.Ordinal))
            {
                return " " + Scalar(text, random) + Comment(random) + "\n";
            }

            string header = random.Next(3) switch { 0 => "|", 1 => "|-", _ => ">" };
            return " " + header + "\n" + string.Concat(text.Split('\n').Select(line => "      " + line.TrimEnd() + "\n"));
        }

        /// <summary>Typed parameters for indexed placeholders, in flow form or as a block list of mappings.</summary>
        private static string Parameters(int count, Random random)
        {
            var parameters = Enumerable.Range(0, count).Select(p => (Name: "p" + p.ToString(CultureInfo.InvariantCulture), Type: s_types[random.Next(s_types.Length)])).ToList();
            if (random.Next(2) == 0)
            {
                return " [" + string.Join(", ", parameters.Select(p => $"{{ name: {p.Name}, type: {p.Type} }}")) + "]\n";
            }

            return "\n" + string.Concat(parameters.Select(p => $"      - name: {p.Name}\n        type: {p.Type}\n"));
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
