using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Import;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Cli
{
    /// <summary>The errcat commands. Exit codes: 0 success, 1 catalog errors, 2 usage or file errors.</summary>
    public static partial class Cli
    {
        public const int Ok = 0;
        public const int CatalogErrors = 1;
        public const int UsageError = 2;

        private const string MainHelp = @"errcat - ErrorCatalog command-line tools

Usage:
  errcat import TABLE.txt --catalog Name [--namespace N] [--culture C [--neutral FILE]] [-o FILE [--merge|--force]] [--keep-printf]
  errcat lint FILE... [--format text|sarif]
  errcat preview FILE [OVERLAY...] [--namespace N] [-o DIR]
  errcat diff OLD NEW [--format text|sarif]
  errcat docs FILE... -o DIR
  errcat COMMAND --help

Commands:
  import    Turn the text of an error-code documentation table into a catalog.
  lint      Check catalogs with the generator's own diagnostics; exit 1 on errors.
  preview   Write the C# the generator would produce for a catalog.
  diff      Compare two versions of a catalog; exit 1 on a breaking change.
  docs      Write a browsable page of every error (index.md and index.html).
";

        private static readonly Dictionary<string, string> s_commandHelp = new Dictionary<string, string>
        {
            ["import"] = @"errcat import TABLE.txt --catalog Name [--namespace N] [--culture C [--neutral FILE]] [-o FILE [--merge|--force]] [--keep-printf]

Reads the text of an error-code table page (one field per line after the column headers, a pipe
table, or one cell per line each ending in ' |' under a ---|--- row) and writes a catalog: to -o,
else to standard output. Header synonyms, captions, page text around the table and four-column
tables are handled. Names are derived from the messages, braces that are not placeholders are
doubled, printf-style holes (%s, %d, %(name)s, %%) become placeholders with typed parameters,
duplicate codes and unreadable rows are reported with their line numbers on standard error.
Re-importing gives the same file. A table of which no row can be read exits 1 and writes nothing.

An existing -o FILE is never overwritten unless asked: --merge updates it in place (codes in both
take the table's status, message, description and solution, and keep every other key and comment;
new codes are appended; codes no longer in the table are kept and marked deprecated; a summary is
printed, status changes called out as breaking), --force replaces it. Files are written whole or
not at all (a temporary file renamed over the target).

With --culture, the table is a translation (Chinese headers such as 状态码, 错误码, 错误信息,
描述, 处理措施 are understood) and a culture overlay is written: each row's code and texts. With
--neutral, texts equal to the neutral catalog's are left out and codes it lacks are reported.

Options:
  --catalog Name     the catalog name (stem of the generated types), required
  --namespace N      the namespace of the generated types (default with --neutral: the neutral catalog's)
  --culture C        write a culture overlay for this .NET culture name (zh-CN, zh, de)
  --neutral FILE     the neutral catalog the overlay translates
  -o, --output FILE  where to write the catalog
  --merge            update an existing FILE from the table
  --force            replace an existing FILE
  --keep-printf      leave printf-style holes as literal text
",
            ["lint"] = @"errcat lint FILE... [--format text|sarif]

Checks each catalog with the generator's diagnostics (and catalogs against each other, as one
project would hold them; culture overlays with their neutral catalogs) and prints them as
FILE(LINE,COL): error ERRCATnnn: message.
Exit code 1 when any error is found.

Options:
  --format text|sarif   text (default) or SARIF 2.1.0 for code-scanning tools
",
            ["preview"] = @"errcat preview FILE [OVERLAY...] [--namespace N] [-o DIR]

Writes the C# the generator would produce for the catalog (with its culture overlays, when
named after it): into DIR (one file per generated source), else to standard output.

Options:
  --namespace N      the namespace to use when the catalog has none (a project's RootNamespace)
  -o, --output DIR   the folder to write the .g.cs files to
",
        };

        private static readonly Dictionary<string, string> s_lifecycleHelp = new Dictionary<string, string>
        {
            ["diff"] = @"errcat diff OLD NEW [--format text|sarif]

The compatibility gate for CI: compares two versions of a catalog (for git:
git show REV:path > old.errors.yaml). Breaking, exit 1: a code removed (called out when it was not
deprecated first), its status changed, its parameters changed in count, name or type, its
generated member name changed. Not breaking, exit 0, still listed: codes added, texts edited,
entries newly deprecated, other lifecycle changes.

Options:
  --format text|sarif   text (default) or SARIF 2.1.0 for code-scanning tools
",
            ["docs"] = @"errcat docs FILE... -o DIR

Writes DIR/index.md and a self-contained DIR/index.html (no external assets, works from file://,
with a filter box): one section per catalog, one row per code with an anchor equal to the code,
its status and reason phrase, message, description, solution, deprecation and replacement (linked)
and retryability; culture overlays named among the files add a column per culture. A catalog's
docs: template can point at it (https://example.com/errors/index.html#{code}).

Options:
  -o, --output DIR   the folder to write to (required)
",
        };

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.Write(MainHelp);
                return args.Length == 0 ? UsageError : Ok;
            }

            string command = args[0];
            string? commandHelp = s_commandHelp.TryGetValue(command, out string? found) ? found : s_lifecycleHelp.TryGetValue(command, out found) ? found : null;
            if (commandHelp == null)
            {
                stderr.WriteLine($"errcat: unknown command '{command}'. Run 'errcat --help'.");
                return UsageError;
            }

            if (args.Skip(1).Any(a => a is "-h" or "--help"))
            {
                stdout.Write(commandHelp);
                return Ok;
            }

            try
            {
                Arguments parsed = Arguments.Parse(args.Skip(1).ToArray(), command);
                return command switch
                {
                    "import" => Import(parsed, stdout, stderr, currentDirectory),
                    "lint" => Lint(parsed, stdout, currentDirectory),
                    "diff" => Diff(parsed, stdout, stderr, currentDirectory),
                    "docs" => Docs(parsed, stderr, currentDirectory),
                    _ => Preview(parsed, stdout, stderr, currentDirectory),
                };
            }
            catch (UsageException ex)
            {
                stderr.WriteLine($"errcat {command}: {ex.Message}. Run 'errcat {command} --help'.");
                return UsageError;
            }
        }

        private static int Lint(Arguments args, TextWriter stdout, string cwd)
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
            }

            return diagnostics.Any(d => d.Severity == CatalogSeverity.Error) ? CatalogErrors : Ok;
        }

        private static int Preview(Arguments args, TextWriter stdout, TextWriter stderr, string cwd)
        {
            if (args.Positional.Count == 0)
            {
                throw new UsageException("name the FILE");
            }

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
            foreach (GeneratedFile generated in CatalogCompiler.Emit(result, args.Optional("--namespace"), true, null, cultures.For(file)))
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

        internal static string ReadFile(string path, string cwd)
        {
            string full = Path.Combine(cwd, path);
            if (!File.Exists(full))
            {
                throw new UsageException($"file not found: {path}");
            }

            return File.ReadAllText(full);
        }
    }

    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }

    /// <summary>Positional arguments and <c>--name value</c> options, with the options each command accepts.</summary>
    internal sealed class Arguments
    {
        private static readonly Dictionary<string, string[]> s_options = new Dictionary<string, string[]>
        {
            ["import"] = new[] { "--catalog", "--namespace", "--culture", "--neutral", "-o", "--merge", "--force", "--keep-printf" },
            ["lint"] = new[] { "--format" },
            ["preview"] = new[] { "--namespace", "-o" },
            ["diff"] = new[] { "--format" },
            ["docs"] = new[] { "-o" },
        };

        /// <summary>Options that take no value.</summary>
        private static readonly HashSet<string> s_flags = new HashSet<string>(StringComparer.Ordinal) { "--merge", "--force", "--keep-printf" };

        private readonly Dictionary<string, string> _options = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> Positional { get; } = new List<string>();

        public static Arguments Parse(string[] args, string command)
        {
            var result = new Arguments();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i] == "--output" ? "-o" : args[i];
                if (!arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
                {
                    result.Positional.Add(arg);
                    continue;
                }

                if (!s_options[command].Contains(arg))
                {
                    throw new UsageException($"unknown option '{args[i]}'");
                }

                if (s_flags.Contains(arg))
                {
                    result._options[arg] = "true";
                    continue;
                }

                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"option '{args[i]}' needs a value");
                }

                result._options[arg] = args[++i];
            }

            return result;
        }

        public string? Optional(string name) => _options.TryGetValue(name, out string? value) ? value : null;

        public bool Flag(string name) => _options.ContainsKey(name);

        public string Required(string name) => Optional(name) ?? throw new UsageException($"option '{name}' is required");

        public string SinglePositional(string what)
        {
            if (Positional.Count != 1)
            {
                throw new UsageException(Positional.Count == 0 ? $"name the {what}" : $"expected one {what}, got {Positional.Count} arguments");
            }

            return Positional[0];
        }
    }
}
