using System.Collections.Generic;
using System.Linq;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// What a documentation table is imported as: a catalog (<see cref="CatalogTableImport"/>) or a culture
    /// overlay of one (<see cref="OverlayTableImport"/>). <c>errcat import</c> and the tests run the same
    /// steps on either: <see cref="Read"/>, then <see cref="Render"/> a new file or <see cref="Merge"/> into
    /// an existing one (<see cref="TableImport.Import"/> composes the first two).
    /// </summary>
    public interface ITableImport
    {
        /// <summary>Reads the table's rows into entries, every problem noted at its line; returns how many rows were read (none: nothing to write).</summary>
        int Read(string text, bool keepPrintf, List<ImportNote> notes);

        /// <summary>The rows the entries were made from, in table order.</summary>
        IReadOnlyList<ImportedRow> Rows { get; }

        /// <summary>How many entries a new file gets.</summary>
        int EntryCount { get; }

        /// <summary>A new file of the entries; <paramref name="sourceName"/> is named in its header comment.</summary>
        string Render(string sourceName);

        /// <summary>The entries merged into the existing file's text (<see cref="CatalogMerger"/>).</summary>
        MergeResult Merge(string path, string existing);
    }

    /// <summary>The one composition of an import's steps that makes a new file.</summary>
    public static class TableImport
    {
        /// <summary>Reads <paramref name="text"/> as <paramref name="kind"/> and renders the new file, with the rows it holds and every note in line order.</summary>
        public static ImportResult Import(ITableImport kind, string text, string sourceName, bool keepPrintf = false)
        {
            var notes = new List<ImportNote>();
            kind.Read(text, keepPrintf, notes);
            return new ImportResult(kind.Render(sourceName), kind.Rows, notes.OrderBy(n => n.Line).ToList());
        }
    }
}
