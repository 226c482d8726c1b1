using System;
using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using Xunit;
using CliMain = ErrorCatalog.Cli.Cli;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// Re-importing a changed documentation table without losing anything: refused and atomic writes,
    /// <c>--merge</c> of catalogs and overlays, the cell-per-line (<c> |</c>) layout, printf-style holes.
    /// </summary>
    public class ImportMaintenanceTests
    {
        /// <summary>A curated catalog: comments, a docs link, names, typed parameters, logging and lifecycle keys.</summary>
        private const string Curated = """
            # The IAM catalog, curated by the platform team.
            catalog: Iam
            namespace: Contoso.Iam
            docs: https://support.example.com/iam/errors.html#{code}
            errors:
              # Tokens and parameters
              - code: IAM.0001
                status: 400
                name: InvalidParameter          # chosen by the team
                message: Request parameter {key} is invalid.
                parameters: [{ name: key, type: string }]
                description: A parameter is invalid.
                solution: Check the parameter.
                eventId: 4001
                level: Warning
              - code: IAM.0002
                status: 400
                message: The value {0} exceeds the limit of {1} items.
                parameters: [{ name: value, type: string }, { name: limit, type: int }]
                description: Too many items.
                solution: |
                  Send fewer items.
                retryable: false
              - code: IAM.0005
                status: 409
                name: Conflict
                message: The request conflicts.
                description: Old entry.
                solution: Retry later.
                retryable: true
              - code: IAM.0006
                status: 410
                name: Gone
                message: Gone.
                description: Replaced already.
                solution: Use IAM.0001.
                replacedBy: IAM.0001
              - code: IAM.0008
                status: 403
                message: Access denied.
                description: No permission.
                solution: Ask for permission.
              - code: IAM.0009
                status: 400
                name: OldFormat
                message: Old request format.
                description: Deprecated by hand.
                solution: Use the new format.
                deprecated: true

            """;

        private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

        private static (int Exit, string Out, string Err) Run(string cwd, params string[] args) => CliTests.Run(cwd, args);

        private static void SetReadOnly(string path, bool readOnly)
        {
            if (OperatingSystem.IsWindows())
            {
                File.SetAttributes(path, readOnly ? FileAttributes.ReadOnly : FileAttributes.Normal);
            }
            else
            {
                File.SetUnixFileMode(path, readOnly ? UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead : UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        [Fact]
        public void A_table_of_which_no_row_is_read_exits_non_zero_and_writes_nothing()
        {
            string dir = CliTests.Temp();
            string target = Path.Combine(dir, "iam.errors.yaml");
            File.WriteAllText(target, Curated);
            File.WriteAllText(Path.Combine(dir, "empty.txt"), "Error Codes\n\nThis page lists no table.\n");

            foreach (string[] flags in new[] { new[] { "--force" }, new[] { "--merge" } })
            {
                (int exit, string stdout, string stderr) = Run(dir, new[] { "import", "empty.txt", "--catalog", "Iam", "-o", "iam.errors.yaml" }.Concat(flags).ToArray());
                Assert.Equal(1, exit);
                Assert.Equal(string.Empty, stdout);
                Assert.Contains("empty.txt(1): no table header found", stderr, StringComparison.Ordinal);
                Assert.Contains("no row of empty.txt could be read; nothing was written", stderr, StringComparison.Ordinal);
                Assert.Equal(Curated, File.ReadAllText(target));
            }

            Assert.Equal(1, Run(dir, "import", "empty.txt", "--catalog", "Iam", "-o", "new.errors.yaml").Exit);
            Assert.False(File.Exists(Path.Combine(dir, "new.errors.yaml")));
        }

        [Fact]
        public void An_existing_file_is_replaced_only_with_force_and_a_read_only_one_never()
        {
            string dir = CliTests.Temp();
            string target = Path.Combine(dir, "iam.errors.yaml");
            File.WriteAllText(target, Curated);

            (int refused, _, string why) = Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml");
            Assert.Equal(2, refused);
            Assert.Contains("iam.errors.yaml exists and was left as it is: --merge updates it from the table, --force replaces it", why, StringComparison.Ordinal);
            Assert.Equal(Curated, File.ReadAllText(target));

            SetReadOnly(target, true);
            (int readOnly, _, string readOnlyWhy) = Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--force");
            Assert.Equal(2, readOnly);
            Assert.Contains("iam.errors.yaml is read-only and was left as it is", readOnlyWhy, StringComparison.Ordinal);
            Assert.Equal(Curated, File.ReadAllText(target));

            SetReadOnly(target, false);
            Assert.Equal(0, Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--force").Exit);
            Assert.Equal(Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam").Out, File.ReadAllText(target));
            Assert.Equal(new[] { "errorcatalog.schema.json", "iam.errors.yaml" }, Directory.GetFiles(dir).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)); // no temporary file left; the schema beside it

            Assert.Equal(2, Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--force", "--merge").Exit);
            Assert.Equal(2, Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "--merge").Exit);
        }

        [Fact]
        public void Writes_are_whole_or_nothing()
        {
            string dir = CliTests.Temp();
            string target = Path.Combine(dir, "iam.errors.yaml");
            File.WriteAllText(target, Curated);

            // The target vanishes while the new text is written: the rename puts the whole text in place.
            Assert.True(CliMain.Write(target, "iam.errors.yaml", "catalog: Iam\nerrors: []\n", TextWriter.Null, () => File.Delete(target)));
            Assert.Equal("catalog: Iam\nerrors: []\n", File.ReadAllText(target));

            // A failure before the rename (a full disk, a killed process): the target keeps its old text, no temporary file is left.
            var stderr = new StringWriter();
            Assert.False(CliMain.Write(target, "iam.errors.yaml", Curated, stderr, () => throw new IOException("No space left on device")));
            Assert.Equal("catalog: Iam\nerrors: []\n", File.ReadAllText(target));
            Assert.Contains("iam.errors.yaml could not be written (No space left on device); it was left as it was", stderr.ToString(), StringComparison.Ordinal);
            Assert.Equal(new[] { target }, Directory.GetFiles(dir));
        }

        [Fact]
        public void Merge_updates_texts_keeps_every_other_key_appends_new_codes_and_deprecates_dropped_ones()
        {
            string dir = CliTests.Temp();
            string target = Path.Combine(dir, "iam.errors.yaml");
            File.WriteAllText(target, Curated);
            File.WriteAllText(Path.Combine(dir, "old.errors.yaml"), Curated);

            (int exit, string stdout, string stderr) = Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--merge");

            Assert.True(exit == 0, stderr);
            Assert.Equal("errcat import --merge iam.errors.yaml: added 2, changed 4 (description 1, message 1, solution 1, status 1), deprecated 1, unchanged 0", stdout.Split('\n')[0]);
            Assert.Contains("  breaking: IAM.0002: status 400 -> 413\n", stdout, StringComparison.Ordinal);
            Assert.Contains("  name kept: IAM.0008: AccessDenied (its message changed; the member name stays)\n", stdout, StringComparison.Ordinal);
            Assert.Contains("iam-v2.txt(6): printf-style holes converted: %(key)s -> {key}", stderr, StringComparison.Ordinal);

            string merged = File.ReadAllText(target);
            string expectedHead = Curated
                .Replace("    description: A parameter is invalid.", "    description: A request parameter is invalid.", StringComparison.Ordinal)
                .Replace("    status: 400\n    message: The value", "    status: 413\n    message: The value", StringComparison.Ordinal)
                .Replace("    solution: |\n      Send fewer items.\n", "    solution: Send at most the limit.\n", StringComparison.Ordinal)
                .Replace("    retryable: true\n", "    retryable: true\n    deprecated: No longer in the documentation table.\n", StringComparison.Ordinal)
                .Replace("    message: Access denied.\n", "    message: Access is denied.\n", StringComparison.Ordinal)
                .Replace("    solution: Ask for permission.\n", "    solution: Ask for permission.\n    name: AccessDenied\n", StringComparison.Ordinal);
            Assert.StartsWith(expectedHead.TrimEnd('\n') + "\n", merged, StringComparison.Ordinal);

            CatalogParseResult parsed = CatalogCompiler.Parse(target, merged);
            Assert.DoesNotContain(parsed.Diagnostics, d => d.Severity == Core.Diagnostics.CatalogSeverity.Error);
            CatalogModel model = parsed.Model!;
            Assert.Equal(new[] { "IAM.0001", "IAM.0002", "IAM.0005", "IAM.0006", "IAM.0008", "IAM.0009", "IAM.0003", "IAM.0007" }, model.Entries.Select(e => e.Code));
            ErrorEntry quota = model.Entries.Single(e => e.Code == "IAM.0003");
            Assert.Equal("Quota of 100% used by user {user}.", quota.MessageTemplate);
            Assert.Equal(new[] { "user" }, quota.ParameterNames);
            Assert.Equal("QuotaOf100UsedByUser", quota.Name);
            Assert.Equal("TokenExpired", model.Entries.Single(e => e.Code == "IAM.0007").Name);
            Assert.Equal(new[] { "InvalidParameter", "TheValueExceedsTheLimitOfItems", "Conflict", "Gone", "AccessDenied" }, model.Entries.Take(5).Select(e => e.Name));

            // The compatibility gate after a merge: a status change, never a removal.
            (_, string diff, _) = Run(dir, "diff", "old.errors.yaml", "iam.errors.yaml");
            Assert.DoesNotContain("removed", diff, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("IAM.0002", diff, StringComparison.Ordinal);

            // Merging the same table again changes nothing.
            (int again, string againOut, _) = Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--merge");
            Assert.Equal(0, again);
            Assert.Equal("errcat import --merge iam.errors.yaml: added 0, changed 0, deprecated 0, unchanged 5\n", againOut);
            Assert.Equal(merged, File.ReadAllText(target));
        }

        [Fact]
        public void Merge_keeps_crlf_line_endings_and_refuses_a_broken_file()
        {
            string dir = CliTests.Temp();
            string target = Path.Combine(dir, "iam.errors.yaml");
            File.WriteAllText(target, Curated.Replace("\n", "\r\n", StringComparison.Ordinal));
            Assert.Equal(0, Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--merge").Exit);
            string merged = File.ReadAllText(target);
            Assert.DoesNotContain("\n", merged.Replace("\r\n", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains("  - code: IAM.0007\r\n    status: 401\r\n", merged, StringComparison.Ordinal);

            File.WriteAllText(target, "catalog: Iam\nerrors:\n  - code: IAM.0001\n    status: nine\n    message: x\n");
            (int exit, _, string stderr) = Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--merge");
            Assert.Equal(1, exit);
            Assert.Contains("iam.errors.yaml(4,13): error ERRCAT005", stderr, StringComparison.Ordinal);
            Assert.Contains("iam.errors.yaml cannot be merged into (fix the errors above); it was left as it is", stderr, StringComparison.Ordinal);
            Assert.Equal("catalog: Iam\nerrors:\n  - code: IAM.0001\n    status: nine\n    message: x\n", File.ReadAllText(target));

            const string Flow = "catalog: Iam\nerrors:\n  - { code: IAM.0001, status: 400, message: x }\n";
            File.WriteAllText(target, Flow);
            (int flowExit, _, string flowErr) = Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--merge");
            Assert.Equal(1, flowExit);
            Assert.Contains("iam.errors.yaml(3,7): error ERRCAT002: This entry is a flow mapping", flowErr, StringComparison.Ordinal);
            Assert.Equal(Flow, File.ReadAllText(target));
        }

        [Fact]
        public void Merge_of_an_overlay_updates_texts_appends_new_codes_and_keeps_the_rest()
        {
            string dir = CliTests.Temp();
            File.WriteAllText(Path.Combine(dir, "iam.errors.yaml"), Curated);
            Assert.Equal(0, Run(dir, "import", Fixture("iam-v2.txt"), "--catalog", "Iam", "-o", "iam.errors.yaml", "--merge").Exit);
            const string Overlay = "catalog: Iam\nnamespace: Contoso.Iam\nculture: zh-CN\nerrors:\n  - code: IAM.0001\n    description: 参数无效。   # 旧的译文\n  - code: IAM.0005\n    description: 冲突。\n";
            string target = Path.Combine(dir, "iam.zh-CN.errors.yaml");
            File.WriteAllText(target, Overlay);

            (int exit, string stdout, string stderr) = Run(dir, "import", Fixture("iam-v2-zh-CN.txt"), "--catalog", "Iam", "--culture", "zh-CN", "--neutral", "iam.errors.yaml", "-o", "iam.zh-CN.errors.yaml", "--merge");

            Assert.True(exit == 0, stderr);
            Assert.Equal("errcat import --merge iam.zh-CN.errors.yaml: added 1, changed 2 (description 1, solution 1), deprecated 0, unchanged 0\n", stdout);
            Assert.Equal(
                "catalog: Iam\nnamespace: Contoso.Iam\nculture: zh-CN\nerrors:\n  - code: IAM.0001\n    description: 请求参数无效。   # 旧的译文\n    solution: 检查参数。\n  - code: IAM.0005\n    description: 冲突。\n"
                + "  - code: IAM.0002\n    description: 条目过多。\n",
                File.ReadAllText(target));
            (int lint, string lintOut, _) = Run(dir, "lint", "iam.errors.yaml", "iam.zh-CN.errors.yaml");
            Assert.True(lint == 0, lintOut);
        }

        [Theory]
        [InlineData("cell-lines-en.txt")]
        [InlineData("cell-lines-zh.txt")]
        public void The_cell_per_line_layout_imports_row_for_row_like_the_line_layout(string fixture)
        {
            string dir = CliTests.Temp();
            (int exit, string yaml, string stderr) = Run(dir, "import", Fixture(fixture), "--catalog", "Svc");
            Assert.True(exit == 0, stderr);
            Assert.Equal(string.Empty, stderr);
            CatalogModel cells = CatalogCompiler.Parse("c.errors.yaml", yaml).Model!;
            CatalogModel lines = CatalogCompiler.Parse("l.errors.yaml", Run(dir, "import", Fixture("line-layout-en.txt"), "--catalog", "Svc").Out).Model!;

            Assert.Equal(new[] { "SV.1100", "SV.1101", "SV.1102" }, cells.Entries.Select(e => e.Code));
            Assert.Equal(new[] { 400, 404, 500 }, cells.Entries.Select(e => e.HttpStatus));
            Assert.Equal(lines.Entries.Select(e => (e.Code, e.Name, e.MessageTemplate)), cells.Entries.Take(2).Select(e => (e.Code, e.Name, e.MessageTemplate)));
            Assert.Equal(string.Empty, cells.Entries[2].Description);
            if (fixture.EndsWith("-en.txt", StringComparison.Ordinal))
            {
                Assert.Equal(lines.Entries.Select(e => (e.Description, e.Solution)), cells.Entries.Take(2).Select(e => (e.Description, e.Solution)));
                Assert.Equal("Contact technical support.", cells.Entries[2].Solution);
            }
            else
            {
                Assert.Equal(new[] { "请求参数无效。", "资源不存在。", string.Empty }, cells.Entries.Select(e => e.Description));
            }
        }

        [Fact]
        public void Printf_holes_become_placeholders_with_typed_parameters_unless_kept()
        {
            string dir = CliTests.Temp();
            (int exit, string yaml, string stderr) = Run(dir, "import", Fixture("printf-holes.txt"), "--catalog", "Iam");
            Assert.Equal(0, exit);
            Assert.Contains("printf-holes.txt(6): printf-style holes converted: %(key)s -> {key}\n", stderr, StringComparison.Ordinal);
            Assert.Contains("printf-holes.txt(11): printf-style holes converted: %s -> {0}, %d -> {1}\n", stderr, StringComparison.Ordinal);
            Assert.Contains("printf-holes.txt(16): printf-style holes converted: %% -> %, %(user)s -> {user}, %s -> {arg0}\n", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("(21)", stderr, StringComparison.Ordinal);
            Assert.Contains("    parameters: [{ name: arg0, type: string }, { name: arg1, type: int }]\n", yaml, StringComparison.Ordinal);

            CatalogModel model = CatalogCompiler.Parse("p.errors.yaml", yaml).Model!;
            Assert.Equal(
                new[] { "Request parameter {key} is invalid.", "The value {0} exceeds the limit of {1} items.", "Quota of 100% used by user {user} in {arg0}.", "Policy {id} not found." },
                model.Entries.Select(e => e.MessageTemplate));
            Assert.Equal(new[] { "RequestParameterIsInvalid", "TheValueExceedsTheLimitOfItems" }, model.Entries.Take(2).Select(e => e.Name));
            Assert.Equal(new[] { "user", "arg0" }, model.Entries[2].ParameterNames);
            Assert.Equal("QuotaOf100UsedByUserIn", model.Entries[2].Name);

            (int kept, string literal, string keptErr) = Run(dir, "import", Fixture("printf-holes.txt"), "--catalog", "Iam", "--keep-printf");
            Assert.Equal(0, kept);
            Assert.DoesNotContain("converted", keptErr, StringComparison.Ordinal);
            CatalogModel literalModel = CatalogCompiler.Parse("k.errors.yaml", literal).Model!;
            Assert.Equal("Request parameter %(key)s is invalid.", literalModel.Entries[0].MessageTemplate);
            Assert.Equal("RequestParameterIsInvalid", literalModel.Entries[0].Name);
            Assert.DoesNotContain("parameters:", literal, StringComparison.Ordinal);
        }
    }
}
