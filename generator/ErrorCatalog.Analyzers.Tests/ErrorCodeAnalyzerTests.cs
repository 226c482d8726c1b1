using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    public class ErrorCodeAnalyzerTests
    {
        private static Task Verify(string source, params DiagnosticResult[] expected)
            => Verify(source, includeGateway: false, expected);

        private static Task Verify(string source, bool includeGateway, params DiagnosticResult[] expected)
        {
            var test = new CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            AnalyzerTestSetup.AddRootNamespace(test.TestState);
            AnalyzerTestSetup.AddCatalog(test.TestState, "/catalog/codearts-req.errors.yaml", AnalyzerTestSetup.CodeArtsYaml);
            if (includeGateway)
            {
                AnalyzerTestSetup.AddCatalog(test.TestState, "/catalog/gateway.errors.yml", AnalyzerTestSetup.GatewayYaml);
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test.RunAsync();
        }

        /// <summary>ERRCAT100 with the did-you-mean list: every code at the smallest distance, in catalog order, up to three.</summary>
        private static DiagnosticResult Unknown(int location, string code, string catalog, params string[] suggestions)
            => new DiagnosticResult(ErrorCodeAnalyzer.UnknownCode).WithLocation(location)
                .WithArguments(code, catalog, suggestions.Length switch
                {
                    0 => string.Empty,
                    1 => $"; did you mean '{suggestions[0]}'?",
                    2 => $"; did you mean '{suggestions[0]}' or '{suggestions[1]}'?",
                    _ => $"; did you mean '{suggestions[0]}', '{suggestions[1]}' or '{suggestions[2]}'?",
                });

        private static DiagnosticResult UseConstant(int location, string code, string member)
            => new DiagnosticResult(ErrorCodeAnalyzer.UseConstant).WithLocation(location).WithArguments(code, "CodeArtsReqErrorCodes." + member);

        [Fact]
        public async Task Regular_literal_with_a_near_miss_gets_every_nearest_code_up_to_three()
        {
            const string source = "class C { string M() => \"{|#0:PM.02175209|}\"; }";
            await Verify(source, Unknown(0, "PM.02175209", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"));
        }

        [Fact]
        public async Task The_squiggle_covers_only_the_token_inside_a_sentence()
        {
            const string source = "class C { string M() => \"Got error {|#0:PM.0217520|}. Retry.\"; }";
            await Verify(source, Unknown(0, "PM.0217520", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"));
        }

        [Fact]
        public async Task Codes_that_tie_are_all_named_in_catalog_order()
        {
            // One edit from PM.02152002 and from PM.02153001; two from PM.02150302 and others.
            const string source = "class C { string M() => \"{|#0:PM.02153002|}\"; }";
            await Verify(source, Unknown(0, "PM.02153002", "CodeArtsReq", "PM.02152002", "PM.02153001"));
        }

        [Fact]
        public async Task A_code_far_from_every_known_code_gets_no_suggestion()
        {
            const string source = "class C { string M() => \"{|#0:PM.99999999999|}\"; }";
            await Verify(source, Unknown(0, "PM.99999999999", "CodeArtsReq"));
        }

        [Fact]
        public async Task Every_literal_form_is_checked()
        {
            const string source = @"
using System;
[AttributeUsage(AttributeTargets.All)] class CodeAttribute : Attribute { public CodeAttribute(string code) { } }

[Code(""{|#0:PM.0215001|}"")]
class C
{
    const string Constant = ""{|#1:PM.0215001|}"";
    string Verbatim = @""{|#2:PM.0215001|}"";
    string Raw = """"""{|#3:PM.0215001|}"""""";
    string MultiRaw = """"""
        see {|#4:PM.0215001|}
        """""";
    ReadOnlySpan<byte> Utf8 => ""{|#5:PM.0215001|}""u8;
    string Interpolated(int n) => $""code {n}: {|#6:PM.0215001|}"";
    string Switch(string code) => code switch { ""{|#7:PM.0215001|}"" => ""a"", _ => ""b"" };
    int Case(string code) { switch (code) { case ""{|#8:PM.0215001|}"": return 1; default: return 0; } }
}";
            var expected = new DiagnosticResult[9];
            for (int i = 0; i < expected.Length; i++)
            {
                expected[i] = Unknown(i, "PM.0215001", "CodeArtsReq", "PM.02150010", "PM.02150301", "PM.02151001");
            }

            await Verify(source, expected);
        }

        [Theory]
        [InlineData("5 PM.")]
        [InlineData("PM.NET")]
        [InlineData("XPM.02175200")]
        [InlineData("pm.02175200")]
        [InlineData("x.PM.02175200")]
        [InlineData("PM-02175200")]
        [InlineData("see PM.02175200, it is known")]
        [InlineData("")]
        public async Task Strings_that_merely_resemble_a_code_are_never_flagged(string text)
        {
            await Verify($"class C {{ string M() => \"{text}\"; }}");
        }

        [Fact]
        public async Task A_literal_that_is_exactly_a_known_code_suggests_the_constant()
        {
            const string source = "class C { string M() => {|#0:\"PM.02175005\"|}; }";
            await Verify(source, UseConstant(0, "PM.02175005", "ResourceNotFound"));
        }

        [Fact]
        public async Task Known_codes_in_utf8_or_interpolated_text_get_nothing()
        {
            const string source = "class C { System.ReadOnlySpan<byte> U => \"PM.02175005\"u8; string I(int n) => $\"PM.02175005 {n}\"; }";
            await Verify(source);
        }

        [Fact]
        public async Task Escapes_in_the_literal_put_the_squiggle_on_the_whole_literal()
        {
            const string source = "class C { string M() => {|#0:\"\\u0050M.0217520\"|}; }";
            await Verify(source, Unknown(0, "PM.0217520", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"));
        }

        [Fact]
        public async Task Several_catalogs_are_checked_each_by_its_own_prefixes()
        {
            const string source = @"class C
{
    string A = ""{|#0:APIG.0103|}"";
    string B = ""{|#1:APIC.721|}"";
    string D = ""{|#2:PM.0217520|}"";
    string Known = ""APIG.0101 and PM.02175200"";
}";
            await Verify(source, includeGateway: true,
                Unknown(0, "APIG.0103", "Gateway", "APIG.0101", "APIG.0102"),
                Unknown(1, "APIC.721", "Gateway", "APIC.7211"),
                Unknown(2, "PM.0217520", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"));
        }

        [Fact]
        public async Task Codes_outside_strings_are_ignored_and_each_token_of_a_literal_is_reported_once()
        {
            const string source = @"
// PM.0217520 in a comment
/// <summary>PM.0217520 in a doc comment</summary>
class C
{
#if NEVER
    string Disabled = ""PM.0217520"";
#endif
    char Dot = '.';
    double D = 1.5;
    /* PM.0217520 */ string Two = ""{|#0:PM.0217520|} then {|#1:PM.0215001|}."";
    string Interpolated(int n) => $""{n}{|#2:PM.0217520|}{n} and {|#3:PM.0217520|}"";
}";
            await Verify(source,
                Unknown(0, "PM.0217520", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"),
                Unknown(1, "PM.0215001", "CodeArtsReq", "PM.02150010", "PM.02150301", "PM.02151001"),
                Unknown(2, "PM.0217520", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"),
                Unknown(3, "PM.0217520", "CodeArtsReq", "PM.02175200", "PM.02175201", "PM.02175202"));
        }

        [Fact]
        public async Task Generated_code_is_not_analyzed()
        {
            const string source = "// <auto-generated/>\nclass C { string M() => \"PM.0217520 and PM.02175005\"; }";
            await Verify(source);
        }

        [Fact]
        public async Task A_project_without_catalogs_gets_no_diagnostics()
        {
            var test = new CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier>
            {
                TestCode = "class C { string M() => \"PM.0217520\"; }",
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            test.TestState.AdditionalFiles.Add(("/other.yaml", "catalog: NotACatalogFile\nerrors:\n  - {code: PM.1, status: 400, message: m}\n"));
            await test.RunAsync();
        }
    }
}
