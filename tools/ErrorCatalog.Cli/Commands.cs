using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ErrorCatalog.Cli
{
    /// <summary>One errcat command: its name, what it does in a line, its help, the options it takes and its handler.</summary>
    /// <param name="Name">The command word.</param>
    /// <param name="Summary">One line for the main help.</param>
    /// <param name="Help">The command's help; its first line is its usage.</param>
    /// <param name="Options">Options that take a value.</param>
    /// <param name="Flags">Options that take none.</param>
    /// <param name="Handler">Runs the command: arguments, standard output, standard error, current directory; returns the exit code.</param>
    internal sealed record Command(string Name, string Summary, string Help, string[] Options, string[] Flags, Func<Arguments, TextWriter, TextWriter, string, int> Handler)
    {
        public string Usage => Help.Substring(0, Help.IndexOf('\n'));
    }

    /// <summary>The errcat commands, in one table: dispatch, help and option parsing read it.</summary>
    public static partial class Cli
    {
        /// <summary>The names <c>--frameworks</c> takes, from the integration table.</summary>
        private static readonly string FrameworkNames = string.Join(", ", Core.Emit.Integrations.FrameworkIntegrations.All.Select(i => i.Name));

        internal static readonly IReadOnlyList<Command> Commands = new[]
        {
            new Command(
                "import",
                "Turn the text of an error-code documentation table into a catalog.",
                @"errcat import TABLE.txt --catalog Name [--namespace N] [--culture C [--neutral FILE]] [-o FILE [--merge|--force]] [--keep-printf]

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
not at all (a temporary file renamed over the target). A new file starts with the modeline
'# yaml-language-server: $schema=errorcatalog.schema.json', and the schema is written beside it
(see errcat schema; one that differs is left as it is).

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
                new[] { "--catalog", "--namespace", "--culture", "--neutral", "-o" },
                new string[] { "--merge", "--force", "--keep-printf" },
                Import),
            new Command(
                "lint",
                "Check catalogs with the generator's own diagnostics; exit 1 on errors.",
                @"errcat lint FILE... [--format text|sarif]

Checks each catalog with the generator's diagnostics (and catalogs against each other, as one
project would hold them; culture overlays with their neutral catalogs) and prints them as
FILE(LINE,COL): error ERRCATnnn: message.
Exit code 1 when any error is found.

Options:
  --format text|sarif   text (default) or SARIF 2.1.0 for code-scanning tools
",
                new[] { "--format" },
                new string[] {  },
                Lint),
            new Command(
                "preview",
                "Write the C# the generator would produce for a catalog.",
                $@"errcat preview FILE [OVERLAY...] [--namespace N] [--frameworks LIST] [-o DIR]

Writes the C# the generator would produce for the catalog (with its culture overlays, when
named after it): into DIR (one file per generated source), else to standard output. The
framework files are written for the frameworks named, as the generator writes them for a
project that can see those frameworks.

Options:
  --namespace N      the namespace to use when the catalog has none (a project's RootNamespace)
  --frameworks LIST  the frameworks to assume: {FrameworkNames}
                     (comma-separated; a framework brings those its file uses), or all; default none
  -o, --output DIR   the folder to write the .g.cs files to
",
                new[] { "--namespace", "--frameworks", "-o" },
                new string[] {  },
                Preview),
            new Command(
                "diff",
                "Compare two versions of a catalog; exit 1 on a breaking change.",
                @"errcat diff OLD NEW [--format text|sarif]

The compatibility gate for CI: compares two versions of a catalog (for git:
git show REV:path > old.errors.yaml). Breaking, exit 1: a code removed (called out when it was not
deprecated first), its status changed, its parameters changed in count, name or type, its
generated member name changed. Not breaking, exit 0, still listed: codes added, texts edited,
entries newly deprecated, other lifecycle changes.

Options:
  --format text|sarif   text (default) or SARIF 2.1.0 for code-scanning tools
",
                new[] { "--format" },
                new string[] {  },
                Diff),
            new Command(
                "schema",
                "Write the catalog format's JSON Schema, for YAML editors.",
                @"errcat schema [-o DIR] [--force]

Writes errorcatalog.schema.json, the JSON Schema of catalogs and culture overlays: to DIR (beside
your catalogs), else to standard output. A catalog whose first line is
'# yaml-language-server: $schema=errorcatalog.schema.json' is then validated, completed and
explained by YAML editors that use yaml-language-server (VS Code's YAML extension, most LSP editors),
offline. errcat import writes that line and the schema for new files. A schema file that differs
from this errcat's is left as it is unless --force.

Options:
  -o, --output DIR   the folder to write errorcatalog.schema.json to
  --force            replace a schema file that differs
",
                new[] { "-o" },
                new[] { "--force" },
                Schema),
            new Command(
                "docs",
                "Write a browsable page of every error (index.md and index.html).",
                @"errcat docs FILE... -o DIR

Writes DIR/index.md and a self-contained DIR/index.html (no external assets, works from file://,
with a filter box): one section per catalog, one row per code with an anchor equal to the code,
its status and reason phrase, message, description, solution, deprecation and replacement (linked)
and retryability; culture overlays named among the files add a column per culture. A catalog's
docs: template can point at it (https://example.com/errors/index.html#{code}).

Options:
  -o, --output DIR   the folder to write to (required)
",
                new[] { "-o" },
                new string[] {  },
                Docs),
        };

        /// <summary>The main help: each command's usage and summary, from the table.</summary>
        private static string MainHelp()
        {
            var help = new System.Text.StringBuilder("errcat - ErrorCatalog command-line tools\n\nUsage:\n");
            foreach (Command command in Commands)
            {
                help.Append("  ").Append(command.Usage).Append('\n');
            }

            help.Append("  errcat COMMAND --help\n  errcat --version\n\nCommands:\n");
            foreach (Command command in Commands)
            {
                help.Append("  ").Append(command.Name.PadRight(10)).Append(command.Summary).Append('\n');
            }

            return help.ToString();
        }

        private static Command? Find(string name) => Commands.FirstOrDefault(c => c.Name == name);
    }
}
