using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// The text layouts documentation tables come in, as text extractors render them: one field per
    /// line after the column headers; pipe tables (<c>| a | b |</c> with a <c>---|---</c> row); and one
    /// cell per line, each ending in <c> |</c>, with a <c>---|---|</c> row under the header cells.
    /// Every row is read or reported with its line.
    /// </summary>
    internal static class TableLayouts
    {
        internal enum Column
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

        /// <summary>The rows of the table in <paramref name="lines"/>, whichever layout it is in.</summary>
        public static List<ImportedRow> Read(string[] lines, List<ImportNote> notes)
        {
            int separator = Array.FindIndex(lines, IsSeparatorRow);
            if (separator < 0)
            {
                return ReadLineTable(lines, notes);
            }

            return separator > 0 && SplitPipes(lines[separator - 1]).Count == 1 ? ReadCellLines(lines, separator, notes) : ReadPipeTable(lines, notes);
        }

        /// <summary>
        /// One cell per line, each ending in <c>|</c>: the header cells above the <c>---|---|</c> row, then the
        /// data cells, a row every so many cells. A cell broken over lines ends at the line with the pipe;
        /// the table ends at page text (lines without a pipe that no later pipe line closes).
        /// </summary>
        private static List<ImportedRow> ReadCellLines(string[] lines, int separator, List<ImportNote> notes)
        {
            var rows = new List<ImportedRow>();
            var columns = new List<Column?>();
            for (int i = separator - 1; i >= 0 && lines[i].Trim().EndsWith("|", StringComparison.Ordinal); i--)
            {
                string header = StripCellPipe(lines[i]);
                if (!s_headers.TryGetValue(header, out Column column))
                {
                    break; // navigation or page text ending in a pipe, above the header
                }

                columns.Insert(0, column);
            }

            if (!columns.Contains(Column.Status) || !columns.Contains(Column.Code) || !columns.Contains(Column.Message))
            {
                notes.Add(new ImportNote(separator + 1, "the header cells above this separator row need status, code and message columns; no rows were read"));
                return rows;
            }

            var cells = new List<(int Line, string Text)>();
            var pending = new List<string>();
            int pendingLine = 0;
            for (int i = separator + 1; i < lines.Length; i++)
            {
                string trimmed = lines[i].Trim();
                if (trimmed.Length == 0 && pending.Count == 0)
                {
                    continue;
                }

                if (pending.Count == 0)
                {
                    pendingLine = i + 1;
                }

                if (!trimmed.EndsWith("|", StringComparison.Ordinal))
                {
                    pending.Add(trimmed);
                    continue;
                }

                pending.Add(StripCellPipe(trimmed));
                cells.Add((pendingLine, string.Join(" ", pending.Where(p => p.Length > 0))));
                pending.Clear();
            }

            for (int from = 0; from < cells.Count; from += columns.Count)
            {
                if (from + columns.Count > cells.Count)
                {
                    notes.Add(new ImportNote(cells[from].Line, $"the last row has {cells.Count - from} of {columns.Count} cells; the row could not be read"));
                    break;
                }

                ImportedRow? row = MakeRow(cells[from].Line, columns, cells.Skip(from).Take(columns.Count).Select(c => c.Text).ToList(), notes);
                if (row != null)
                {
                    rows.Add(row);
                }
            }

            if (rows.Count == 0 && cells.Count == 0)
            {
                notes.Add(new ImportNote(separator + 1, "no row found after the header"));
            }

            return rows;
        }

        private static string StripCellPipe(string line)
        {
            string trimmed = line.Trim();
            return trimmed.EndsWith("|", StringComparison.Ordinal) ? trimmed.Substring(0, trimmed.Length - 1).Trim() : trimmed;
        }

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
