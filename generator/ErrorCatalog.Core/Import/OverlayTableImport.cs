using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// A table in another language imported as a culture overlay of a catalog; with the neutral catalog,
    /// only the texts that differ from its own (<see cref="OverlayImporter.ReadEntries"/>).
    /// </summary>
    public sealed class OverlayTableImport : ITableImport
    {
        private readonly string _catalogName;
        private readonly string? _namespace;
        private readonly string _culture;
        private readonly CatalogModel? _neutral;
        private List<OverlayEntryText> _entries = new List<OverlayEntryText>();
        private IReadOnlyList<ImportedRow> _read = new ImportedRow[0];

        public OverlayTableImport(string catalogName, string? ns, string culture, CatalogModel? neutral)
        {
            _catalogName = catalogName;
            _namespace = ns;
            _culture = culture;
            _neutral = neutral;
        }

        /// <summary>The rows that gave an entry (a row the neutral catalog lacks, or that changes nothing, gives none).</summary>
        public IReadOnlyList<ImportedRow> Rows => _read.Where(r => _entries.Any(e => e.Code == r.Code)).ToList();

        public int EntryCount => _entries.Count;

        public int Read(string text, bool keepPrintf, List<ImportNote> notes)
        {
            (_entries, _read) = OverlayImporter.ReadEntries(text, _neutral, keepPrintf, notes);
            return _read.Count;
        }

        public string Render(string sourceName) => OverlayImporter.Render(_catalogName, _namespace, _culture, sourceName, _entries);

        public MergeResult Merge(string path, string existing) => CatalogMerger.MergeOverlay(path, existing, _entries);
    }
}
