using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;
using CliMain = ErrorCatalog.Cli.Cli;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>errcat diff, the compatibility gate: one before/after pair per rule, with its exit code, and SARIF that passes the schema.</summary>
    public class DiffTests
    {
        private const string Before =
            "catalog: Svc\nerrors:\n" +
            "  - {code: S.1, status: 400, name: Bad, message: 'Bad {0}.', parameters: [{name: field, type: string}]}\n" +
            "  - {code: S.2, status: 404, name: Missing, message: Missing.}\n" +
            "  - {code: S.3, status: 410, name: Old, message: Old., deprecated: true}\n";

        private static readonly JsonSchema s_sarif = JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "sarif-2.1.0-subset.schema.json")));

        public static IEnumerable<object[]> Pairs => new[]
        {
            new object[] { "nothing changed", Before, 0, string.Empty },
            new object[] { "a code removed", Before.Replace("  - {code: S.2, status: 404, name: Missing, message: Missing.}\n", string.Empty), 1, "old.errors.yaml(4,12): error code-removed-undeprecated: 'S.2' was removed without having been deprecated first" },
            new object[] { "a deprecated code removed", Before.Replace("  - {code: S.3, status: 410, name: Old, message: Old., deprecated: true}\n", string.Empty), 1, "old.errors.yaml(5,12): error code-removed: 'S.3' was removed (it was deprecated)" },
            new object[] { "a status changed", Before.Replace("status: 404", "status: 400"), 1, "new.errors.yaml(4,12): error status-changed: 'S.2' changed its status from 404 to 400" },
            new object[] { "a parameter added", Before.Replace("message: 'Bad {0}.', parameters: [{name: field, type: string}]", "message: 'Bad {0} {1}.', parameters: [{name: field, type: string}, value]"), 1, "error parameters-changed: 'S.1' changed its parameters from (string field) to (string field, object value)" },
            new object[] { "a parameter renamed", Before.Replace("{name: field, type: string}", "{name: name, type: string}"), 1, "error parameters-changed: 'S.1' changed its parameters from (string field) to (string name)" },
            new object[] { "a parameter retyped", Before.Replace("type: string", "type: int"), 1, "error parameters-changed: 'S.1' changed its parameters from (string field) to (int field)" },
            new object[] { "a member renamed", Before.Replace("name: Missing", "name: NotThere"), 1, "error name-changed: 'S.2' changed its member name from Missing to NotThere; set 'name: Missing' to keep it" },
            new object[] { "a code added", Before + "  - {code: S.4, status: 409, name: Conflict, message: Conflict.}\n", 0, "new.errors.yaml(6,12): info code-added: 'S.4' was added" },
            new object[] { "a text edited", Before.Replace("message: Missing.", "message: Not here., description: Gone for now"), 0, "info text-changed: 'S.2' has edited texts" },
            new object[] { "a code deprecated", Before.Replace("message: Missing.}", "message: Missing., deprecated: Use S.1, replacedBy: S.1}"), 0, "info code-deprecated: 'S.2' is deprecated, replaced by 'S.1'" },
            new object[] { "a code made retryable", Before.Replace("message: Missing.}", "message: Missing., retryable: true}"), 0, "info lifecycle-changed: 'S.2' changed its replacement or retryability" },
        };

        [Theory]
        [MemberData(nameof(Pairs))]
        public void Each_rule_is_found_with_its_exit_code(string change, string after, int exit, string expected)
        {
            string dir = Write(after);
            var stdout = new StringWriter();
            int code = CliMain.Run(new[] { "diff", "old.errors.yaml", "new.errors.yaml" }, stdout, new StringWriter(), dir);
            string output = stdout.ToString();
            Assert.True(exit == code, $"{change}: exit {code}\n{output}");
            string[] lines = output.TrimEnd('\n').Split('\n');
            if (expected.Length == 0)
            {
                Assert.Equal(new[] { "errcat diff: compatible (0 change(s))" }, lines);
                return;
            }

            Assert.Contains(expected, lines[0], StringComparison.Ordinal);
            Assert.StartsWith(exit == 0 ? "errcat diff: compatible" : "errcat diff: 1 breaking change(s)", lines[lines.Length - 1], StringComparison.Ordinal);

            // The same findings as SARIF, valid against the SARIF 2.1.0 schema.
            var sarif = new StringWriter();
            Assert.Equal(exit, CliMain.Run(new[] { "diff", "--format", "sarif", "old.errors.yaml", "new.errors.yaml" }, sarif, new StringWriter(), dir));
            EvaluationResults results = s_sarif.Evaluate(JsonDocument.Parse(sarif.ToString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
            Assert.True(results.IsValid, JsonSerializer.Serialize(results));
            JsonNode result = JsonNode.Parse(sarif.ToString())!["runs"]![0]!["results"]![0]!;
            Assert.Equal(exit == 1 ? "error" : "note", result["level"]!.GetValue<string>());
        }

        [Fact]
        public void Lint_sarif_passes_the_schema_too()
        {
            string dir = Write(Before.Replace("status: 404", "status: 604"));
            var sarif = new StringWriter();
            Assert.Equal(1, CliMain.Run(new[] { "lint", "--format", "sarif", "new.errors.yaml" }, sarif, new StringWriter(), dir));
            Assert.True(s_sarif.Evaluate(JsonDocument.Parse(sarif.ToString()).RootElement, new EvaluationOptions { RequireFormatValidation = true }).IsValid);
        }

        [Fact]
        public void A_broken_file_is_a_usage_error_with_its_diagnostics()
        {
            string dir = Write("catalog: Svc\nerrors:\n  - {code: S.1, status: 999, message: m}\n");
            var stderr = new StringWriter();
            Assert.Equal(2, CliMain.Run(new[] { "diff", "old.errors.yaml", "new.errors.yaml" }, new StringWriter(), stderr, dir));
            Assert.Contains("new.errors.yaml(3,25): error ERRCAT005", stderr.ToString(), StringComparison.Ordinal);
        }

        private static string Write(string after)
        {
            string dir = CliTests.Temp();
            File.WriteAllText(Path.Combine(dir, "old.errors.yaml"), Before);
            File.WriteAllText(Path.Combine(dir, "new.errors.yaml"), after);
            return dir;
        }
    }
}
