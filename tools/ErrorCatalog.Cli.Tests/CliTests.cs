using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Import;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;
using CliMain = ErrorCatalog.Cli.Cli;

namespace ErrorCatalog.Cli.Tests
{
    public class CliTests
    {
        internal static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

        private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

        internal static (int Exit, string Out, string Err) Run(string cwd, params string[] args)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            int exit = CliMain.Run(args, stdout, stderr, cwd);
            return (exit, stdout.ToString(), stderr.ToString());
        }

        internal static string Temp()
        {
            string dir = Path.Combine(Path.GetTempPath(), "errcat-cli-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        [Fact]
        public void Importing_the_catalogs_source_table_reproduces_the_catalog_except_curated_names()
        {
            string root = Root();
            (int exit, string yaml, string err) = Run(root, "import", "catalog/codearts-req-error-codes.txt", "--catalog", "CodeArtsReq", "--namespace", "HuaweiCloud.CodeArtsReq");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, err);
            static IEnumerable<string> Comparable(string text) => text.Replace("\r\n", "\n").Split('\n')
                .Where(l => !l.StartsWith("#", StringComparison.Ordinal) && !l.StartsWith("    name:", StringComparison.Ordinal) && !l.StartsWith("    parameters:", StringComparison.Ordinal));
            Assert.Equal(Comparable(File.ReadAllText(Path.Combine(root, "catalog", "codearts-req.errors.yaml"))), Comparable(yaml));

            CatalogModel imported = CatalogCompiler.Parse("i.errors.yaml", yaml).Model!;
            Assert.Equal(54, imported.Entries.Count);
            Assert.Equal("TheTargetUserIsNotAMemberOfTheProject", imported.Entries[0].Name);
        }

        [Fact]
        public void Re_importing_gives_the_same_file()
        {
            string dir = Temp();
            string table = Fixture("synonyms-caption-page-text.txt");
            Assert.Equal(0, Run(dir, "import", table, "--catalog", "Svc", "-o", "a.errors.yaml").Exit);
            Assert.Equal(0, Run(dir, "import", table, "--catalog", "Svc", "-o", "b.errors.yaml").Exit);
            Assert.Equal(File.ReadAllBytes(Path.Combine(dir, "a.errors.yaml")), File.ReadAllBytes(Path.Combine(dir, "b.errors.yaml")));
        }

        [Fact]
        public void Synonyms_caption_and_page_text_are_handled_and_literal_braces_escaped()
        {
            ImportResult result = TableImport.Import(new CatalogTableImport("Svc", null), File.ReadAllText(Fixture("synonyms-caption-page-text.txt")), "t.txt");
            Assert.Equal(new[] { "SV.0001", "SV.0002" }, result.Rows.Select(r => r.Code));
            Assert.Equal(new[] { 20, 30 }, result.Rows.Select(r => r.Line));
            Assert.Equal("Check the item ID.", result.Rows[0].Solution);
            Assert.Empty(result.Notes);
            CatalogModel model = CatalogCompiler.Parse("t.errors.yaml", result.Yaml).Model!;
            Assert.Equal("The item {id} does not exist.", model.Entries[0].MessageTemplate);
            Assert.Equal(1, model.Entries[0].ParameterCount);
            Assert.Equal("Internal error: {{GPU/NPU}} {{}} failed.", model.Entries[1].MessageTemplate);
            Assert.Equal(0, model.Entries[1].ParameterCount);
        }

        [Theory]
        [InlineData("no-caption-measure.txt", "SV.0101,SV.0102", "Fix the request.", "The request is bad.")]
        [InlineData("troubleshooting-four-columns-no-description.txt", "SV.0201,SV.0202", "Retry later.", "")]
        [InlineData("four-columns-no-solution.txt", "SV.0301,SV.0302", "", "You may not do this.")]
        public void Header_variants_and_four_column_tables_are_read(string fixture, string codes, string firstSolution, string firstDescription)
        {
            ImportResult result = TableImport.Import(new CatalogTableImport("Svc", null), File.ReadAllText(Fixture(fixture)), fixture);
            Assert.Equal(codes.Split(','), result.Rows.Select(r => r.Code));
            Assert.Equal(firstSolution, result.Rows[0].Solution);
            Assert.Equal(firstDescription, result.Rows[0].Description);
            Assert.Empty(result.Notes);
            Assert.Empty(CatalogCompiler.Parse("t.errors.yaml", result.Yaml).Diagnostics);
        }

        [Fact]
        public void Pipe_tables_are_read_and_bad_or_duplicate_rows_reported_with_their_lines()
        {
            ImportResult result = TableImport.Import(new CatalogTableImport("Svc", null), File.ReadAllText(Fixture("pipe-table.txt")), "pipe-table.txt");
            Assert.Equal(new[] { "SV.0401", "SV.0402" }, result.Rows.Select(r => r.Code));
            Assert.Equal("Invalid value: {0}.", result.Rows[0].Message);
            Assert.Equal(new[] { "line 9: 'four hundred' is not an HTTP status; the row could not be read", "line 10: duplicate code 'SV.0401' (first on line 7) is left out" },
                result.Notes.Select(n => n.ToString()));
        }

        [Fact]
        public void Duplicates_and_short_rows_are_reported_never_dropped_silently()
        {
            ImportResult result = TableImport.Import(new CatalogTableImport("Svc", null), File.ReadAllText(Fixture("duplicates-and-short-row.txt")), "d.txt");
            Assert.Equal(new[] { "SV.0501", "SV.0502", "SV.0503" }, result.Rows.Select(r => r.Code));
            Assert.Equal(new[]
            {
                "line 11: duplicate code 'SV.0501' (first on line 6) is left out",
                "line 16: row has 3 of 5 fields; the missing ones (Description, Solution) are left empty",
            }, result.Notes.Select(n => n.ToString()));

            (int exit, _, string err) = Run(Root(), "import", Fixture("duplicates-and-short-row.txt"), "--catalog", "Svc");
            Assert.Equal(0, exit);
            Assert.Contains("duplicates-and-short-row.txt(11): duplicate code 'SV.0501'", err);
        }

        [Theory]
        [InlineData("api-gateway-error-codes-otc.txt", 293)]
        [InlineData("auto-scaling-error-codes-otc.txt", 260)]
        [InlineData("modelarts-error-codes-otc.txt", 838)]
        public void Real_tables_import_generate_and_compile(string table, int entries)
        {
            string path = Path.Combine(Root(), "generator", "ErrorCatalog.Generator.Tests", "TestData", "error-tables", table);
            ImportResult result = TableImport.Import(new CatalogTableImport("Imported", "Imported.Ns"), File.ReadAllText(path), table);
            CatalogParseResult parsed = CatalogCompiler.Parse("imported.errors.yaml", result.Yaml);
            Assert.Equal(entries, parsed.Model!.Entries.Count);
            // Real tables hold 1xx-3xx rows (a 100 Continue, a 204): each, and nothing else, draws ERRCAT021 at its status.
            ErrorEntry[] notErrors = parsed.Model.Entries.Where(e => e.HttpStatus < 400).ToArray();
            Assert.Equal(notErrors.Select(_ => DiagnosticIds.NotAnErrorStatus), parsed.Diagnostics.Select(d => d.Id));
            Assert.All(parsed.Diagnostics.Zip(notErrors), pair => Assert.StartsWith($"Status {pair.Second.HttpStatus} is not an error status", pair.First.Message, StringComparison.Ordinal));

            // errcat lint reports them as warnings (exit 0).
            string dir = Temp();
            File.WriteAllText(Path.Combine(dir, "imported.errors.yaml"), result.Yaml);
            (int lintExit, string lintOut, _) = Run(dir, "lint", "imported.errors.yaml");
            Assert.Equal(0, lintExit);
            Assert.Equal(notErrors.Length, lintOut.Split('\n').Count(l => l.Contains(": warning ERRCAT021: ", StringComparison.Ordinal)));

            var trees = CatalogCompiler.Emit(parsed.Model, null, true, "imported.errors.yaml").Select(f => CSharpSyntaxTree.ParseText(f.Source, path: f.HintName));
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create("Imported", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
        }

        [Fact]
        public void Lint_prints_compiler_style_lines_and_fails_on_errors()
        {
            string dir = Temp();
            File.WriteAllText(Path.Combine(dir, "good.errors.yaml"), "catalog: Good\nerrors:\n  - {code: G.1, status: 400, message: m}\n");
            File.WriteAllText(Path.Combine(dir, "bad.errors.yaml"), "catalog: Bad\nerrors:\n  - {code: B.1, status: 400, message: m}\n  - {code: B.1, status: 600, message: n}\n");
            Assert.Equal((0, string.Empty), (Run(dir, "lint", "good.errors.yaml").Exit, Run(dir, "lint", "good.errors.yaml").Out));

            (int exit, string output, _) = Run(dir, "lint", "good.errors.yaml", "bad.errors.yaml");
            Assert.Equal(1, exit);
            Assert.Equal(new[]
            {
                "bad.errors.yaml(4,12): error ERRCAT004: The code 'B.1' is already defined on line 3; each code must appear once",
                "bad.errors.yaml(4,25): error ERRCAT005: '600' is not an HTTP status; write an integer from 100 to 599",
            }, output.TrimEnd('\n').Split('\n'));
        }

        [Fact]
        public void Lint_writes_sarif()
        {
            string dir = Temp();
            File.WriteAllText(Path.Combine(dir, "bad.errors.yaml"), "catalog: Bad\nerrors:\n  - {code: B.1, status: 400, message: m, staus: 1}\n");
            (int exit, string output, _) = Run(dir, "lint", "--format", "sarif", "bad.errors.yaml");
            Assert.Equal(0, exit);
            JsonNode sarif = JsonNode.Parse(output)!;
            Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
            JsonNode result = sarif["runs"]![0]!["results"]![0]!;
            Assert.Equal("ERRCAT003", result["ruleId"]!.GetValue<string>());
            Assert.Equal("warning", result["level"]!.GetValue<string>());
            JsonNode region = result["locations"]![0]!["physicalLocation"]!["region"]!;
            Assert.Equal(3, region["startLine"]!.GetValue<int>());
            Assert.Equal(42, region["startColumn"]!.GetValue<int>());
            Assert.Contains(sarif["runs"]![0]!["tool"]!["driver"]!["rules"]!.AsArray(), r => r!["id"]!.GetValue<string>() == "ERRCAT003");
        }

        [Fact]
        public void Import_writes_a_culture_overlay_from_a_Chinese_table_leaving_out_neutral_texts_and_unknown_codes()
        {
            string dir = Temp();
            string neutral = Path.Combine(Root(), "catalog", "codearts-req.errors.yaml");
            (int exit, string _, string err) = Run(dir, "import", Fixture("codearts-req-zh-CN.txt"), "--catalog", "CodeArtsReq", "--culture", "zh-CN", "--neutral", neutral, "-o", "codearts-req.zh-CN.errors.yaml");
            Assert.Equal(0, exit);
            Assert.Contains("codearts-req-zh-CN.txt(16): 'PM.99999999' is not in catalog CodeArtsReq; the row is left out", err, StringComparison.Ordinal);
            string yaml = File.ReadAllText(Path.Combine(dir, "codearts-req.zh-CN.errors.yaml"));
            Assert.EndsWith(
                "catalog: CodeArtsReq\nnamespace: HuaweiCloud.CodeArtsReq\nculture: zh-CN\nerrors:\n"
                + "  - code: PM.02150010\n    description: 目标用户不是该项目的成员。\n    solution: 将目标用户添加到项目中。\n"
                + "  - code: PM.02175201\n    description: IR 字段值无效。\n"
                + "  - code: PM.02153001\n    message: 访问过于频繁，请稍后重试。\n    description: 访问过于频繁，请稍后重试。\n    solution: 请稍后重试。\n",
                yaml, StringComparison.Ordinal);

            // Without --neutral every text is kept; re-importing gives the same bytes.
            (int whole, string all, _) = Run(dir, "import", Fixture("codearts-req-zh-CN.txt"), "--catalog", "CodeArtsReq", "--culture", "zh-CN");
            Assert.Equal(0, whole);
            Assert.Contains("    message: Field {0} has invalid value {1}.\n", all, StringComparison.Ordinal);
            Assert.Contains("PM.99999999", all, StringComparison.Ordinal);
            Assert.Equal(all, Run(dir, "import", Fixture("codearts-req-zh-CN.txt"), "--catalog", "CodeArtsReq", "--culture", "zh-CN").Out);

            // lint checks the overlay with its neutral catalog; preview generates the culture API.
            (int linted, string lintOut, _) = Run(dir, "lint", neutral, "codearts-req.zh-CN.errors.yaml");
            Assert.Equal(0, linted);
            Assert.Equal("codearts-req.zh-CN.errors.yaml(5,10): info ERRCAT015: The 'zh-CN' overlay of catalog 'CodeArtsReq' translates 3 of 54 entries; the others fall back to the parent cultures and the neutral catalog", lintOut.TrimEnd('\n'));
            File.WriteAllText(Path.Combine(dir, "bad.zh-CN.errors.yaml"), "catalog: CodeArtsReq\nnamespace: HuaweiCloud.CodeArtsReq\nculture: zh-CN\nerrors:\n  - code: PM.1\n    description: x\n");
            (int badExit, string badOut, _) = Run(dir, "lint", neutral, "bad.zh-CN.errors.yaml");
            Assert.Equal(0, badExit);
            Assert.Contains("bad.zh-CN.errors.yaml(5,11): warning ERRCAT013: Catalog 'CodeArtsReq' has no code 'PM.1'", badOut, StringComparison.Ordinal);
            (int previewed, string preview, _) = Run(dir, "preview", neutral, "codearts-req.zh-CN.errors.yaml");
            Assert.Equal(0, previewed);
            Assert.Contains("// ---- HuaweiCloud.CodeArtsReq.CodeArtsReqErrors.Cultures.g.cs", preview, StringComparison.Ordinal);
            Assert.Contains("\"IR 字段值无效。\"", preview, StringComparison.Ordinal);
        }

        [Fact]
        public void Import_refuses_a_bad_culture_and_neutral_without_culture()
        {
            string dir = Temp();
            Assert.Contains("'zh_CN' is not a culture name", Run(dir, "import", Fixture("codearts-req-zh-CN.txt"), "--catalog", "X", "--culture", "zh_CN").Err, StringComparison.Ordinal);
            Assert.Contains("--neutral needs --culture", Run(dir, "import", Fixture("codearts-req-zh-CN.txt"), "--catalog", "X", "--neutral", "n.errors.yaml").Err, StringComparison.Ordinal);
        }

        [Fact]
        public void Preview_shows_typed_parameters()
        {
            string dir = Temp();
            File.WriteAllText(Path.Combine(dir, "t.errors.yaml"), "catalog: T\nerrors:\n  - code: T.1\n    status: 400\n    message: 'At most {0} at {1}'\n    parameters: [{ name: limit, type: int }, { name: at, type: DateTimeOffset }]\n");
            (int exit, string text, string err) = Run(dir, "preview", "t.errors.yaml");
            Assert.Equal((0, string.Empty), (exit, err));
            Assert.Contains("public static string FormatAtMostAt(int limit, global::System.DateTimeOffset at)", text, StringComparison.Ordinal);
        }

        [Fact]
        public void Preview_writes_what_the_generator_would_produce()
        {
            string dir = Temp();
            string catalog = Path.Combine(Root(), "catalog", "codearts-req.errors.yaml");
            (int exit, _, string err) = Run(dir, "preview", catalog, "-o", "out");
            Assert.Equal(0, exit);
            Assert.Equal(string.Empty, err);
            CatalogModel model = CatalogCompiler.Parse(catalog, File.ReadAllText(catalog)).Model!;
            foreach (GeneratedFile file in CatalogCompiler.Emit(model, null, true, catalog))
            {
                Assert.Equal(file.Source, File.ReadAllText(Path.Combine(dir, "out", file.HintName)));
            }

            (int toStdout, string text, _) = Run(dir, "preview", catalog);
            Assert.Equal(0, toStdout);
            Assert.Contains("// ---- HuaweiCloud.CodeArtsReq.CodeArtsReqErrorCodes.g.cs", text);
        }

        [Fact]
        public void Lint_and_preview_refuse_catalogs_past_the_assemblys_string_literal_budget()
        {
            string dir = Temp();
            string Big(string name) => "catalog: " + name + "\nerrors:\n  - code: B.1\n    status: 400\n    message: m\n    description: "
                + new string('d', 4 * 1024 * 1024) + "\n";
            File.WriteAllText(Path.Combine(dir, "a.errors.yaml"), Big("First"));
            File.WriteAllText(Path.Combine(dir, "b.errors.yaml"), Big("Second"));

            // 8 MiB of literals each: together past the 15 MiB budget; the later file is reported.
            (int exit, string output, _) = Run(dir, "lint", "a.errors.yaml", "b.errors.yaml");
            Assert.Equal(Cli.CatalogErrors, exit);
            string line = Assert.Single(output.TrimEnd('\n').Split('\n'));
            Assert.StartsWith("b.errors.yaml(1,10): error ERRCAT011: Catalog 'Second' needs 8.00 MiB", line);

            // Alone, each fits.
            (int alone, string outputAlone, _) = Run(dir, "lint", "a.errors.yaml");
            Assert.Equal(0, alone);
            Assert.Equal(string.Empty, outputAlone);

            File.WriteAllText(Path.Combine(dir, "huge.errors.yaml"), Big("Huge").Replace("description: d", "description: " + new string('d', 4 * 1024 * 1024) + "d"));
            (int preview, string text, string err) = Run(dir, "preview", "huge.errors.yaml");
            Assert.Equal(Cli.CatalogErrors, preview);
            Assert.Equal(string.Empty, text);
            Assert.Contains("error ERRCAT011", err);
        }

        [Theory]
        [InlineData(new string[0], 2, "Usage:")]
        [InlineData(new[] { "--help" }, 0, "errcat import")]
        [InlineData(new[] { "import", "--help" }, 0, "--catalog Name")]
        [InlineData(new[] { "lint", "-h" }, 0, "--format text|sarif")]
        [InlineData(new[] { "preview", "--help" }, 0, "-o, --output DIR")]
        public void Help_is_printed(string[] args, int exit, string expected)
        {
            (int code, string output, _) = Run(Root(), args);
            Assert.Equal(exit, code);
            Assert.Contains(expected, output);
        }

        [Theory]
        [InlineData(new[] { "frobnicate" }, "errcat: unknown command 'frobnicate'")]
        [InlineData(new[] { "lint", "missing.errors.yaml" }, "errcat lint: file not found: missing.errors.yaml")]
        [InlineData(new[] { "lint" }, "errcat lint: name at least one catalog file")]
        [InlineData(new[] { "lint", "--format", "xml", "catalog/codearts-req.errors.yaml" }, "unknown format 'xml'")]
        [InlineData(new[] { "import", "catalog/codearts-req-error-codes.txt" }, "option '--catalog' is required")]
        [InlineData(new[] { "import", "catalog/codearts-req-error-codes.txt", "--catalog", "1bad" }, "'1bad' is not a valid catalog name")]
        [InlineData(new[] { "import", "catalog/codearts-req-error-codes.txt", "--catalog" }, "option '--catalog' needs a value")]
        [InlineData(new[] { "preview", "--namespace", "N" }, "name the FILE")]
        [InlineData(new[] { "import", "x.txt", "--bogus", "1" }, "unknown option '--bogus'")]
        public void Bad_usage_gets_a_clear_error_and_exit_code_2(string[] args, string expected)
        {
            (int code, _, string error) = Run(Root(), args);
            Assert.Equal(2, code);
            Assert.Contains(expected, error);
        }
    }
}
