using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// ERRCAT103: a call to a member that a framework integration would generate, in a project that cannot see the
    /// framework, gets a diagnostic at the call naming what to reference, beside the compiler's bare CS1061/CS0117.
    /// Calls of other members, and calls of the same names on other types, get nothing.
    /// </summary>
    public class MissingIntegrationTests
    {
        private static CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier> Test(string source)
        {
            var test = new CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier> { TestCode = source, ReferenceAssemblies = AnalyzerTestSetup.References };
            AnalyzerTestSetup.AddRootNamespace(test.TestState);
            AnalyzerTestSetup.AddCatalog(test.TestState, "/catalog/codearts-req.errors.yaml", AnalyzerTestSetup.CodeArtsYaml);
            return test;
        }

        [Fact]
        public async Task Calls_of_integration_members_name_the_framework_that_turns_them_on()
        {
            const string source = @"using HuaweiCloud.CodeArtsReq;
class C
{
    object Rpc(CodeArtsReqNotFoundException e) => e.{|#0:ToRpcException|}();
    object Back(System.Exception e) => CodeArtsReqException.{|#1:FromRpcException|}(e);
    object Result() => CodeArtsReqErrors.ResourceNotFound.{|#2:ToResult|}();
    void Other(Other o) { o.{|#3:ToRpcException|}(); }
}
class Other { }
";
            var test = Test(source);
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1061").WithLocation(0).WithArguments("HuaweiCloud.CodeArtsReq.CodeArtsReqNotFoundException", "ToRpcException"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(MissingIntegrationAnalysis.Descriptor).WithLocation(0).WithArguments("ToRpcException", "CodeArtsReq", "the packages Grpc.Core.Api and Grpc.StatusProto"));
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS0117").WithLocation(1).WithArguments("HuaweiCloud.CodeArtsReq.CodeArtsReqException", "FromRpcException"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(MissingIntegrationAnalysis.Descriptor).WithLocation(1).WithArguments("FromRpcException", "CodeArtsReq", "the packages Grpc.Core.Api and Grpc.StatusProto"));
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1061").WithLocation(2).WithArguments("HuaweiCloud.CodeArtsReq.CodeArtsReqError", "ToResult"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(MissingIntegrationAnalysis.Descriptor).WithLocation(2).WithArguments("ToResult", "CodeArtsReq", "ASP.NET Core 8 or later (the Web SDK, or <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />)"));
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1061").WithLocation(3).WithArguments("Other", "ToRpcException"));
            await test.RunAsync();
        }

        [Fact]
        public async Task An_extension_call_is_recognised_by_its_catalog_argument()
        {
            const string source = @"using HuaweiCloud.CodeArtsReq;
class C
{
    void Map(Builder b) { b.{|#0:ProducesErrors|}(CodeArtsReqErrors.ResourceNotFound); b.{|#1:ProducesErrors|}(1); }
}
class Builder { }
";
            var test = Test(source);
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1061").WithLocation(0).WithArguments("Builder", "ProducesErrors"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(MissingIntegrationAnalysis.Descriptor).WithLocation(0).WithArguments("ProducesErrors", "CodeArtsReq", "the package Microsoft.AspNetCore.OpenApi (.NET 9 or later)"));
            test.ExpectedDiagnostics.Add(DiagnosticResult.CompilerError("CS1061").WithLocation(1).WithArguments("Builder", "ProducesErrors"));
            await test.RunAsync();
        }
    }
}
