using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// Three real error tables of other services (TestData/error-tables, copied from shared/data):
    /// their duplicates and odd placeholders get located diagnostics, and everything else is generated.
    /// </summary>
    public class RealTableTests
    {
        public static IEnumerable<object[]> Tables => new[]
        {
            new object[] { "api-gateway-error-codes-otc.txt", "ApiGateway", 293 },
            new object[] { "auto-scaling-error-codes-otc.txt", "AutoScaling", 260 },
            new object[] { "modelarts-error-codes-otc.txt", "ModelArts", 864 },
        };

        private static IReadOnlyList<ErrorTableRow> Rows(string file)
            => ErrorTable.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "error-tables", file));

        [Theory]
        [MemberData(nameof(Tables))]
        public void Every_row_is_generated_or_has_a_located_error_and_the_output_compiles(string file, string catalog, int rowCount)
        {
            IReadOnlyList<ErrorTableRow> rows = Rows(file);
            Assert.Equal(rowCount, rows.Count);
            string yaml = ErrorTable.ToYaml(catalog, rows);
            GeneratorResult result = GeneratorHarness.Run(yaml, path: $"/p/{catalog}.errors.yaml");
            Assert.Null(result.Exception);
            Assert.Empty(result.CompilationDiagnostics);

            // Each entry spans 5 lines from line 3; an error located inside an entry's lines means that entry was skipped.
            var skipped = result.GeneratorDiagnostics
                .Where(d => d.DefaultSeverity == DiagnosticSeverity.Error)
                .Select(d => (d.Location.GetLineSpan().StartLinePosition.Line - 2) / 5)
                .Distinct()
                .ToList();
            Assert.All(skipped, index => Assert.InRange(index, 0, rows.Count - 1));
            int generated = CountConstants(result.Source($"{catalog}ErrorCodes.g.cs"));
            Assert.Equal(rows.Count, generated + skipped.Count);

            int duplicates = rows.Count - rows.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count();
            Assert.Equal(duplicates, result.GeneratorDiagnostics.Count(d => d.Id == DiagnosticIds.DuplicateCode));
        }

        [Fact]
        public void ModelArts_reports_its_duplicates_and_odd_placeholders_precisely()
        {
            IReadOnlyList<ErrorTableRow> rows = Rows("modelarts-error-codes-otc.txt");
            GeneratorResult result = GeneratorHarness.Run(ErrorTable.ToYaml("ModelArts", rows), path: "/p/modelarts.errors.yaml");
            List<Diagnostic> templates = result.GeneratorDiagnostics.Where(d => d.Id == DiagnosticIds.MalformedTemplate).ToList();

            foreach (int index in Enumerable.Range(0, rows.Count).Where(i => rows[i].Message.Contains("{}") || rows[i].Message.Contains("{GPU/NPU}")))
            {
                int messageLine = 3 + (index * 5) + 2;
                Assert.Contains(templates, d => d.Location.GetLineSpan().StartLinePosition.Line + 1 == messageLine);
            }

            Assert.Equal(23, rows.GroupBy(r => r.Code).Count(g => g.Count() > 1));
            Diagnostic duplicate = result.GeneratorDiagnostics.First(d => d.Id == DiagnosticIds.DuplicateCode);
            Assert.Matches(@"^The code 'ModelArts\.\d+' is already defined on line \d+; each code must appear once$", duplicate.GetMessage());
        }

        [Fact]
        public void ApiGateway_repeated_named_placeholder_gives_one_parameter()
        {
            IReadOnlyList<ErrorTableRow> rows = Rows("api-gateway-error-codes-otc.txt");
            ErrorTableRow row = rows.Single(r => r.Message.Split("{x}").Length == 3);
            GeneratorResult result = GeneratorHarness.Run(ErrorTable.ToYaml("ApiGateway", rows));
            string errors = result.Source("ApiGatewayErrors.g.cs");
            Assert.Contains("(object? x)", errors);
            Assert.Contains(ErrorTable.Quote(row.Code).Replace("\\u", "\\\\u"), errors);
        }

        private static int CountConstants(string source) => source.Split('\n').Count(line => line.TrimStart().StartsWith("public const string ", StringComparison.Ordinal));
    }
}
