using System;
using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// Turns a documentation table in another language (Huawei Cloud's Chinese pages: 状态码, 错误码,
    /// 错误信息, 描述, 处理措施) into a culture overlay of a catalog. With the neutral catalog, texts
    /// equal to its own are left out (on the Chinese pages the message stays the English one the
    /// service returns) and codes it lacks are reported and left out.
    /// </summary>
    public static class OverlayImporter
    {
        /// <summary>A new overlay file of the entries.</summary>
        public static string Render(string catalogName, string? ns, string culture, string sourceName, IEnumerable<OverlayEntryText> entries)
            => CatalogYamlWriter.WriteOverlay(catalogName, ns, culture, entries, new[]
            {
                CatalogYamlWriter.SchemaModeline,
                $"The {culture} overlay of catalog {catalogName}, imported by errcat from {sourceName}.",
            });

        /// <summary>The overlay entries of a table: each row's translated texts (printf-style holes converted unless <paramref name="keepPrintf"/>), only what differs from the neutral catalog.</summary>
        public static (List<OverlayEntryText> Entries, IReadOnlyList<ImportedRow> Rows) ReadEntries(string text, CatalogModel? neutral, bool keepPrintf, List<ImportNote> notes)
        {
            IReadOnlyList<ImportedRow> rows = TableImporter.ReadRows(text, notes);
            Dictionary<string, ErrorEntry>? byCode = neutral?.Entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
            var entries = new List<OverlayEntryText>();
            foreach (ImportedRow row in rows)
            {
                string message = TableImporter.EscapeLiteralBraces(row.Message);
                PrintfConversion conversion = PrintfHoles.Convert(message);
                if (conversion.Holes.Count > 0 && !keepPrintf)
                {
                    notes.Add(new ImportNote(row.Line, "printf-style holes converted: " + string.Join(", ", conversion.Holes)));
                    message = conversion.Message;
                }

                string? description = Nonempty(row.Description);
                string? solution = Nonempty(row.Solution);
                if (byCode != null)
                {
                    if (!byCode.TryGetValue(row.Code, out ErrorEntry? original))
                    {
                        notes.Add(new ImportNote(row.Line, $"'{row.Code}' is not in catalog {neutral!.CatalogName}; the row is left out"));
                        continue;
                    }

                    // Only what the culture changes: texts equal to the neutral catalog's are left out.
                    entries.Add(new OverlayEntryText(
                        row.Code,
                        message == original.MessageTemplate ? null : Nonempty(message),
                        description == original.Description ? null : description,
                        solution == original.Solution ? null : solution));
                }
                else
                {
                    entries.Add(new OverlayEntryText(row.Code, Nonempty(message), description, solution));
                }
            }

            entries.RemoveAll(e => e.Message == null && e.Description == null && e.Solution == null);
            return (entries, rows);
        }

        private static string? Nonempty(string text) => text.Length == 0 ? null : text;
    }
}
