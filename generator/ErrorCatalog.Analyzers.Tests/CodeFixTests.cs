using System.Threading.Tasks;
using ErrorCatalog.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    public class CodeFixTests
    {
        private static CSharpCodeFixTest<ErrorCodeAnalyzer, ErrorCodeCodeFixProvider, DefaultVerifier> Create(string source, string fixedSource)
        {
            var test = new CSharpCodeFixTest<ErrorCodeAnalyzer, ErrorCodeCodeFixProvider, DefaultVerifier>
            {
                TestCode = source,
                FixedCode = fixedSource,
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            AnalyzerTestSetup.AddRootNamespace(test.TestState);
            AnalyzerTestSetup.AddCatalog(test.TestState, "/catalog/codearts-req.errors.yaml", AnalyzerTestSetup.CodeArtsYaml);
            AnalyzerTestSetup.AddRootNamespace(test.FixedState);
            AnalyzerTestSetup.AddCatalog(test.FixedState, "/catalog/codearts-req.errors.yaml", AnalyzerTestSetup.CodeArtsYaml);
            return test;
        }

        [Fact]
        public async Task Unknown_code_is_replaced_by_the_first_suggestion()
        {
            var test = Create(
                "class C { string M() => \"Error {|ERRCAT100:PM.02175209|} again\"; }",
                "class C { string M() => \"Error PM.02175200 again\"; }");
            test.FixedState.ExpectedDiagnostics.Clear();
            await test.RunAsync();
        }

        [Fact]
        public async Task Each_candidate_is_its_own_fix()
        {
            var test = Create(
                "class C { string M() => @\"{|ERRCAT100:PM.02175209|}\"; }",
                "class C { string M() => @\"PM.02175202\"; }");
            test.CodeActionIndex = 2;
            test.CodeActionEquivalenceKey = "ERRCAT100:PM.02175202";
            test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult(ErrorCodeAnalyzer.UseConstant).WithSpan(1, 25, 1, 39).WithArguments("PM.02175202", "CodeArtsReqErrorCodes.PlanStartAfterDueDate"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData(0, "PM.02152002")]
        [InlineData(1, "PM.02153001")]
        public async Task Each_tied_code_is_offered(int index, string code)
        {
            var test = Create(
                "class C { string M() => \"Error {|ERRCAT100:PM.02153002|}\"; }",
                $"class C {{ string M() => \"Error {code}\"; }}");
            test.CodeActionIndex = index;
            test.CodeActionEquivalenceKey = "ERRCAT100:" + code;
            test.FixedState.ExpectedDiagnostics.Clear();
            await test.RunAsync();
        }

        [Fact]
        public async Task Literal_is_replaced_by_the_constant_simplified_by_a_using()
        {
            var test = Create(
                "using HuaweiCloud.CodeArtsReq;\nclass C { string M() => {|ERRCAT101:\"PM.02175005\"|}; }",
                "using HuaweiCloud.CodeArtsReq;\nclass C { string M() => CodeArtsReqErrorCodes.ResourceNotFound; }");
            await test.RunAsync();
        }

        [Fact]
        public async Task Literal_is_replaced_by_the_qualified_constant_without_a_using()
        {
            var test = Create(
                "class C { const string Code = {|ERRCAT101:\"PM.02175005\"|}; }",
                "class C { const string Code = HuaweiCloud.CodeArtsReq.CodeArtsReqErrorCodes.ResourceNotFound; }");
            await test.RunAsync();
        }

        [Fact]
        public async Task A_reference_catalog_fix_writes_the_referenced_library_constant()
        {
            // The library's catalog names no namespace: its types are in the library's root namespace,
            // which the reference item carries (ErrorCatalogRootNamespace), not in this project's.
            const string yaml = "catalog: Svc\nerrors:\n  - {code: SV.1001, status: 404, message: Not found.}\n";
            var test = new CSharpCodeFixTest<ErrorCodeAnalyzer, ErrorCodeCodeFixProvider, DefaultVerifier>
            {
                TestCode = "class C { string M() => {|ERRCAT101:\"SV.1001\"|}; }",
                FixedCode = "class C { string M() => Contoso.Errors.SvcErrorCodes.NotFound; }",
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            foreach (SolutionState state in new[] { test.TestState, test.FixedState })
            {
                AnalyzerTestSetup.AddReferenceCatalog(state, "/lib/svc.errors.yaml", yaml, "Contoso.Errors");
            }

            await test.RunAsync();
        }

        [Fact]
        public async Task Case_labels_take_the_constant_too()
        {
            var test = Create(
                "using HuaweiCloud.CodeArtsReq;\nclass C { int M(string c) { switch (c) { case {|ERRCAT101:\"PM.10001002\"|}: return 1; default: return 0; } } }",
                "using HuaweiCloud.CodeArtsReq;\nclass C { int M(string c) { switch (c) { case CodeArtsReqErrorCodes.InvalidToken: return 1; default: return 0; } } }");
            await test.RunAsync();
        }
    }
}
