using System.Threading.Tasks;
using ErrorCatalog.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>ERRCAT102: a literal that is a deprecated code, and its fix to the replacement.</summary>
    public class DeprecationTests
    {
        private const string Yaml =
            "catalog: Svc\nnamespace: Contoso.Svc\nerrors:\n" +
            "  - {code: SV.1001, status: 404, name: OldNotFound, message: Not found., deprecated: Merged into SV.1002, replacedBy: SV.1002}\n" +
            "  - {code: SV.1002, status: 404, name: NotFound, message: Resource not found.}\n" +
            "  - {code: SV.1003, status: 410, name: Gone, message: Gone., deprecated: true}\n";

        private static void Setup(SolutionState state)
        {
            AnalyzerTestSetup.AddRootNamespace(state);
            AnalyzerTestSetup.AddCatalog(state, "/catalog/svc.errors.yaml", Yaml);
        }

        private static Task RunFix(string source, string fixedSource)
        {
            var test = new CSharpCodeFixTest<ErrorCodeAnalyzer, ErrorCodeCodeFixProvider, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            Setup(test.TestState);
            Setup(test.FixedState);
            return test.RunAsync();
        }

        private static DiagnosticResult Deprecated(int location, string code, string tail)
            => new DiagnosticResult(ErrorCodeAnalyzer.DeprecatedCode).WithLocation(location).WithArguments(code, tail);

        [Fact]
        public async Task Deprecated_codes_are_flagged_with_reason_and_replacement_instead_of_ERRCAT101()
        {
            var test = new CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier>
            {
                TestCode = "class C { string A => {|#0:\"SV.1001\"|}; string B => {|#1:\"SV.1003\"|}; string D => {|#2:\"SV.1002\"|}; System.ReadOnlySpan<byte> U => {|#3:\"SV.1001\"u8|}; }",
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            Setup(test.TestState);
            test.ExpectedDiagnostics.Add(Deprecated(0, "SV.1001", ": Merged into SV.1002; use SvcErrorCodes.NotFound ('SV.1002')"));
            test.ExpectedDiagnostics.Add(Deprecated(1, "SV.1003", string.Empty));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(ErrorCodeAnalyzer.UseConstant).WithLocation(2).WithArguments("SV.1002", "SvcErrorCodes.NotFound"));
            test.ExpectedDiagnostics.Add(Deprecated(3, "SV.1001", ": Merged into SV.1002; use SvcErrorCodes.NotFound ('SV.1002')"));
            await test.RunAsync();
        }

        [Fact]
        public async Task The_fix_writes_the_replacement_constant()
        {
            await RunFix(
                "using Contoso.Svc;\nclass C { bool M(string c) => c == {|ERRCAT102:\"SV.1001\"|}; }",
                "using Contoso.Svc;\nclass C { bool M(string c) => c == SvcErrorCodes.NotFound; }");
        }

        [Fact]
        public async Task In_a_UTF8_literal_the_fix_writes_the_replacement_code()
        {
            await RunFix(
                "class C { System.ReadOnlySpan<byte> U => {|ERRCAT102:\"SV.1001\"u8|}; }",
                "class C { System.ReadOnlySpan<byte> U => \"SV.1002\"u8; }");
        }

        [Fact]
        public async Task Without_a_replacement_there_is_no_fix()
        {
            await RunFix(
                "class C { string M() => {|ERRCAT102:\"SV.1003\"|}; }",
                "class C { string M() => {|ERRCAT102:\"SV.1003\"|}; }");
        }
    }
}
