using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Lookup;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    public class AnalyzerInfrastructureTests
    {
        [Fact]
        public void Descriptors_agree_with_the_core_table_and_the_release_file()
        {
            var analyzer = new ErrorCodeAnalyzer();
            Assert.Equal(DiagnosticIds.AnalyzerDiagnostics.Select(i => i.Id), analyzer.SupportedDiagnostics.Select(d => d.Id));
            string unshipped = File.ReadAllText(Path.Combine(Root(), "generator", "ErrorCatalog.Analyzers", "AnalyzerReleases.Unshipped.md"));
            foreach (DiagnosticDescriptor descriptor in analyzer.SupportedDiagnostics)
            {
                DiagnosticInfo info = DiagnosticIds.Get(descriptor.Id);
                Assert.Equal(info.Title, descriptor.Title.ToString());
                Assert.Equal(info.DefaultSeverity.ToString(), descriptor.DefaultSeverity.ToString());
                Assert.Equal(info.HelpLink ?? string.Empty, descriptor.HelpLinkUri);
                Assert.True(File.Exists(Path.Combine(Root(), "docs", "diagnostics", descriptor.Id + ".md")));
                Assert.Contains($"{descriptor.Id} | {DiagnosticIds.Category} | {descriptor.DefaultSeverity} |", unshipped);
            }
        }

        [Fact]
        public async Task Catalogs_are_parsed_once_and_reused_across_compilations_by_checksum()
        {
            string path = "/cache-test/" + System.Guid.NewGuid().ToString("N") + ".errors.yaml";
            var catalog = new InMemoryAdditionalText(path, AnalyzerTestSetup.CodeArtsYaml);
            int before = CatalogIndexCache.ParseCount;

            await Analyze("class A { string X = \"PM.0217520\"; }", catalog);
            await Analyze("class A { string X = \"PM.0217520 \"; }", catalog);
            await Analyze("class B { string Y = \"PM.02175201\"; }", new InMemoryAdditionalText(path, AnalyzerTestSetup.CodeArtsYaml));
            Assert.Equal(1, CatalogIndexCache.ParseCount - before);

            await Analyze("class A { }", new InMemoryAdditionalText(path, AnalyzerTestSetup.CodeArtsYaml + "  - {code: PM.1, status: 400, message: m}\n"));
            Assert.Equal(2, CatalogIndexCache.ParseCount - before);
        }

        [Fact]
        public async Task Catalog_diagnostics_come_from_the_generator_alone_never_twice()
        {
            // A broken catalog: the generator reports ERRCAT004/ERRCAT005; the analyzer must not report them again.
            var catalog = new InMemoryAdditionalText("/dup/" + System.Guid.NewGuid().ToString("N") + ".errors.yaml",
                "catalog: Dup\nerrors:\n  - {code: D.1, status: 400, message: m}\n  - {code: D.1, status: 600, message: n}\n");
            ImmutableArray<Diagnostic> diagnostics = await Analyze("class A { string X = \"D.2\"; string Y = \"D.1\"; }", catalog);
            Assert.Equal(new[] { DiagnosticIds.UnknownCode, DiagnosticIds.UseConstant }, diagnostics.Select(d => d.Id).OrderBy(id => id));
            Assert.All(diagnostics, d => Assert.True(d.Location.SourceTree != null));
        }

        [Fact]
        public void Tokens_are_found_only_after_a_known_prefix()
        {
            var model = ErrorCatalog.Core.CatalogCompiler.Parse("x.errors.yaml", "catalog: T\nerrors:\n  - {code: SVCSTG.CCE-ADDONMGR.4000003, status: 400, message: m}\n  - {code: PM.1, status: 400, message: n}\n").Model!;
            var index = new CodeIndex(new[] { (model, "Ns") });
            Assert.Equal("SVCSTG.CCE-ADDONMGR", CodeIndex.PrefixOf("SVCSTG.CCE-ADDONMGR.4000003"));
            Assert.Null(CodeIndex.PrefixOf("NODIGITS.abc"));
            Assert.Equal(new[] { "SVCSTG.CCE-ADDONMGR.400000", "PM.2" }, index.FindTokens("a SVCSTG.CCE-ADDONMGR.400000. and (PM.2), PM.x, 5 PM.")!.Select(t => t.Text));
            Assert.Null(index.FindTokens("no dots here"));
            Assert.Equal("global::Ns.TErrorCodes.M", index.TryGet("SVCSTG.CCE-ADDONMGR.4000003", out KnownCode known) ? known.QualifiedConstant : null);
        }

        /// <summary>
        /// A catalog whose code fits the user-string heap, but not with <c>XLog</c>'s message templates: the generator
        /// refuses it only where the compilation sees Microsoft.Extensions.Logging, and the analyzer, detecting the
        /// frameworks as the generator does, then offers none of its constants either.
        /// </summary>
        [Fact]
        public async Task A_catalog_refused_only_with_logging_visible_offers_no_constant_there()
        {
            const int entries = 8;
            int length = (int)((UserStringBudget.ProjectBudget - 200_000) / (2 * entries));
            var yaml = new System.Text.StringBuilder("catalog: Big\nnamespace: Big.Ns\nerrors:\n");
            for (int i = 0; i < entries; i++)
            {
                yaml.Append("  - code: BIG.").Append(i).Append("\n    status: 400\n    message: m").Append(i).Append(new string('m', length)).Append('\n');
            }

            string path = "/heap/" + System.Guid.NewGuid().ToString("N") + ".errors.yaml";
            CatalogParseResult parsed = CatalogCompiler.Parse(path, yaml.ToString());
            Assert.InRange(parsed.UserStringBytes, 1, UserStringBudget.ProjectBudget);
            Assert.True(parsed.UserStringBytes + parsed.LogStringBytes > UserStringBudget.ProjectBudget);
            Assert.Empty(CatalogCompiler.FindProjectConflicts(new[] { parsed }, null, Frameworks.None));
            Assert.Equal(DiagnosticIds.ResourceLimit, Assert.Single(CatalogCompiler.FindProjectConflicts(new[] { parsed }, null, Frameworks.Of(new[] { FrameworkIntegrations.Logging }))).Id);

            const string source = "class A { string X = \"BIG.3\"; }";
            var catalog = new InMemoryAdditionalText(path, yaml.ToString());
            Assert.Equal(new[] { DiagnosticIds.UseConstant }, (await Analyze(source, catalog)).Select(d => d.Id));
            Assert.Empty(await Analyze(source, catalog, LoggingAbstractions()));
        }

        /// <summary>An assembly named and shaped like Microsoft.Extensions.Logging.Abstractions, as far as framework detection looks.</summary>
        private static MetadataReference LoggingAbstractions()
        {
            const string types = "namespace Microsoft.Extensions.Logging { public interface ILogger { } public static class LoggerMessage { } public class LogDefineOptions { } }";
            CSharpCompilation logging = CSharpCompilation.Create("Microsoft.Extensions.Logging.Abstractions", new[] { CSharpSyntaxTree.ParseText(types) },
                new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            return logging.ToMetadataReference();
        }

        private static async Task<ImmutableArray<Diagnostic>> Analyze(string source, AdditionalText catalog, params MetadataReference[] references)
        {
            CSharpCompilation compilation = CSharpCompilation.Create("T", new[] { CSharpSyntaxTree.ParseText(source) }, new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) }.Concat(references));
            var options = new AnalyzerOptions(ImmutableArray.Create(catalog));
            return await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ErrorCodeAnalyzer()), options).GetAnalyzerDiagnosticsAsync();
        }

        private static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
    }
}
