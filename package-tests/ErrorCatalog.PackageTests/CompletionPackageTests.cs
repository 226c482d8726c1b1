using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Build.Locator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.MSBuild;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// Completion of codes from the packed package, as an editor's project model holds it: a <c>dotnet new console</c>
    /// that restores the package and drops in the CodeArts Req catalog, opened by Roslyn's <c>MSBuildWorkspace</c>
    /// (5.12; the provider is built on 4.14), whose <c>CompletionService</c> finds the provider among the project's
    /// analyzer references from the package's analyzer folder.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class CompletionPackageTests
    {
        private static readonly object s_locatorLock = new object();
        private readonly PackageFixture _package;

        public CompletionPackageTests(PackageFixture package) => _package = package;

        [Fact]
        public async Task The_package_offers_catalog_codes_inside_string_literals()
        {
            string dir = _package.NewWorkFolder("completion");
            Dotnet.MustRun("new console -n App -o . --no-restore", dir);
            Dotnet.MustRun($"add package ErrorCatalog.Generator --version {_package.Version}", dir);
            string repo = Dotnet.RepositoryRoot();
            File.Copy(Path.Combine(repo, "catalog", "codearts-req.errors.yaml"), Path.Combine(dir, "codearts-req.errors.yaml"));
            const string source = "class Probe\n{\n    string Code = \"PM.\";\n    string Other = \"hello.\";\n}\n";
            File.WriteAllText(Path.Combine(dir, "Program.cs"), source);

            RegisterMSBuild();
            (string[] codes, string[] other, Project project) = await CompleteAsync(Path.Combine(dir, "App.csproj"), source);

            Assert.Contains(project.AnalyzerReferences, r => r.FullPath!.EndsWith(Path.Combine("analyzers", "dotnet", "cs", "ErrorCatalog.Completion.dll"), StringComparison.Ordinal)
                && r.FullPath.StartsWith(PackageFixture.PackagesFolder, StringComparison.Ordinal));
            string[] expected = File.ReadLines(Path.Combine(dir, "codearts-req.errors.yaml"))
                .Where(l => l.StartsWith("  - code: ", StringComparison.Ordinal)).Select(l => l.Substring("  - code: ".Length)).ToArray();
            Assert.Equal(54, expected.Length);
            Assert.Equal(expected.OrderBy(c => c, StringComparer.Ordinal), codes.OrderBy(c => c, StringComparer.Ordinal));
            Assert.Empty(other);
        }

        private static async Task<(string[] Codes, string[] Other, Project Project)> CompleteAsync(string projectPath, string source)
        {
            using MSBuildWorkspace workspace = MSBuildWorkspace.Create();
            Project project = await workspace.OpenProjectAsync(projectPath);
            Document document = project.Documents.Single(d => d.Name == "Program.cs");
            CompletionService service = CompletionService.GetService(document)!;
            CompletionList inCode = await service.GetCompletionsAsync(document, source.IndexOf("PM.", StringComparison.Ordinal) + 3, CompletionTrigger.CreateInsertionTrigger('.'));
            CompletionList inOther = await service.GetCompletionsAsync(document, source.IndexOf("hello.", StringComparison.Ordinal) + 6, CompletionTrigger.CreateInsertionTrigger('.'));
            return (Ours(inCode), Ours(inOther), project);

            static string[] Ours(CompletionList list) => list.ItemsList.Where(i => i.Properties.ContainsKey("ErrorCatalog.Code")).Select(i => i.DisplayText).ToArray();
        }

        /// <summary>MSBuild from the SDK that runs the tests, registered once per process before any MSBuild type loads.</summary>
        private static void RegisterMSBuild()
        {
            lock (s_locatorLock)
            {
                if (!MSBuildLocator.IsRegistered)
                {
                    MSBuildLocator.RegisterDefaults();
                }
            }
        }
    }
}
