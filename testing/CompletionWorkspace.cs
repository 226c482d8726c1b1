using System;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Testing
{
    /// <summary>
    /// A C# document in an <see cref="AdhocWorkspace"/> project as an IDE holds it: the catalog as an additional
    /// file and, optionally, an assembly as an analyzer reference (where Roslyn's CompletionService finds
    /// completion providers). Linked into the completion tests and the completion benchmark.
    /// </summary>
    internal static class CompletionWorkspace
    {
        /// <summary>The document of <paramref name="source"/> in a project with <paramref name="catalog"/> and, when given, <paramref name="providerAssembly"/>.</summary>
        public static Document Open(string source, string catalog, string? providerAssembly)
        {
            var workspace = new AdhocWorkspace(MefHostServices.DefaultHost);
            ProjectId id = ProjectId.CreateNewId();
            AnalyzerReference[] analyzers = providerAssembly == null ? Array.Empty<AnalyzerReference>() : new AnalyzerReference[] { new AnalyzerFileReference(providerAssembly, new Loader()) };
            Solution solution = workspace.CurrentSolution
                .AddProject(ProjectInfo.Create(id, VersionStamp.Default, "App", "App", LanguageNames.CSharp,
                    compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                    metadataReferences: new[] { MetadataReference.CreateFromFile(typeof(object).Assembly.Location) },
                    analyzerReferences: analyzers))
                .AddAdditionalDocument(DocumentId.CreateNewId(id), "catalog.errors.yaml", SourceText.From(catalog), filePath: "/app/catalog.errors.yaml")
                .AddDocument(DocumentId.CreateNewId(id), "C.cs", SourceText.From(source), filePath: "/app/C.cs");
            if (!workspace.TryApplyChanges(solution))
            {
                throw new InvalidOperationException("the workspace refused the project");
            }

            return workspace.CurrentSolution.Projects.Single().Documents.Single();
        }

        private sealed class Loader : IAnalyzerAssemblyLoader
        {
            public void AddDependencyLocation(string fullPath)
            {
            }

            public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
        }
    }
}
