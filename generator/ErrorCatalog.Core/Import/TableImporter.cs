using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core.Import
{
    /// <summary>A row of an error table, with the line it starts on.</summary>
    public sealed record ImportedRow(int Line, int Status, string Code, string Message, string Description, string Solution);

    /// <summary>Something the importer wants the user to know, at a line of the table.</summary>
    public sealed record ImportNote(int Line, string Message)
    {
        public override string ToString() => $"line {Line}: {Message}";
    }

    /// <summary>The outcome of an import: the catalog text, the rows it holds, and every note.</summary>
    public sealed record ImportResult(string Yaml, IReadOnlyList<ImportedRow> Rows, IReadOnlyList<ImportNote> Notes);

    /// <summary>
    /// Reads the text of an error-code documentation page and turns its table into a catalog. Two
    /// layouts: one field per line after the column headers (as the pages render as text), and pipe
    /// tables (<c>| a | b |</c> with a <c>---|---</c> row). Header synonyms, captions, page text
    /// around the table and four-column tables are handled; every row is imported or reported.
    /// </summary>
    public static class TableImporter
    {
        private enum Column
        {
            Status,
            Code,
            Message,
            Description,
            Solution,
        }

        private static readonly Dictionary<string, Column> s_headers = new Dictionary<string, Column>(StringComparer.OrdinalIgnoreCase)
        {
            ["Status Code"] = Column.Status,
            ["HTTP Status Code"] = Column.Status,
            ["Status"] = Column.Status,
            ["HTTP Status"] = Column.Status,
            ["Error Code"] = Column.Code,
            ["Error Codes"] = Column.Code,
            ["Error Message"] = Column.Message,
            ["Error Messages"] = Column.Message,
            ["Message"] = Column.Message,
            ["Error Information"] = Column.Message,
            ["Description"] = Column.Description,
            ["Solution"] = Column.Solution,
            ["Solutions"] = Column.Solution,
            ["Measure"] = Column.Solution,
            ["Handling Measure"] = Column.Solution,
            ["Handling Measures"] = Column.Solution,
            ["Troubleshooting"] = Column.Solution,

            // Huawei Cloud's Chinese pages.
            ["状态码"] = Column.Status,
            ["HTTP状态码"] = Column.Status,
            ["错误码"] = Column.Code,
            ["错误信息"] = Column.Message,
            ["错误码信息"] = Column.Message,
            ["描述"] = Column.Description,
            ["错误码描述"] = Column.Description,
            ["错误描述"] = Column.Description,
            ["处理措施"] = Column.Solution,
            ["解决方案"] = Column.Solution,
        };

        /// <summary>Reads the table's rows (duplicates left out and reported, as <see cref="Import"/> does) without writing a catalog.</summary>
        public static IReadOnlyList<ImportedRow> ReadRows(string text, List<ImportNote> notes)
        {
            string[] lines = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
            List<ImportedRow> rows = LooksLikePipeTable(lines) ? ReadPipeTable(lines, notes) : ReadLineTable(lines, notes);
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

        public static ImportResult Import(string text, string catalogName, string? ns, string sourceName)
        {
            var notes = new List<ImportNote>();
            var kept = new List<ImportedRow>(ReadRows(text, notes));
            foreach (ImportedRow row in kept)
            {
                if (!CatalogValidator.IsValidCode(row.Code))
                {
                    notes.Add(new ImportNote(row.Line, $"'{row.Code}' is not a valid error code; the row is kept so the catalog's diagnostics point at it"));
                }
            }

            string yaml = Render(catalogName, ns, sourceName, kept);
            return new ImportResult(yaml, kept, notes.OrderBy(n => n.Line).ToList());
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

        private static string Render(string catalogName, string? ns, string sourceName, List<ImportedRow> rows)
        {
            // Names come from the validator's own derivation, so the catalog means what the generator will make of it.
            var unnamed = rows.Select(r => new CatalogEntryText(r.Code, r.Status, null, EscapeLiteralBraces(r.Message), null, r.Description, r.Solution)).ToList();
            CatalogParseResult parsed = CatalogCompiler.Parse("import.errors.yaml", CatalogYamlWriter.Write(catalogName, ns, unnamed));
            var names = new Dictionary<string, string>(StringComparer.Ordinal);
            if (parsed.Model != null)
            {
                foreach (ErrorEntry entry in parsed.Model.Entries)
                {
                    names[entry.Code] = entry.Name;
                }
            }

            var named = unnamed.Select(e => e with { Name = names.TryGetValue(e.Code, out string? name) ? name : null }).ToList();
            return CatalogYamlWriter.Write(catalogName, ns, named, new[] { $"Imported by errcat from {sourceName}. Review the derived names; re-importing gives the same file." });
        }

        private static bool LooksLikePipeTable(string[] lines)
            => lines.Any(line => IsSeparatorRow(line));

        private static bool IsSeparatorRow(string line)
        {
            string trimmed = line.Trim();
            return trimmed.Contains("|") && trimmed.Contains("---") && trimmed.All(c => c == '|' || c == '-' || c == ':' || c == ' ');
        }

        private static List<ImportedRow> ReadPipeTable(string[] lines, List<ImportNote> notes)
        {
            var rows = new List<ImportedRow>();
            int separator = Array.FindIndex(lines, IsSeparatorRow);
            List<Column?> columns = SplitPipes(lines[separator - 1 < 0 ? 0 : separator - 1]).Select(h => s_headers.TryGetValue(h, out Column c) ? c : (Column?)null).ToList();
            if (!columns.Contains(Column.Status) || !columns.Contains(Column.Code) || !columns.Contains(Column.Message))
            {
                notes.Add(new ImportNote(separator, "the table header needs status, code and message columns; no rows were read"));
                return rows;
            }

            for (int i = separator + 1; i < lines.Length; i++)
            {
                if (!lines[i].Contains("|"))
                {
                    if (lines[i].Trim().Length > 0)
                    {
                        break; // page text after the table
                    }

                    continue;
                }

                List<string> cells = SplitPipes(lines[i]);
                if (cells.Count != columns.Count)
                {
                    notes.Add(new ImportNote(i + 1, $"row has {cells.Count} cells, the header {columns.Count}; the row could not be read"));
                    continue;
                }

                ImportedRow? row = MakeRow(i + 1, columns, cells, notes);
                if (row != null)
                {
                    rows.Add(row);
                }
            }

            return rows;
        }

        private static List<string> SplitPipes(string line)
        {
            string trimmed = line.Trim();
            if (trimmed.StartsWith("|", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(1);
            }

            if (trimmed.EndsWith("|", StringComparison.Ordinal))
            {
                trimmed = trimmed.Substring(0, trimmed.Length - 1);
            }

            return trimmed.Split('|').Select(cell => cell.Trim()).ToList();
        }

        private static List<ImportedRow> ReadLineTable(string[] lines, List<ImportNote> notes)
        {
            var rows = new List<ImportedRow>();

            // The header: the first run of consecutive non-empty lines that are all column names, status first.
            int start = -1;
            var columns = new List<Column?>();
            for (int i = 0; i < lines.Length && start < 0; i++)
            {
                if (!s_headers.TryGetValue(lines[i].Trim(), out Column first) || first != Column.Status)
                {
                    continue;
                }

                var found = new List<Column?>();
                int j = i;
                while (j < lines.Length && (lines[j].Trim().Length == 0 || s_headers.ContainsKey(lines[j].Trim())))
                {
                    if (lines[j].Trim().Length > 0)
                    {
                        found.Add(s_headers[lines[j].Trim()]);
                    }

                    j++;
                }

                if (found.Contains(Column.Code) && found.Contains(Column.Message))
                {
                    columns = found;
                    start = j;
                }
            }

            if (start < 0)
            {
                notes.Add(new ImportNote(1, "no table header found (a status column, then code and message columns)"));
                return rows;
            }

            // The data: non-empty lines; a row starts at a status line followed by a code line.
            var data = new List<(int Line, string Text)>();
            for (int i = start; i < lines.Length; i++)
            {
                if (lines[i].Trim().Length > 0)
                {
                    data.Add((i + 1, lines[i].Trim()));
                }
            }

            var starts = new List<int>();
            for (int k = 0; k + 1 < data.Count; k++)
            {
                if (IsStatus(data[k].Text) && IsCodeShaped(data[k + 1].Text))
                {
                    starts.Add(k);
                }
            }

            if (starts.Count == 0 || starts[0] != 0)
            {
                int firstUnread = data.Count > 0 ? data[0].Line : start + 1;
                if (starts.Count == 0)
                {
                    notes.Add(new ImportNote(firstUnread, "no row found after the header"));
                    return rows;
                }

                notes.Add(new ImportNote(firstUnread, $"lines {firstUnread}-{data[starts[0]].Line - 1} after the header are not a row and were not read"));
            }

            for (int s = 0; s < starts.Count; s++)
            {
                int from = starts[s];
                int next = s + 1 < starts.Count ? starts[s + 1] : data.Count;
                int count = Math.Min(next - from, columns.Count);
                if (s + 1 == starts.Count)
                {
                    // After the last row comes page text (footers, feedback forms): a row takes its columns and no more.
                    count = Math.Min(columns.Count, data.Count - from);
                }
                else if (next - from > columns.Count)
                {
                    notes.Add(new ImportNote(data[from].Line, $"row has {next - from} lines, the table {columns.Count} columns; lines {data[from + columns.Count].Line}-{data[next - 1].Line} were not read"));
                }

                if (count < columns.Count)
                {
                    notes.Add(new ImportNote(data[from].Line, $"row has {count} of {columns.Count} fields; the missing ones ({string.Join(", ", columns.Skip(count))}) are left empty"));
                }

                List<string> cells = data.Skip(from).Take(count).Select(d => d.Text).ToList();
                while (cells.Count < columns.Count)
                {
                    cells.Add(string.Empty);
                }

                ImportedRow? row = MakeRow(data[from].Line, columns, cells, notes);
                if (row != null)
                {
                    rows.Add(row);
                }
            }

            return rows;
        }

        private static ImportedRow? MakeRow(int line, List<Column?> columns, List<string> cells, List<ImportNote> notes)
        {
            string Get(Column column)
            {
                int index = columns.IndexOf(column);
                return index >= 0 && index < cells.Count ? cells[index] : string.Empty;
            }

            if (!int.TryParse(Get(Column.Status), NumberStyles.None, CultureInfo.InvariantCulture, out int status))
            {
                notes.Add(new ImportNote(line, $"'{Get(Column.Status)}' is not an HTTP status; the row could not be read"));
                return null;
            }

            return new ImportedRow(line, status, Get(Column.Code), Get(Column.Message), Get(Column.Description), Get(Column.Solution));
        }

        private static bool IsStatus(string text)
            => text.Length == 3 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int status) && status >= 100 && status <= 599;

        private static bool IsCodeShaped(string text)
            => text.Length > 0 && text.Length <= 80 && text.IndexOf(' ') < 0 && text.Any(char.IsDigit) && CatalogValidator.IsValidCode(text);
    }
}
