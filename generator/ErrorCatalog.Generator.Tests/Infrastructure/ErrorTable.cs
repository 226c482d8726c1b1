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
        private static readonly string[] s_headers = { "Status Code", "Error Code", "Error Message", "Description", "Solution" };

        public static IReadOnlyList<ErrorTableRow> Read(string path)
        {
            List<string> lines = File.ReadAllLines(path).Where(line => line.Trim().Length > 0).ToList();
            int start = -1;
            for (int i = 0; i + s_headers.Length <= lines.Count; i++)
            {
                if (s_headers.Select((header, k) => lines[i + k].Trim() == header).All(match => match))
                {
                    start = i + s_headers.Length;
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

        /// <summary>The repository's <c>catalog/</c> folder, copied next to the test assembly.</summary>
        public static string CatalogFile(string name) => Path.Combine(AppContext.BaseDirectory, "catalog", name);
    }
}
