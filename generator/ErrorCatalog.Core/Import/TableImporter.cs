using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// Reads the text of an error-code documentation page and turns its table into a catalog. Two
    /// layouts: one field per line after the column headers (as the pages render as text), and pipe
    /// tables (<c>| a | b |</c> with a <c>---|---</c> row). Header synonyms, captions, page text
    /// around the table and four-column tables are handled; every row is imported or reported.
    /// </summary>
    public static class TableImporter
    {
        /// <summary>Reads the table's rows, duplicates left out and reported, without writing a catalog.</summary>
        public static IReadOnlyList<ImportedRow> ReadRows(string text, List<ImportNote> notes)
        {
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            List<ImportedRow> rows = TableLayouts.Read(lines, notes);
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var kept = new List<ImportedRow>();
            foreach (ImportedRow row in rows)
            {
                if (seen.TryGetValue(row.Code, out int first))
                {
                    notes.Add(new ImportNote(row.Line, $"duplicate code '{row.Code}' (first on line {first}) is left out"));
                    continue;
                }

                seen.Add(row.Code, row.Line);
                kept.Add(row);
            }

            return kept;
        }

        /// <summary>The table's rows as catalog entries (<see cref="ToEntries"/>), every problem noted at its line.</summary>
        public static List<TableEntry> ReadEntries(string text, bool keepPrintf, List<ImportNote> notes)
        {
            IReadOnlyList<ImportedRow> kept = ReadRows(text, notes);
            foreach (ImportedRow row in kept)
            {
                if (!CatalogValidator.IsValidCode(row.Code))
                {
                    notes.Add(new ImportNote(row.Line, $"'{row.Code}' is not a valid error code; the row is kept so the catalog's diagnostics point at it"));
                }
            }

            return ToEntries(kept, keepPrintf, notes);
        }

        /// <summary>
        /// The rows as catalog entries, names not yet derived: literal braces doubled, printf-style holes
        /// converted to placeholders with typed parameters to match (each conversion noted at its row),
        /// or, with <paramref name="keepPrintf"/>, left literal. The naming message is the converted one
        /// either way, so a member name never spells a hole's letters.
        /// </summary>
        public static List<TableEntry> ToEntries(IEnumerable<ImportedRow> rows, bool keepPrintf, List<ImportNote> notes)
        {
            var entries = new List<TableEntry>();
            foreach (ImportedRow row in rows)
            {
                string escaped = EscapeLiteralBraces(row.Message);
                PrintfConversion conversion = PrintfHoles.Convert(escaped);
                if (conversion.Holes.Count > 0 && !keepPrintf)
                {
                    notes.Add(new ImportNote(row.Line, "printf-style holes converted: " + string.Join(", ", conversion.Holes)));
                }

                string message = keepPrintf ? escaped : conversion.Message;
                IReadOnlyList<ParameterText>? parameters = keepPrintf || conversion.Parameters.Count == 0 ? null : conversion.Parameters;
                entries.Add(new TableEntry(row, new CatalogEntryText(row.Code, row.Status, null, message, parameters, row.Description, row.Solution), conversion.Message));
            }

            return entries;
        }

        /// <summary>The member names the validator derives for <paramref name="entries"/> (from their naming messages) after the entries of <paramref name="existingYaml"/>, by code.</summary>
        internal static Dictionary<string, string> DeriveNames(string catalogName, string? ns, IEnumerable<TableEntry> entries, string? existingYaml = null)
        {
            var builder = new StringBuilder(existingYaml ?? CatalogYamlWriter.Write(catalogName, ns, new CatalogEntryText[0]));
            if (builder.Length > 0 && builder[builder.Length - 1] != '\n')
            {
                builder.Append('\n');
            }

            foreach (TableEntry entry in entries)
            {
                CatalogYamlWriter.WriteEntry(builder, entry.Entry with { Message = entry.NamingMessage, Parameters = null, Name = null }, "  ");
            }

            CatalogParseResult parsed = CatalogCompiler.Parse("import.errors.yaml", builder.ToString());
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parsed.Model != null)
            {
                foreach (ErrorEntry entry in parsed.Model.Entries)
                {
                    names[entry.Code] = entry.Name;
                }
            }

            return names;
        }

        /// <summary>
        /// Doubles braces that are not placeholders (<c>{}</c>, <c>{GPU/NPU}</c>, a lone brace) so the
        /// message is a valid template; <c>{0}</c>, <c>{0,8:N2}</c> and <c>{name}</c> stay placeholders.
        /// </summary>
        public static string EscapeLiteralBraces(string message)
        {
            var builder = new StringBuilder(message.Length + 4);
            int i = 0;
            while (i < message.Length)
            {
                char c = message[i];
                if (c == '{')
                {
                    int close = message.IndexOf('}', i + 1);
                    int nextOpen = message.IndexOf('{', i + 1);
                    if (close > i && (nextOpen < 0 || nextOpen > close) && IsPlaceholderBody(message.Substring(i + 1, close - i - 1)))
                    {
                        builder.Append(message, i, close - i + 1);
                        i = close + 1;
                        continue;
                    }

                    builder.Append("{{");
                    i++;
                    continue;
                }

                builder.Append(c == '}' ? "}}" : c.ToString());
                i++;
            }

            return builder.ToString();
        }

        private static bool IsPlaceholderBody(string body)
        {
            int end = body.IndexOfAny(new[] { ',', ':' });
            string head = end < 0 ? body : body.Substring(0, end);
            return head.Length > 0 && (head.All(ch => ch >= '0' && ch <= '9') || Identifiers.IsValidIdentifier(head) || Identifiers.IsKeyword(head));
        }

        /// <summary>A new catalog of the entries, their names derived as the generator would.</summary>
        public static string Render(string catalogName, string? ns, string sourceName, IReadOnlyList<TableEntry> entries)
        {
            // Names come from the validator's own derivation, so the catalog means what the generator will make of it.
            Dictionary<string, string> names = DeriveNames(catalogName, ns, entries);
            var named = entries.Select(e => e.Entry with { Name = names.TryGetValue(e.Entry.Code, out string? name) ? name : null }).ToList();
            return CatalogYamlWriter.Write(catalogName, ns, named, new[] { CatalogYamlWriter.SchemaModeline, $"Imported by errcat from {sourceName}. Review the derived names; re-importing gives the same file." });
        }
    }
}
