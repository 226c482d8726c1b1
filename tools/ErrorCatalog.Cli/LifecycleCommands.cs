using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Compatibility;
using ErrorCatalog.Core.Cultures;
using ErrorCatalog.Core.Diagnostics;

namespace ErrorCatalog.Cli
{
    /// <summary><c>errcat diff</c> (the compatibility gate) and <c>errcat docs</c> (the docs site).</summary>
    public static partial class Cli
    {
        private static int Diff(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            if (args.Positional.Count != 2)
            {
                throw new UsageException("name the OLD and the NEW catalog file");
            }

            string format = args.Optional("--format") ?? "text";
            if (format != "text" && format != "sarif")
            {
                throw new UsageException($"unknown format '{format}' (text or sarif)");
            }

            string oldPath = args.Positional[0];
            string newPath = args.Positional[1];
            var problems = new List<CatalogDiagnostic>();
            List<CatalogDiagnostic>? findings = CatalogDiff.Compare(oldPath, ReadFile(oldPath, cwd), newPath, ReadFile(newPath, cwd), problems);
            if (findings == null)
            {
                foreach (CatalogDiagnostic problem in problems)
                {
                    stderr.WriteLine(problem.ToString());
                }

                stderr.WriteLine("errcat diff: both files must be catalogs without errors (errcat lint shows the problems)");
                return UsageError;
            }

            if (format == "sarif")
            {
                var rules = CatalogDiff.Rules.Select(r => (r.Id, r.Title, (string?)null)).ToList();
                stdout.Write(Sarif.Write(findings, args.Positional, rules));
            }
            else
            {
                foreach (CatalogDiagnostic finding in findings)
                {
                    stdout.WriteLine(finding.ToString());
                }

                int breaking = findings.Count(CatalogDiff.IsBreaking);
                stdout.WriteLine(breaking == 0 ? $"errcat diff: compatible ({findings.Count} change(s))" : $"errcat diff: {breaking} breaking change(s) of {findings.Count}");
            }

            return findings.Any(CatalogDiff.IsBreaking) ? CatalogErrors : Ok;
        }

        private static int Docs(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            if (args.Positional.Count == 0)
            {
                throw new UsageException("name at least one catalog file");
            }

            string output = args.Optional("-o") ?? throw new UsageException("option '-o' is required");
            var parsed = args.Positional.Select(f => CatalogCompiler.Parse(f, ReadFile(f, cwd))).ToList();
            CultureLinkResult cultures = OverlayLinker.Link(parsed, null);
            var errors = parsed.SelectMany(p => p.Diagnostics).Concat(cultures.Diagnostics).Where(d => d.Severity == CatalogSeverity.Error).ToList();
            foreach (CatalogDiagnostic error in errors)
            {
                stderr.WriteLine(error.ToString());
            }

            var catalogs = parsed.Where(p => p.Model != null)
                .Select(p => new SiteCatalog(p.Model!, CatalogCompiler.ResolveNamespace(p.Model!, null), cultures.For(p.FilePath)))
                .ToList();
            if (catalogs.Count == 0)
            {
                return CatalogErrors;
            }

            string dir = Path.Combine(cwd, output);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "index.md"), DocsSite.Markdown(catalogs));
            File.WriteAllText(Path.Combine(dir, "index.html"), DocsSite.Html(catalogs));
            stderr.WriteLine($"errcat docs: {catalogs.Sum(c => c.Model.Entries.Count)} codes of {catalogs.Count} catalog(s) written to {output}");
            return errors.Count > 0 ? CatalogErrors : Ok;
        }
    }
}
