using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Import;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Cli
{
    /// <summary>
    /// <c>errcat import</c>: a documentation table to a catalog or a culture overlay, written whole or
    /// not at all; an existing file is replaced only with <c>--force</c> and updated in place with
    /// <c>--merge</c>. Nothing is written from a table of which no row was read.
    /// </summary>
    public static partial class Cli
    {
        private static int Import(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            string table = args.SinglePositional("TABLE.txt");
            string catalog = args.Required("--catalog");
            if (!Identifiers.IsValidIdentifier(catalog))
            {
                throw new UsageException($"'{catalog}' is not a valid catalog name (a C# identifier such as CodeArtsReq)");
            }

            string? ns = args.Optional("--namespace");
            if (ns != null && !Identifiers.IsValidNamespace(ns))
            {
                throw new UsageException($"'{ns}' is not a valid namespace");
            }

            string? culture = args.Optional("--culture");
            string? neutralFile = args.Optional("--neutral");
            string? output = args.Optional("-o");
            bool merge = args.Flag("--merge");
            bool keepPrintf = args.Flag("--keep-printf");
            if (culture == null && neutralFile != null)
            {
                throw new UsageException("--neutral needs --culture");
            }

            if (merge && args.Flag("--force"))
            {
                throw new UsageException("--merge and --force exclude each other");
            }

            if ((merge || args.Flag("--force")) && output == null)
            {
                throw new UsageException($"{(merge ? "--merge" : "--force")} needs -o FILE");
            }

            if (culture != null && !Core.Validation.OverlayValidator.IsValidCultureName(culture))
            {
                throw new UsageException($"'{culture}' is not a culture name (such as zh-CN, zh or de)");
            }

            string target = output == null ? string.Empty : Path.Combine(cwd, output);
            bool exists = output != null && File.Exists(target);
            if (exists && !merge && !args.Flag("--force"))
            {
                stderr.WriteLine($"errcat import: {output} exists and was left as it is: --merge updates it from the table, --force replaces it.");
                return UsageError;
            }

            string text = ReadFile(table, cwd);
            CatalogModel? neutral = culture != null && neutralFile != null ? ReadNeutral(neutralFile, cwd, stderr) : null;
            ns ??= neutral?.Namespace;
            var notes = new List<ImportNote>();
            List<TableEntry>? entries = null;
            List<OverlayEntryText>? overlay = null;
            int rows;
            if (culture != null)
            {
                (overlay, IReadOnlyList<ImportedRow> read) = OverlayImporter.ReadEntries(text, neutral, keepPrintf, notes);
                rows = read.Count;
            }
            else
            {
                entries = TableImporter.ReadEntries(text, keepPrintf, notes);
                rows = entries.Count;
            }

            foreach (ImportNote note in notes.OrderBy(n => n.Line))
            {
                stderr.WriteLine($"{table}({note.Line}): {note.Message}");
            }

            if (rows == 0)
            {
                stderr.WriteLine($"errcat import: no row of {table} could be read; nothing was written.");
                return CatalogErrors;
            }

            if (!(merge && exists))
            {
                string source = Path.GetFileName(table);
                string yaml = overlay != null ? OverlayImporter.Render(catalog, ns, culture!, source, overlay) : TableImporter.Render(catalog, ns, source, entries!);
                if (output == null)
                {
                    stdout.Write(yaml);
                    return Ok;
                }

                return Write(target, output, yaml, stderr) ? Report(stderr, $"errcat import: {(overlay != null ? overlay.Count : rows)} entries written to {output}") : UsageError;
            }

            // --merge into the existing file.
            string existing = File.ReadAllText(target);
            MergeResult merged = overlay != null
                ? CatalogMerger.MergeOverlay(output!, existing, overlay)
                : CatalogMerger.MergeCatalog(output!, existing, catalog, ns, entries!);
            if (merged.Yaml == null)
            {
                WriteAll(stderr, merged.Problems);
                stderr.WriteLine($"errcat import: {output} cannot be merged into (fix the errors above); it was left as it is.");
                return CatalogErrors;
            }

            if (merged.Yaml != existing && !Write(target, output!, merged.Yaml, stderr))
            {
                return UsageError;
            }

            stdout.WriteLine($"errcat import --merge {output}: {merged.Summary}");
            foreach (string breaking in merged.Summary.Breaking)
            {
                stdout.WriteLine($"  breaking: {breaking}");
            }

            foreach (string pinned in merged.Summary.PinnedNames)
            {
                stdout.WriteLine($"  name kept: {pinned} (its message changed; the member name stays)");
            }

            WriteAll(stderr, merged.Problems);
            return merged.Problems.Count > 0 ? CatalogErrors : Ok;
        }

        private static CatalogModel ReadNeutral(string file, string cwd, TextWriter stderr)
        {
            CatalogParseResult parsed = CatalogCompiler.Parse(file, ReadFile(file, cwd));
            WriteAll(stderr, parsed.Diagnostics.Where(d => d.Severity == CatalogSeverity.Error));
            return parsed.Model ?? throw new UsageException($"the neutral catalog {file} cannot be read");
        }

        /// <summary>
        /// Writes the whole text or nothing: into a temporary file beside the target, renamed over it.
        /// A read-only target is refused and left as it is.
        /// </summary>
        internal static bool Write(string target, string shown, string text, TextWriter stderr, Action? beforeRename = null)
        {
            if (File.Exists(target) && IsReadOnly(target))
            {
                stderr.WriteLine($"errcat import: {shown} is read-only and was left as it is.");
                return false;
            }

            string temporary = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temporary, text);
                beforeRename?.Invoke();
                File.Move(temporary, target, overwrite: true);
                return true;
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                stderr.WriteLine($"errcat import: {shown} could not be written ({ex.Message}); it was left as it was.");
                return false;
            }
            finally
            {
                if (File.Exists(temporary))
                {
                    File.Delete(temporary);
                }
            }
        }

        private static bool IsReadOnly(string path)
        {
            if ((File.GetAttributes(path) & FileAttributes.ReadOnly) != 0)
            {
                return true;
            }

            return !OperatingSystem.IsWindows()
                && (File.GetUnixFileMode(path) & (UnixFileMode.UserWrite | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) == 0;
        }

        private static int Report(TextWriter stderr, string line)
        {
            stderr.WriteLine(line);
            return Ok;
        }

        private static void WriteAll(TextWriter writer, IEnumerable<CatalogDiagnostic> diagnostics)
        {
            foreach (CatalogDiagnostic diagnostic in diagnostics)
            {
                writer.WriteLine(diagnostic.ToString());
            }
        }
    }
}
