using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ErrorCatalog.TestSupport
{
    /// <summary>One row of a documentation error table: status, code, message, description, solution.</summary>
    public sealed record ErrorTableRow(int Status, string Code, string Message, string Description, string Solution);

    /// <summary>
    /// Reads an error table as the documentation pages render it: after the five column headers,
    /// one field per non-empty line, rows until a line that is not a status. Shared by the generator
    /// tests and the consumer tests (linked, not copied).
    /// </summary>
    public static class ErrorTable
    {
        private static readonly string[] s_statusHeaders = { "Status Code", "HTTP Status Code" };

        public static IReadOnlyList<ErrorTableRow> Read(string path)
        {
            List<string> lines = File.ReadAllLines(path).Where(line => line.Trim().Length > 0).ToList();
            int start = -1;
            for (int i = 0; i + 5 <= lines.Count; i++)
            {
                if (s_statusHeaders.Contains(lines[i].Trim()) && lines[i + 1].Trim().StartsWith("Error Code", StringComparison.Ordinal))
                {
                    start = i + 5;
                    break;
                }
            }

            if (start < 0)
            {
                throw new InvalidDataException($"{path}: no table header found");
            }

            var rows = new List<ErrorTableRow>();
            for (int i = start; i + 4 < lines.Count && int.TryParse(lines[i].Trim(), out int status); i += 5)
            {
                rows.Add(new ErrorTableRow(status, lines[i + 1], lines[i + 2], lines[i + 3], lines[i + 4]));
            }

            return rows;
        }

        /// <summary>A catalog in YAML holding the rows (double-quoted scalars, so any text survives).</summary>
        public static string ToYaml(string catalogName, IEnumerable<ErrorTableRow> rows)
        {
            var builder = new System.Text.StringBuilder($"catalog: {catalogName}\nerrors:\n");
            foreach (ErrorTableRow row in rows)
            {
                builder.Append($"  - code: {Quote(row.Code)}\n    status: {row.Status}\n    message: {Quote(row.Message)}\n    description: {Quote(row.Description)}\n    solution: {Quote(row.Solution)}\n");
            }

            return builder.ToString();
        }

        /// <summary>A YAML double-quoted scalar for any text without lone surrogates.</summary>
        public static string Quote(string text)
        {
            var builder = new System.Text.StringBuilder("\"");
            foreach (char c in text)
            {
                if (c == '"' || c == '\\')
                {
                    builder.Append('\\').Append(c);
                }
                else if (c < 0x20 || c > 0x7E)
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.Append('"').ToString();
        }

        /// <summary>The repository's <c>catalog/</c> folder, copied next to the test assembly.</summary>
        public static string CatalogFile(string name) => Path.Combine(AppContext.BaseDirectory, "catalog", name);
    }
}
