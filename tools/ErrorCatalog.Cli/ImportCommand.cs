using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Import;
using ErrorCatalog.Core.Model;

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
            ImportOptions options = ImportOptions.From(args);
            string text = ReadFile(options.Table, cwd); // a missing table is the first thing to say
            string target = options.Output == null ? string.Empty : Path.Combine(cwd, options.Output);
            bool exists = options.Output != null && File.Exists(target);
            if (exists && !options.Merge && !options.Force)
            {
                stderr.WriteLine($"errcat import: {options.Output} exists and was left as it is: --merge updates it from the table, --force replaces it.");
                return UsageError;
            }

            ITableImport import = Kind(options, cwd, stderr);
            var notes = new List<ImportNote>();
            int rows = import.Read(text, options.KeepPrintf, notes);
            foreach (ImportNote note in notes.OrderBy(n => n.Line))
            {
                stderr.WriteLine($"{options.Table}({note.Line}): {note.Message}");
            }

            if (rows == 0)
            {
                stderr.WriteLine($"errcat import: no row of {options.Table} could be read; nothing was written.");
                return CatalogErrors;
            }

            if (options.Output == null)
            {
                stdout.Write(import.Render(Path.GetFileName(options.Table)));
                return Ok;
            }

            if (exists && options.Merge)
            {
                return MergeInto(import, target, options.Output, stdout, stderr);
            }

            if (!Write(target, options.Output, import.Render(Path.GetFileName(options.Table)), stderr))
            {
                return UsageError;
            }

            // The schema the new file's modeline names, beside it (one that differs is kept and reported).
            WriteSchemaBeside(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(target))!, CatalogYamlWriter.SchemaFileName), force: false, stderr);
            return Report(stderr, $"errcat import: {import.EntryCount} entries written to {options.Output}");
        }

        /// <summary>A catalog, or with <c>--culture</c> an overlay (checked against <c>--neutral</c> when given, whose namespace it takes by default).</summary>
        private static ITableImport Kind(ImportOptions options, string cwd, TextWriter stderr)
        {
            if (options.Culture == null)
            {
                return new CatalogTableImport(options.Catalog, options.Namespace);
            }

            CatalogModel? neutral = options.Neutral != null ? ReadNeutral(options.Neutral, cwd, stderr) : null;
            return new OverlayTableImport(options.Catalog, options.Namespace ?? neutral?.Namespace, options.Culture, neutral);
        }

        /// <summary><c>--merge</c> into the existing file: written only when it changes, then what the merge did.</summary>
        private static int MergeInto(ITableImport import, string target, string shown, TextWriter stdout, TextWriter stderr)
        {
            string existing = File.ReadAllText(target);
            MergeResult merged = import.Merge(shown, existing);
            if (merged.Yaml == null)
            {
                WriteAll(stderr, merged.Problems);
                stderr.WriteLine($"errcat import: {shown} cannot be merged into (fix the errors above); it was left as it is.");
                return CatalogErrors;
            }

            if (merged.Yaml != existing && !Write(target, shown, merged.Yaml, stderr))
            {
                return UsageError;
            }

            stdout.WriteLine($"errcat import --merge {shown}: {merged.Summary}");
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

            string folder = Path.GetDirectoryName(Path.GetFullPath(target))!;
            string temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                Directory.CreateDirectory(folder);
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
