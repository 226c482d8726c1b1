using System.IO;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>Test states with catalogs as AdditionalFiles and the generator's real output as sources.</summary>
    internal static class AnalyzerTestSetup
    {
        public const string RootNamespace = "Consumer.App";

        public static readonly string CodeArtsYaml = File.ReadAllText(Path.Combine(System.AppContext.BaseDirectory, "catalog", "codearts-req.errors.yaml"));

        public const string GatewayYaml = "catalog: Gateway\nnamespace: Acme.Gateway\nerrors:\n  - {code: APIG.0101, status: 404, message: Api not found.}\n  - {code: APIG.0102, status: 400, message: Bad api.}\n  - {code: APIC.7211, status: 400, message: Bad value.}\n";

        /// <summary>Adds a catalog file, the generated code of it (as the generator would add it), and the RootNamespace property.</summary>
        public static void AddCatalog(SolutionState state, string path, string yaml)
        {
            state.AdditionalFiles.Add((path, yaml));
            CatalogModel model = CatalogCompiler.Parse(path, yaml).Model!;
            foreach (GeneratedFile file in CatalogCompiler.Emit(model, RootNamespace, true, path))
            {
                state.Sources.Add(("/generated/" + file.HintName, file.Source));
            }
        }

        /// <summary>
        /// Adds a reference catalog: the YAML with its item metadata (as the package's targets set it for a
        /// referenced library's catalog), and the library's generated code in its root namespace (standing
        /// for the library's assembly). This project's root namespace is set to another one.
        /// </summary>
        public static void AddReferenceCatalog(SolutionState state, string path, string yaml, string libraryRootNamespace)
        {
            state.AdditionalFiles.Add((path, yaml));
            state.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.RootNamespace = {RootNamespace}\n\n[{path}]\nbuild_metadata.AdditionalFiles.ErrorCatalogReference = true\nbuild_metadata.AdditionalFiles.ErrorCatalogRootNamespace = {libraryRootNamespace}\n"));
            CatalogModel model = CatalogCompiler.Parse(path, yaml).Model!;
            foreach (GeneratedFile file in CatalogCompiler.Emit(model, libraryRootNamespace, true, path))
            {
                state.Sources.Add(("/library/" + file.HintName, file.Source));
            }
        }

        public static void AddRootNamespace(SolutionState state)
            => state.AnalyzerConfigFiles.Add(("/.globalconfig", $"is_global = true\nbuild_property.RootNamespace = {RootNamespace}\n"));

        public static ReferenceAssemblies References => ReferenceAssemblies.Net.Net80;
    }
}
