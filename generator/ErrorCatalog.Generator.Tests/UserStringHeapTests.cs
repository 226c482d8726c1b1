using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// An assembly holds at most 16 MiB of user strings (string literals of executable code); the
    /// generator's estimate of what a catalog's code takes must bound what the compiler really
    /// writes, and a catalog that would go past the budget gets ERRCAT011 instead of code that
    /// fails with CS8103.
    /// </summary>
    public class UserStringHeapTests
    {
        public static IEnumerable<object[]> RealCatalogs => new[]
        {
            new object[] { "codearts-req.errors.yaml" },
            new object[] { "api-gateway-error-codes-otc.txt" },
            new object[] { "auto-scaling-error-codes-otc.txt" },
            new object[] { "modelarts-error-codes-otc.txt" },
        };

        [Theory]
        [MemberData(nameof(RealCatalogs))]
        public void The_estimate_bounds_the_compiled_user_string_heap_on_every_profile(string file)
        {
            string yaml = file.EndsWith(".yaml", StringComparison.Ordinal)
                ? File.ReadAllText(ErrorTable.CatalogFile(file))
                : ErrorTable.ToYaml("Table", ErrorTable.Read(Path.Combine(AppContext.BaseDirectory, "TestData", "error-tables", file)));
            Core.Model.CatalogModel model = CatalogCompiler.Parse("/p/x.errors.yaml", yaml).Model!;
            foreach (TargetProfile profile in Enum.GetValues<TargetProfile>())
            {
                bool logging = profile == TargetProfile.Net80Logging;
                long estimate = UserStringBudget.Estimate(model, logging);
                long exact = UserStringBudget.EstimateExact(model, logging);
                Assert.InRange(exact, 1, estimate);
                GeneratorResult result = GeneratorHarness.Run(yaml, profile, "/p/x.errors.yaml");
                long actual = UserStringHeapSize(result.Output);

                // The bound that decides a refusal is not loose: within the fixed allowance and 5%.
                Assert.InRange(actual, 1, exact);
                Assert.True(exact <= UserStringBudget.FixedBytes + (actual * 1.05), $"{profile}: estimate {exact} bytes, compiled heap {actual} bytes");
            }
        }

        [Fact]
        public void Sizes_follow_the_metadata_encoding()
        {
            Assert.Equal(1 + 1, UserStringBudget.SizeOf(string.Empty));
            Assert.Equal(1 + 127, UserStringBudget.SizeOf(new string('a', 63)));       // blob 127: one length byte
            Assert.Equal(2 + 129, UserStringBudget.SizeOf(new string('a', 64)));       // blob 129: two
            Assert.Equal(2 + 0x3FFF, UserStringBudget.SizeOf(new string('a', 8191)));  // blob 0x3FFF: still two
            Assert.Equal(4 + 0x4001, UserStringBudget.SizeOf(new string('a', 8192)));  // blob 0x4001: four
        }

        [Fact]
        public void A_catalog_at_the_budget_compiles_and_one_character_more_is_refused_at_its_name()
        {
            string atBudget = CatalogOfSize(UserStringBudget.ProjectBudget, "Big");
            CatalogParseResult parsed = CatalogCompiler.Parse("/p/big.errors.yaml", atBudget);
            Assert.InRange(parsed.UserStringBytes, UserStringBudget.ProjectBudget - 1, UserStringBudget.ProjectBudget);

            GeneratorResult fits = GeneratorHarness.Run(atBudget, TargetProfile.Net80Nullable, "/p/big.errors.yaml");
            Assert.Empty(fits.GeneratorDiagnostics);
            using (var stream = new MemoryStream())
            {
                EmitResult emitted = fits.Output.Emit(stream);
                Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
                Assert.InRange(UserStringHeapSize(stream), 1, parsed.UserStringBytes);
            }

            string over = atBudget.Replace("description: \"0", "description: \"00");
            Assert.InRange(CatalogCompiler.Parse("/p/big.errors.yaml", over).UserStringBytes, UserStringBudget.ProjectBudget + 1, UserStringBudget.ProjectBudget + 2);
            GeneratorResult refused = GeneratorHarness.Run(over, TargetProfile.Net80Nullable, "/p/big.errors.yaml");
            Diagnostic diagnostic = Assert.Single(refused.GeneratorDiagnostics);
            Assert.Equal(DiagnosticIds.ResourceLimit, diagnostic.Id);
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal("/p/big.errors.yaml", diagnostic.Location.GetLineSpan().Path);
            Assert.Equal(new LinePosition(0, 9), diagnostic.Location.GetLineSpan().StartLinePosition); // the value of `catalog: Big`
            Assert.Contains("CS8103", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Empty(refused.Sources);
            Assert.Empty(refused.CompilationDiagnostics);
        }

        [Fact]
        public void What_the_check_prevents_code_past_the_heap_limit_fails_to_compile_with_CS8103()
        {
            // The emitter alone, without the generator's check: a catalog just past the hard limit
            // (plus the estimate's allowance for the helper code's literals, which take less).
            string yaml = CatalogOfSize(UserStringBudget.HeapLimit + UserStringBudget.FixedBytes + 64, "Huge");
            CatalogParseResult parsed = CatalogCompiler.Parse("/p/huge.errors.yaml", yaml);
            Assert.Single(CatalogCompiler.FindProjectConflicts(new[] { parsed }, null));
            Compilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable,
                CatalogCompiler.Emit(parsed.Model!, "Consumer.App", true, "/p/huge.errors.yaml").Select(f => f.Source).ToArray());
            using (var stream = new MemoryStream())
            {
                EmitResult emitted = compilation.Emit(stream);
                Assert.False(emitted.Success);
                Assert.Contains(emitted.Diagnostics, d => d.Id == "CS8103");
            }
        }

        [Fact]
        public void Catalogs_share_the_budget_and_the_one_that_overruns_it_generates_nothing()
        {
            long half = (UserStringBudget.ProjectBudget / 2) + 4096;
            var catalogs = new[]
            {
                new InMemoryAdditionalText("/p/b.errors.yaml", CatalogOfSize(half, "Second")),
                new InMemoryAdditionalText("/p/a.errors.yaml", CatalogOfSize(half, "First")),
                new InMemoryAdditionalText("/p/c.errors.yaml", "catalog: Small\nerrors:\n  - {code: S.1, status: 400, message: m}\n"),
            };

            GeneratorResult result = GeneratorHarness.Run(catalogs, TargetProfile.Net80Nullable);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(DiagnosticIds.ResourceLimit, diagnostic.Id);
            Assert.Equal("/p/b.errors.yaml", diagnostic.Location.GetLineSpan().Path); // the later path; a.errors.yaml keeps its code
            Assert.Contains("a.errors.yaml", diagnostic.GetMessage(), StringComparison.Ordinal);
            Assert.Contains(result.Sources, s => s.HintName.Contains("FirstErrors", StringComparison.Ordinal));
            Assert.Contains(result.Sources, s => s.HintName.Contains("SmallErrors", StringComparison.Ordinal));
            Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("SecondErrors", StringComparison.Ordinal));
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void Near_the_shared_budget_repeated_texts_count_once_only_outside_the_joined_table()
        {
            // Each catalog repeats its description as its solution, 4 MiB each. The descriptor table
            // is one literal, so a repeated text takes its room twice (8 MiB a catalog): two catalogs
            // overrun the 15 MiB. A catalog whose texts use every candidate separator gets one literal
            // per text instead, which the compiler stores once each (4 MiB): then both fit.
            string Repeating(string name, bool everySeparator)
            {
                string text = new string('r', 2 * 1024 * 1024 - 64) + name;
                string controls = everySeparator ? "\n  - code: " + name + ".2\n    status: 400\n    message: m2\n    description: \"" + string.Concat(Enumerable.Range(1, 31).Select(c => "\\x" + c.ToString("X2"))) + "\"" : string.Empty;
                return "catalog: " + name + "\nerrors:\n  - code: " + name + ".1\n    status: 400\n    message: m\n    description: " + text + "\n    solution: " + text + controls + "\n";
            }

            CatalogParseResult joined = CatalogCompiler.Parse("/p/a.errors.yaml", Repeating("First", false));
            Assert.Equal('\u001F', DescriptorTable.Separator(joined.Model!));
            Assert.InRange(UserStringBudget.EstimateExact(joined.Model!), 8L * 1024 * 1024, 8L * 1024 * 1024 + UserStringBudget.FixedBytes);
            CatalogParseResult perText = CatalogCompiler.Parse("/p/a.errors.yaml", Repeating("First", true));
            Assert.Null(DescriptorTable.Separator(perText.Model!));
            Assert.True(perText.UserStringBytes > UserStringBudget.ProjectBudget / 2);
            Assert.True(UserStringBudget.EstimateExact(perText.Model!) < UserStringBudget.ProjectBudget / 3);

            foreach (bool everySeparator in new[] { false, true })
            {
                var catalogs = new[]
                {
                    new InMemoryAdditionalText("/p/a.errors.yaml", Repeating("First", everySeparator)),
                    new InMemoryAdditionalText("/p/b.errors.yaml", Repeating("Second", everySeparator)),
                };
                GeneratorResult result = GeneratorHarness.Run(catalogs, TargetProfile.Net80Nullable);
                Assert.Contains(result.Sources, s => s.HintName.Contains("FirstErrors", StringComparison.Ordinal));
                if (everySeparator)
                {
                    Assert.Empty(result.GeneratorDiagnostics);
                    Assert.Contains(result.Sources, s => s.HintName.Contains("SecondErrors", StringComparison.Ordinal));
                }
                else
                {
                    Assert.Equal(DiagnosticIds.ResourceLimit, Assert.Single(result.GeneratorDiagnostics).Id);
                    Assert.DoesNotContain(result.Sources, s => s.HintName.Contains("SecondErrors", StringComparison.Ordinal));
                }
            }
        }

        /// <summary>A catalog of a few entries with long, distinct descriptions whose exact estimate is the given size (or one byte less).</summary>
        private static string CatalogOfSize(long bytes, string name)
        {
            const int entries = 8;
            string Yaml(int lastLength)
            {
                var yaml = new StringBuilder("catalog: ").Append(name).Append("\nerrors:\n");
                int length = (int)(bytes / (2 * entries)) - 1024;
                for (int i = 0; i < entries; i++)
                {
                    int size = i == entries - 1 ? lastLength : length;
                    yaml.Append("  - code: B.").Append(i).Append("\n    status: 400\n    message: m").Append(i)
                        .Append("\n    description: \"").Append((char)('0' + (i % 10))).Append(new string('d', size)).Append("\"\n");
                }

                return yaml.ToString();
            }

            long withEmptyLast = UserStringBudget.EstimateExact(CatalogCompiler.Parse("/p/size.errors.yaml", Yaml(0)).Model!);
            long missing = bytes - withEmptyLast;

            // The texts are one long literal (DescriptorTable): 2 bytes more per character.
            string result = Yaml((int)(missing / 2));
            Assert.Equal(string.Empty, string.Concat(CatalogCompiler.Parse("/p/size.errors.yaml", result).Diagnostics));
            return result;
        }

        private static long UserStringHeapSize(Compilation compilation)
        {
            using (var stream = new MemoryStream())
            {
                EmitResult emitted = compilation.Emit(stream);
                Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics));
                return UserStringHeapSize(stream);
            }
        }

        private static long UserStringHeapSize(MemoryStream image)
        {
            image.Position = 0;
            using (var reader = new PEReader(image, PEStreamOptions.LeaveOpen))
            {
                return reader.GetMetadataReader().GetHeapSize(HeapIndex.UserString);
            }
        }
    }
}
