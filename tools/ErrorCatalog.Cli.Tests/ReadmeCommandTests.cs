using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using Xunit;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// The README's errcat block (its "errcat: …" section) runs as written, line by line,
    /// in a copy of the repository's <c>catalog/</c> folder: each line exits 0, and what the lines write is what
    /// the README says (the shipped tables import to the shipped catalog's entries and overlay, the merge of the
    /// unchanged table changes nothing). A README edit that breaks a line fails here.
    /// </summary>
    public class ReadmeCommandTests
    {
        [Fact]
        public void The_readmes_errcat_block_runs_as_written()
        {
            string root = CliTests.Root();
            string[] lines = ErrcatBlock(File.ReadAllText(Path.Combine(root, "README.md")));
            Assert.True(lines.Length >= 10, $"the README's errcat block has {lines.Length} lines");

            string dir = CliTests.Temp();
            CopyFolder(Path.Combine(root, "catalog"), Path.Combine(dir, "catalog"));
            string shippedCatalog = File.ReadAllText(Path.Combine(root, "catalog", "codearts-req.errors.yaml"));
            foreach (string line in lines)
            {
                if (line.StartsWith("git show ", StringComparison.Ordinal))
                {
                    // The catalog as the previous commit had it: here, as this checkout has it.
                    File.WriteAllText(Path.Combine(dir, line.Substring(line.LastIndexOf('>') + 1).Trim()), shippedCatalog);
                    continue;
                }

                string[] args = Expand(dir, line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1));
                (int exit, string stdout, string stderr) = CliTests.Run(dir, args);
                Assert.True(exit == 0, $"'{line}' exited {exit}: {stderr}{stdout}");
                if (line.Contains("--merge", StringComparison.Ordinal))
                {
                    Assert.StartsWith("errcat import --merge catalog/codearts-req.errors.yaml: added 0, changed 0, deprecated 0, unchanged 54", stdout, StringComparison.Ordinal);
                }
            }

            // The merge of the unchanged table left the catalog byte for byte.
            Assert.Equal(shippedCatalog, File.ReadAllText(Path.Combine(dir, "catalog", "codearts-req.errors.yaml")));

            // The shipped tables import to the shipped catalog's entries and to its overlay.
            CatalogModel shipped = Parse(Path.Combine(root, "catalog", "codearts-req.errors.yaml")).Model!;
            CatalogModel imported = Parse(Path.Combine(dir, "imported", "codearts-req.errors.yaml")).Model!;
            Assert.Equal(shipped.Entries.Select(e => (e.Code, e.HttpStatus, e.MessageTemplate, e.Description, e.Solution)), imported.Entries.Select(e => (e.Code, e.HttpStatus, e.MessageTemplate, e.Description, e.Solution)));
            OverlayModel overlay = Parse(Path.Combine(root, "catalog", "codearts-req.zh-CN.errors.yaml")).Overlay!;
            OverlayModel importedOverlay = Parse(Path.Combine(dir, "imported", "codearts-req.zh-CN.errors.yaml")).Overlay!;
            Assert.Equal(54, overlay.Entries.Count);
            Assert.Equal(overlay.Entries.Select(e => (e.Code, e.Message, e.Description, e.Solution)), importedOverlay.Entries.Select(e => (e.Code, e.Message, e.Description, e.Solution)));

            Assert.Equal(4, Directory.GetFiles(Path.Combine(dir, "preview"), "*.g.cs").Length); // codes, errors, exceptions, field errors: no framework named
            Assert.True(File.Exists(Path.Combine(dir, "site", "index.html")));
        }

        /// <summary>The lines of the sh block that follows the README's errcat heading, comments cut.</summary>
        private static string[] ErrcatBlock(string readme)
        {
            int heading = readme.IndexOf("## errcat:", StringComparison.Ordinal);
            Assert.True(heading >= 0, "the README has no errcat section");
            int start = readme.IndexOf("```sh\n", heading, StringComparison.Ordinal) + "```sh\n".Length;
            int end = readme.IndexOf("```", start, StringComparison.Ordinal);
            return readme.Substring(start, end - start).Split('\n')
                .Select(l => (l.IndexOf(" #", StringComparison.Ordinal) is int hash && hash >= 0 ? l.Substring(0, hash) : l).Trim())
                .Where(l => l.Length > 0)
                .ToArray();
        }

        /// <summary>The arguments as a shell passes them: a glob (<c>catalog/*.errors.yaml</c>) becomes the files it names, in order.</summary>
        private static string[] Expand(string dir, IEnumerable<string> words)
        {
            var args = new List<string>();
            foreach (string word in words)
            {
                if (!word.Contains('*'))
                {
                    args.Add(word);
                    continue;
                }

                string folder = Path.GetDirectoryName(word)!;
                args.AddRange(Directory.GetFiles(Path.Combine(dir, folder), Path.GetFileName(word)).Select(f => Path.Combine(folder, Path.GetFileName(f))).OrderBy(f => f, StringComparer.Ordinal));
            }

            return args.ToArray();
        }

        private static CatalogParseResult Parse(string path) => CatalogCompiler.Parse(path, File.ReadAllText(path));

        private static void CopyFolder(string from, string to)
        {
            Directory.CreateDirectory(to);
            foreach (string file in Directory.GetFiles(from))
            {
                File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            }
        }
    }
}
