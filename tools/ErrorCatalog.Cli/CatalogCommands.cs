using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Cli
{
    /// <summary><c>errcat lint</c> (the generator's diagnostics) and <c>errcat preview</c> (the generator's C#).</summary>
    public static partial class Cli
    {
        private static int Lint(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            if (args.Positional.Count == 0)
            {
                throw new UsageException("name at least one catalog file");
            }

            string format = args.Optional("--format") ?? "text";
            if (format != "text" && format != "sarif")
            {
                throw new UsageException($"unknown format '{format}' (text or sarif)");
            }

            var results = new List<CatalogParseResult>();
            foreach (string file in args.Positional)
            {
                results.Add(CatalogCompiler.Parse(file, ReadFile(file, cwd)));
            }

            var diagnostics = results.SelectMany(r => r.Diagnostics)
                .Concat(CatalogCompiler.FindProjectConflicts(results, null))
                .Concat(Core.Cultures.OverlayLinker.Link(results, null).Diagnostics)
                .ToList();
            if (format == "sarif")
            {
                stdout.Write(Sarif.Write(diagnostics, args.Positional));
            }
            else
            {
                foreach (CatalogDiagnostic diagnostic in diagnostics)
                {
                    stdout.WriteLine(diagnostic.ToString());
                }

                // An overlay is checked against its catalog: one linted alone has none to be checked against.
                if (diagnostics.Any(d => d.Id == DiagnosticIds.OverlayNotApplicable) && !results.Any(r => r.Model != null))
                {
                    stderr.WriteLine("errcat lint: an overlay is checked against the catalog it translates; name the catalog too: errcat lint CATALOG.errors.yaml OVERLAY.errors.yaml");
                }
            }

            return diagnostics.Any(d => d.Severity == CatalogSeverity.Error) ? CatalogErrors : Ok;
        }

        private static int Preview(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            if (args.Positional.Count == 0)
            {
                throw new UsageException("name the FILE");
            }

            Frameworks frameworks = ParseFrameworks(args.Optional("--frameworks"));
            string file = args.Positional[0];
            CatalogParseResult result = CatalogCompiler.Parse(file, ReadFile(file, cwd));
            var overlays = args.Positional.Skip(1).Select(o => CatalogCompiler.Parse(o, ReadFile(o, cwd))).ToList();
            EquatableArray<CatalogDiagnostic> overruns = CatalogCompiler.FindProjectConflicts(new[] { result }, null);
            Core.Cultures.CultureLinkResult cultures = Core.Cultures.OverlayLinker.Link(overlays.Prepend(result), args.Optional("--namespace"));
            foreach (CatalogDiagnostic diagnostic in result.Diagnostics.Concat(overruns).Concat(overlays.SelectMany(o => o.Diagnostics)).Concat(cultures.Diagnostics))
            {
                stderr.WriteLine(diagnostic.ToString());
            }

            if (result.Model == null || overruns.Count > 0)
            {
                return CatalogErrors;
            }

            string? output = args.Optional("-o");
            foreach (GeneratedFile generated in CatalogCompiler.Emit(result, args.Optional("--namespace"), true, frameworks, cultures.For(file)))
            {
                if (output == null)
                {
                    stdout.WriteLine("// ---- " + generated.HintName);
                    stdout.Write(generated.Source);
                }
                else
                {
                    string dir = Path.Combine(cwd, output);
                    Directory.CreateDirectory(dir);
                    File.WriteAllText(Path.Combine(dir, generated.HintName), generated.Source);
                }
            }

            return result.Diagnostics.Any(d => d.Severity == CatalogSeverity.Error) ? CatalogErrors : Ok;
        }

        /// <summary><c>--frameworks</c>: <c>all</c>, or names of <see cref="FrameworkIntegrations.All"/> separated by commas; none when absent.</summary>
        private static Frameworks ParseFrameworks(string? list)
        {
            if (list == null)
            {
                return Frameworks.None;
            }

            if (list == "all")
            {
                return Frameworks.All;
            }

            var chosen = new List<FrameworkIntegration>();
            foreach (string name in list.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0))
            {
                chosen.Add(FrameworkIntegrations.All.FirstOrDefault(i => i.Name == name)
                    ?? throw new UsageException($"unknown framework '{name}' ({string.Join(", ", FrameworkIntegrations.All.Select(i => i.Name))} or all)"));
            }

            return Frameworks.Of(chosen);
        }
    }
}
