using System.Collections.Generic;
using System.Threading.Tasks;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Parsing;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// The analyzer sees what the generator sees: the same settings (root namespace, limits) and only
    /// the catalogs the generator generates. A refused catalog offers no constant, so no fix writes
    /// code that does not compile.
    /// </summary>
    public class AnalyzerSettingsTests
    {
        private const string KnownLiteral = "class C { string M() => \"PM.02175005\"; }";

        private static CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier> Test(string source, string properties, bool withGeneratedCode)
        {
            var test = new CSharpAnalyzerTest<ErrorCodeAnalyzer, DefaultVerifier>
            {
                TestCode = source,
                ReferenceAssemblies = AnalyzerTestSetup.References,
            };
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.RootNamespace = {AnalyzerTestSetup.RootNamespace}\n{properties}"));
            if (withGeneratedCode)
            {
                AnalyzerTestSetup.AddCatalog(test.TestState, "/catalog/codearts-req.errors.yaml", AnalyzerTestSetup.CodeArtsYaml);
            }
            else
            {
                // What the generator leaves when it refuses the catalog: the YAML and no generated code.
                test.TestState.AdditionalFiles.Add(("/catalog/codearts-req.errors.yaml", AnalyzerTestSetup.CodeArtsYaml));
            }

            return test;
        }

        [Fact]
        public async Task A_catalog_over_the_entry_limit_offers_no_constant_and_flags_nothing()
        {
            // The generator refuses the 54-entry catalog (ERRCAT011) under a limit of 53: nothing to suggest.
            var test = Test(KnownLiteral + "\nclass D { string M() => \"PM.02175209\"; }", "build_property.ErrorCatalogMaxEntries = 53\n", withGeneratedCode: false);
            await test.RunAsync();
        }

        [Fact]
        public async Task A_catalog_at_the_entry_limit_offers_its_constants()
        {
            var test = Test("class C { string M() => {|#0:\"PM.02175005\"|}; }", "build_property.ErrorCatalogMaxEntries = 54\n", withGeneratedCode: true);
            test.ExpectedDiagnostics.Add(new DiagnosticResult(ErrorCodeAnalyzer.UseConstant).WithLocation(0).WithArguments("PM.02175005", "CodeArtsReqErrorCodes.ResourceNotFound"));
            await test.RunAsync();
        }

        [Fact]
        public async Task A_catalog_over_the_file_size_limit_offers_no_constant()
        {
            var test = Test(KnownLiteral, "build_property.ErrorCatalogMaxFileChars = 1000\n", withGeneratedCode: false);
            await test.RunAsync();
        }

        [Fact]
        public async Task Of_two_catalogs_with_one_identity_only_the_generated_one_is_indexed()
        {
            // Both define CodeArtsReq in HuaweiCloud.CodeArtsReq; the generator keeps the first by path
            // (ERRCAT010 on the second), so the second's codes are unknown, not constants that do not exist.
            var test = Test("class C { string M() => \"{|#0:PM.77777777|}\"; }", string.Empty, withGeneratedCode: true);
            test.TestState.AdditionalFiles.Add(("/catalog/zz-copy.errors.yaml", "catalog: CodeArtsReq\nnamespace: HuaweiCloud.CodeArtsReq\nerrors:\n  - {code: PM.77777777, status: 400, message: Copy.}\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(ErrorCodeAnalyzer.UnknownCode).WithLocation(0).WithArguments("PM.77777777", "CodeArtsReq", string.Empty));
            await test.RunAsync();
        }

        [Fact]
        public async Task An_owned_catalog_shadows_a_reference_catalog_of_the_same_identity()
        {
            // The reference copy has one more code; shadowed by the owned catalog, that code is unknown
            // here rather than a constant of a type this project's own catalog replaces.
            var test = Test("class C { string M() => \"{|#0:PM.02175999|}\"; }", string.Empty, withGeneratedCode: true);
            string copy = AnalyzerTestSetup.CodeArtsYaml.TrimEnd() + "\n  - code: PM.02175999\n    status: 400\n    message: Only in the library's copy.\n";
            test.TestState.AdditionalFiles.Add(("/lib/codearts-req.errors.yaml", copy));
            test.TestState.AnalyzerConfigFiles.Add(("/lib.globalconfig", "is_global = true\nglobal_level = 1\n\n[/lib/codearts-req.errors.yaml]\nbuild_metadata.AdditionalFiles.ErrorCatalogReference = true\nbuild_metadata.AdditionalFiles.ErrorCatalogRootNamespace = Lib\n"));
            test.ExpectedDiagnostics.Add(new DiagnosticResult(ErrorCodeAnalyzer.UnknownCode).WithLocation(0)
                .WithArguments("PM.02175999", "CodeArtsReq", string.Empty));
            await test.RunAsync();
        }

        [Fact]
        public void Settings_are_read_as_the_generator_reads_them()
        {
            var values = new Dictionary<string, string>
            {
                [ProjectSettings.RootNamespaceKey] = "  My.App ",
                [ProjectSettings.MaxEntriesKey] = "300000",
                [ProjectSettings.MaxFileCharsKey] = "-5",
            };
            ProjectSettings settings = ProjectSettings.Read(key => values.TryGetValue(key, out string? v) ? v : null);
            Assert.Equal("My.App", settings.RootNamespace);
            Assert.Equal(300000, settings.Limits.MaxEntries);
            Assert.Equal(CatalogLimits.DefaultMaxFileChars, settings.Limits.MaxFileChars);
            Assert.Equal(ProjectSettings.Default, ProjectSettings.Read(_ => null));
        }

        [Fact]
        public void Raised_limits_admit_what_the_defaults_refuse()
        {
            string yaml = AnalyzerTestSetup.CodeArtsYaml;
            var low = new ProjectSettings(null, new CatalogLimits(CatalogLimits.DefaultMaxFileChars, 10));
            var raised = new ProjectSettings(null, new CatalogLimits(CatalogLimits.DefaultMaxFileChars, 54));
            Assert.Empty(low.UsableCatalogs(new[] { CatalogCompiler.Parse("/c.errors.yaml", yaml, low.Limits) }));
            Assert.Single(raised.UsableCatalogs(new[] { CatalogCompiler.Parse("/c.errors.yaml", yaml, raised.Limits) }));
        }
    }
}
