using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// <c>errcat import --merge</c>: updates a catalog (or a culture overlay) from a re-read documentation
    /// table by editing its text in place, so everything the table does not hold stays as written:
    /// comments, key order, names, parameters, lifecycle and logging keys. Codes in both get the table's
    /// status and texts; codes only in the table are appended; codes only in the file are kept, and in a
    /// catalog marked <c>deprecated</c> (never deleted).
    /// </summary>
    public static class CatalogMerger
    {
        public const string DroppedReason = "No longer in the documentation table.";

        /// <summary>Merges the table's entries into the catalog <paramref name="existing"/> (read from <paramref name="path"/>).</summary>
        public static MergeResult MergeCatalog(string path, string existing, string catalogName, string? ns, IReadOnlyList<TableEntry> table)
        {
            var summary = new MergeSummary();
            if (!TryRead(path, existing, out RawCatalog? raw, out CatalogModel? model, out IReadOnlyList<CatalogDiagnostic> problems))
            {
                return new MergeResult(null, summary, problems);
            }

            var edits = new TextEdits(existing, raw!);
            Dictionary<string, int> rows = Index(raw!);
            Dictionary<string, ErrorEntry> entries = model!.Entries.ToDictionary(e => e.Code, StringComparer.Ordinal);
            var fromTable = new HashSet<string>(StringComparer.Ordinal);
            var added = new List<TableEntry>();
            foreach (TableEntry row in table)
            {
                CatalogEntryText text = row.Entry;
                fromTable.Add(text.Code);
                if (!rows.TryGetValue(text.Code, out int index))
                {
                    added.Add(row);
                    continue;
                }

                RawEntry entry = raw!.Entries[index];
                bool changed = false;
                string status = text.Status.ToString(CultureInfo.InvariantCulture);
                if (entry.Status.Value != status)
                {
                    summary.Breaking.Add($"{text.Code}: status {entry.Status.Value} -> {status}");
                    changed |= Set(edits, entry, entry.Status, "status", status, raw: true, summary);
                }

                if ((entry.Message.Value ?? string.Empty) != text.Message)
                {
                    changed |= Set(edits, entry, entry.Message, "message", text.Message, raw: false, summary);
                    if (!entry.Name.IsPresent && entries.TryGetValue(text.Code, out ErrorEntry? current))
                    {
                        // The member name was derived from the old message: keep it, or the merge renames it.
                        edits.InsertLine(entry, "name", CatalogYamlWriter.Scalar(current.Name));
                        summary.PinnedNames.Add($"{text.Code}: {current.Name}");
                    }

                    if (entry.Parameters == null && text.Parameters != null)
                    {
                        edits.InsertLine(entry, "parameters", CatalogYamlWriter.Parameters(text.Parameters));
                    }
                }

                changed |= Set(edits, entry, entry.Description, "description", text.Description, raw: false, summary);
                changed |= Set(edits, entry, entry.Solution, "solution", text.Solution, raw: false, summary);
                summary.Unchanged += changed ? 0 : 1;
            }

            for (int i = 0; i < raw!.Entries.Count; i++)
            {
                RawEntry entry = raw.Entries[i];
                if (entry.Code.Value != null && !fromTable.Contains(entry.Code.Value) && !entry.Deprecated.IsPresent && !entry.ReplacedBy.IsPresent)
                {
                    edits.InsertLine(entry, "deprecated", CatalogYamlWriter.Scalar(DroppedReason));
                    summary.Deprecated++;
                }
            }

            if (added.Count > 0)
            {
                // New names are derived after the existing entries, so they never take an existing name.
                Dictionary<string, string> names = TableImporter.DeriveNames(catalogName, ns, added, edits.Apply());
                var block = new StringBuilder();
                foreach (TableEntry row in added)
                {
                    CatalogYamlWriter.WriteEntry(block, row.Entry with { Name = names.TryGetValue(row.Entry.Code, out string? name) ? name : null }, edits.DashIndent());
                }

                edits.Append(block.ToString());
                summary.Added = added.Count;
            }

            string merged = edits.Apply();
            CatalogParseResult check = CatalogCompiler.Parse(path, merged);
            return new MergeResult(merged, summary, check.Diagnostics.Where(d => d.Severity == CatalogSeverity.Error).ToList());
        }

        /// <summary>Merges a table's overlay entries into the overlay <paramref name="existing"/>: texts updated or added, new codes appended, the rest kept.</summary>
        public static MergeResult MergeOverlay(string path, string existing, IReadOnlyList<OverlayEntryText> table)
        {
            var summary = new MergeSummary();
            if (!TryRead(path, existing, out RawCatalog? raw, out _, out IReadOnlyList<CatalogDiagnostic> problems, overlay: true))
            {
                return new MergeResult(null, summary, problems);
            }

            var edits = new TextEdits(existing, raw!);
            Dictionary<string, int> rows = Index(raw!);
            var block = new StringBuilder();
            foreach (OverlayEntryText text in table)
            {
                if (!rows.TryGetValue(text.Code, out int index))
                {
                    CatalogYamlWriter.WriteOverlayEntry(block, text, edits.DashIndent());
                    summary.Added++;
                    continue;
                }

                RawEntry entry = raw!.Entries[index];
                bool changed = false;
                changed |= text.Message != null && Set(edits, entry, entry.Message, "message", text.Message, raw: false, summary);
                changed |= text.Description != null && Set(edits, entry, entry.Description, "description", text.Description, raw: false, summary);
                changed |= text.Solution != null && Set(edits, entry, entry.Solution, "solution", text.Solution, raw: false, summary);
                summary.Unchanged += changed ? 0 : 1;
            }

            if (block.Length > 0)
            {
                edits.Append(block.ToString());
            }

            string merged = edits.Apply();
            CatalogParseResult check = CatalogCompiler.Parse(path, merged);
            return new MergeResult(merged, summary, check.Diagnostics.Where(d => d.Severity == CatalogSeverity.Error).ToList());
        }

        private static bool TryRead(string path, string text, out RawCatalog? raw, out CatalogModel? model, out IReadOnlyList<CatalogDiagnostic> problems, bool overlay = false)
        {
            // Read once, validated as what it is (as errcat diff does): the spans to edit and the model to check.
            var diagnostics = new List<CatalogDiagnostic>();
            raw = CatalogYamlReader.Read(path, text, CatalogLimits.Default, diagnostics, default);
            model = null;
            bool valid = false;
            if (raw != null && raw.Culture.IsPresent == overlay)
            {
                model = overlay ? null : CatalogValidator.Validate(path, raw, diagnostics, default);
                valid = overlay ? OverlayValidator.Validate(path, raw, diagnostics, default) != null : model != null;
            }

            problems = diagnostics.Where(d => d.Severity == CatalogSeverity.Error).ToList();
            if (raw != null && valid && problems.Count == 0)
            {
                // Keys are added as lines: an entry written as a flow mapping ({ code: …, … }) cannot take one.
                for (int i = 0; i < raw.Entries.Count; i++)
                {
                    RawScalar code = raw.Entries[i].Code;
                    int before = code.KeySpan.Start - 1;
                    while (before >= 0 && text[before] == ' ')
                    {
                        before--;
                    }

                    if (before >= 0 && (text[before] == '{' || text[before] == ','))
                    {
                        problems = new[] { CatalogDiagnostic.Create(DiagnosticIds.WrongStructure, "This entry is a flow mapping ({ code: … }); --merge edits block entries only: write it as a block mapping first", path, code.KeySpan) };
                        return false;
                    }
                }

                return true;
            }

            if (problems.Count == 0)
            {
                problems = new[] { CatalogDiagnostic.Create(DiagnosticIds.WrongStructure, overlay ? "The file to merge into is not a culture overlay" : "The file to merge into is not a catalog (a culture overlay merges with --culture)", path, SourceSpan.Empty) };
            }

            return false;
        }

        private static Dictionary<string, int> Index(RawCatalog raw)
        {
            var rows = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < raw.Entries.Count; i++)
            {
                string? code = raw.Entries[i].Code.Value;
                if (code != null && !rows.ContainsKey(code))
                {
                    rows.Add(code, i);
                }
            }

            return rows;
        }

        /// <summary>Gives the entry's key the value (replacing it where present, adding the key where not and the value is not empty); false when it already had it.</summary>
        private static bool Set(TextEdits edits, RawEntry entry, RawScalar scalar, string key, string value, bool raw, MergeSummary summary)
        {
            if ((scalar.Value ?? string.Empty) == value)
            {
                return false;
            }

            string written = raw ? value : CatalogYamlWriter.Scalar(value);
            if (scalar.IsPresent)
            {
                edits.Replace(scalar.Span, written);
            }
            else
            {
                edits.InsertLine(entry, key, written);
            }

            summary.Count(key);
            return true;
        }
    }
}
