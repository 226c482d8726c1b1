using System;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>The wider catalog grammar that real tables need.</summary>
    public class GrammarTests
    {
        [Fact]
        public void Yaml_scalar_styles_keep_their_exact_text()
        {
            string longLine = string.Concat(Enumerable.Repeat("long words ", 400)).TrimEnd();
            string yaml = "catalog: Styles\nerrors:\n"
                + "  - code: AS.0001\n    status: 100\n    message: 'Colon: inside, and # hash'\n    description: \"Quotes \\\"double\\\" and 'single'\"\n    solution: '*star and &amp leading'\n"
                + "  - code: SVCSTG.CCE-ADDONMGR.4000003\n    status: 204\n    message: |\n      Line one {0}\n      line two\n    description: >\n      Folded\n      text\n    solution: plain text with 'quotes' and trailing colon:x\n"
                + $"  - code: ModelArts.4902\n    status: 599\n    message: {longLine}\n";
            CatalogParseResult result = CatalogCompiler.Parse("styles.errors.yaml", yaml);
            // 1xx-3xx statuses are read as written; each draws a warning at its value (they are not error statuses).
            Assert.Equal(new[] { ("ERRCAT021", 4, 13), ("ERRCAT021", 9, 13) }, result.Diagnostics.Select(d => (d.Id, d.Span.DisplayLine, d.Span.DisplayColumn)));
            ErrorEntry[] entries = result.Model!.Entries.ToArray();
            Assert.Equal("Colon: inside, and # hash", entries[0].MessageTemplate);
            Assert.Equal("Quotes \"double\" and 'single'", entries[0].Description);
            Assert.Equal("*star and &amp leading", entries[0].Solution);
            Assert.Equal("Line one {0}\nline two\n", entries[1].MessageTemplate);
            Assert.Equal("Folded text\n", entries[1].Description);
            Assert.Equal("plain text with 'quotes' and trailing colon:x", entries[1].Solution);
            Assert.Equal(longLine, entries[2].MessageTemplate);
            Assert.Equal(new[] { 100, 204, 599 }, entries.Select(e => e.HttpStatus));
        }

        [Theory]
        [InlineData(TargetProfile.Net80Nullable)]
        [InlineData(TargetProfile.NetStandard20CSharp73)]
        public void Several_code_prefixes_live_in_one_catalog(TargetProfile profile)
        {
            // .NET 8+ looks codes up in a FrozenDictionary, netstandard2.0 in a Dictionary.
            string yaml = "catalog: Mixed\nerrors:\n  - {code: APIG.0101, status: 400, message: a}\n  - {code: APIC.7211, status: 401, message: b}\n  - {code: AS.0001, status: 500, message: c}\n";
            GeneratorResult result = GeneratorHarness.Run(yaml, profile);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            MethodInfo status = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.MixedErrors")!.GetMethod("GetHttpStatus")!;
            Assert.Equal(new int?[] { 400, 401, 500, null, null }, new[] { "APIG.0101", "APIC.7211", "AS.0001", "APIC.721", "as.0001" }.Select(code => (int?)status.Invoke(null, new object[] { code })));
        }

        [Fact]
        public void Named_placeholders_give_one_parameter_per_distinct_name_with_keywords_escaped()
        {
            string yaml = "catalog: Named\nerrors:\n  - code: N.1\n    status: 409\n    message: 'Item {id} of {class}: {reason} (again {id}, {id,4})'\n";
            GeneratorResult result = GeneratorHarness.Run(yaml);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("public static string FormatItemOfAgain(object? id, object? @class, object? reason)", result.Source("NamedErrors.g.cs"));

            Assembly assembly = GeneratedCodeTests.Load(result.Output);
            MethodInfo format = assembly.GetType("Consumer.App.NamedErrors")!.GetMethod("FormatItemOfAgain")!;
            Assert.Equal(new[] { "id", "class", "reason" }, format.GetParameters().Select(p => p.Name));
            Assert.Equal("Item 7 of Order: gone (again 7,    7)", format.Invoke(null, new object[] { 7, "Order", "gone" }));

            object descriptor = assembly.GetType("Consumer.App.NamedErrors")!.GetProperty("ItemOfAgain")!.GetValue(null)!;
            Assert.Equal(3, descriptor.GetType().GetProperty("ParameterCount")!.GetValue(descriptor));
            Assert.Equal("Item 7 of Order: gone (again 7,    7)", descriptor.GetType().GetMethod("Format")!.Invoke(descriptor, new object[] { new object[] { 7, "Order", "gone" } }));
        }

        [Fact]
        public void Parameters_name_indexed_placeholders_and_escape_keywords()
        {
            string yaml = "catalog: Params\nerrors:\n  - code: P.1\n    status: 400\n    name: Bad\n    message: '{1} then {0}'\n    parameters: [event, value]\n";
            GeneratorResult result = GeneratorHarness.Run(yaml, TargetProfile.NetStandard20CSharp73);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("public static string FormatBad(object @event, object value)", result.Source("ParamsErrors.g.cs"));
            Assert.Contains("return Compose(\"\", value, \" then \", @event, \"\");", result.Source("ParamsErrors.g.cs"));
            MethodInfo format = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.ParamsErrors")!.GetMethod("FormatBad")!;
            Assert.Equal("2 then 1", format.Invoke(null, new object[] { 1, 2 }));
        }

        [Theory]
        [MemberData(nameof(GeneratedCodeTests.Profiles), MemberType = typeof(GeneratedCodeTests))]
        public void Parameters_named_like_the_formatter_helpers_do_not_hide_them(TargetProfile profile)
        {
            string yaml = "catalog: Hide\nerrors:\n"
                + "  - {code: H.1, status: 400, name: Plain, message: 'a {0} b {1}', parameters: [Compose, WriteText]}\n"
                + "  - {code: H.2, status: 400, name: Aligned, message: '[{0,4}] {1}', parameters: [FormatArgument, Finish]}\n"
                + "  - {code: H.3, status: 400, name: Other, message: 'x {0}', parameters: [WriteValue]}\n";
            GeneratorResult result = GeneratorHarness.Run(yaml, profile);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Contains("global::Consumer.App.HideErrors.Compose(", result.Source("HideErrors.g.cs"));
            Type errors = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.HideErrors")!;
            Assert.Equal("a 1 b 2", errors.GetMethod("FormatPlain")!.Invoke(null, new object[] { 1, 2 }));
            Assert.Equal("[   1] 2", errors.GetMethod("FormatAligned")!.Invoke(null, new object[] { 1, 2 }));
            Assert.Equal("x 5", errors.GetMethod("FormatOther")!.Invoke(null, new object[] { 5 }));
        }

        [Fact]
        public void Several_catalogs_in_one_project_each_get_their_types()
        {
            var files = new Microsoft.CodeAnalysis.AdditionalText[]
            {
                new InMemoryAdditionalText("/p/a.errors.yaml", "catalog: One\nerrors:\n  - {code: A.1, status: 404, message: m}\n"),
                new InMemoryAdditionalText("/p/sub/b.errors.yml", "catalog: Two\nnamespace: Other.Place\nerrors:\n  - {code: A.1, status: 404, message: m}\n"),
            };
            GeneratorResult result = GeneratorHarness.Run(files, TargetProfile.Net80Nullable);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            Assert.Equal(
                new[] { "Consumer.App.OneErrorCodes.g.cs", "Consumer.App.OneErrors.g.cs", "Consumer.App.OneException.Http.g.cs", "Consumer.App.OneException.Tracing.g.cs", "Consumer.App.OneException.g.cs", "Consumer.App.OneValidationException.g.cs", "Other.Place.TwoErrorCodes.g.cs", "Other.Place.TwoErrors.g.cs", "Other.Place.TwoException.Http.g.cs", "Other.Place.TwoException.Tracing.g.cs", "Other.Place.TwoException.g.cs", "Other.Place.TwoValidationException.g.cs" },
                result.Sources.Select(s => s.HintName).OrderBy(h => h, StringComparer.Ordinal));
        }
    }
}
