using System.Collections.Generic;
using System.Linq;

namespace ErrorCatalog.Core.Import
{
    /// <summary>A table imported as a catalog: one entry per row, member names derived as the generator derives them.</summary>
    public sealed class CatalogTableImport : ITableImport
    {
        private readonly string _catalogName;
        private readonly string? _namespace;
        private List<TableEntry> _entries = new List<TableEntry>();

        public CatalogTableImport(string catalogName, string? ns)
        {
            _catalogName = catalogName;
            _namespace = ns;
        }

        public IReadOnlyList<ImportedRow> Rows => _entries.Select(e => e.Row).ToList();

        public int EntryCount => _entries.Count;

        public int Read(string text, bool keepPrintf, List<ImportNote> notes)
        {
            _entries = TableImporter.ReadEntries(text, keepPrintf, notes);
            return _entries.Count;
        }

        public string Render(string sourceName) => TableImporter.Render(_catalogName, _namespace, sourceName, _entries);

        public MergeResult Merge(string path, string existing) => CatalogMerger.MergeCatalog(path, existing, _catalogName, _namespace, _entries);
    }
}
