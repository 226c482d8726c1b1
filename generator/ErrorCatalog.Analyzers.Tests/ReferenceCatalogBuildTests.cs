using System;
using System.IO;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// Catalogs as libraries, through a real <c>dotnet build</c>: an app that references (here
    /// transitively) a class library owning a catalog gets it as a reference catalog — its literals are
    /// checked against it and the fix names the library's constant — while only the library generates
    /// the types. Two libraries with one catalog identity get a located ERRCAT010.
    /// </summary>
    public class ReferenceCatalogBuildTests
    {
        private const string Catalog = "catalog: Svc\nerrors:\n  - code: SV.1001\n    status: 404\n    message: Not found.\n  - code: SV.1002\n    status: 400\n    name: BadValue\n    message: Bad {0}.\n";

        private readonly Xunit.Abstractions.ITestOutputHelper _log;

        public ReferenceCatalogBuildTests(Xunit.Abstractions.ITestOutputHelper log) => _log = log;

        [Fact]
        public void An_app_checks_its_literals_against_a_transitively_referenced_library_catalog()
        {
            string dir = NewFolder();
            try
            {
                WriteProject(dir, "Lib", "Contoso.Errors", string.Empty);
                File.WriteAllText(Path.Combine(dir, "Lib", "svc.errors.yaml"), Catalog);
                WriteProject(dir, "Mid", "Mid", "<ProjectReference Include=\"../Lib/Lib.csproj\" />");
                File.WriteAllText(Path.Combine(dir, "Mid", "Marker.cs"), "namespace Mid { public static class Marker { } }\n");
                WriteProject(dir, "App", "App", "<ProjectReference Include=\"../Mid/Mid.csproj\" />", exe: true);
                File.WriteAllText(Path.Combine(dir, "App", ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.ERRCAT101.severity = warning\n");
                File.WriteAllText(Path.Combine(dir, "App", "Program.cs"),
                    "using Contoso.Errors;\n" +
                    "System.Console.WriteLine(SvcErrors.FormatBadValue(\"x\") + SvcErrorCodes.NotFound);\n" +
                    "System.Console.WriteLine(\"SV.1010\" == args[0]);\n" +
                    "System.Console.WriteLine(\"SV.1001\");\n");

                Assert.Equal(0, Build(dir, "Lib").ExitCode);
                Assert.Equal(0, Build(dir, "Mid").ExitCode);
                (int exitCode, string output) = Build(dir, "App");

                Assert.True(exitCode == 0, output);
                Assert.Contains("Program.cs(3,27): warning ERRCAT100: 'SV.1010' is not in catalog Svc; did you mean 'SV.1001' or 'SV.1002'?", output);
                Assert.Contains("Program.cs(4,26): warning ERRCAT101: 'SV.1001' can be written as SvcErrorCodes.NotFound", output);
                Assert.DoesNotContain("CS0436", output); // the app generated no second copy of the library's types
                Assert.DoesNotContain("CS0433", output);
                Assert.Empty(Directory.GetFiles(Path.Combine(dir, "App", "obj"), "*.g.cs", SearchOption.AllDirectories));
                Assert.Single(Directory.GetFiles(Path.Combine(dir, "Lib", "obj"), "Contoso.Errors.SvcErrorCodes.g.cs", SearchOption.AllDirectories));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        [Fact]
        public void Two_libraries_with_one_catalog_identity_get_a_located_diagnostic()
        {
            string dir = NewFolder();
            try
            {
                WriteProject(dir, "LibA", "Contoso.Errors", string.Empty);
                File.WriteAllText(Path.Combine(dir, "LibA", "svc.errors.yaml"), Catalog);
                WriteProject(dir, "LibB", "Contoso.Errors", string.Empty);
                File.WriteAllText(Path.Combine(dir, "LibB", "svc.errors.yaml"), "# the same catalog, copied\n" + Catalog);
                WriteProject(dir, "App", "App", "<ProjectReference Include=\"../LibA/LibA.csproj\" /><ProjectReference Include=\"../LibB/LibB.csproj\" />", exe: true);
                File.WriteAllText(Path.Combine(dir, "App", "Program.cs"), "System.Console.WriteLine(args.Length);\n");

                Assert.Equal(0, Build(dir, "LibA").ExitCode);
                Assert.Equal(0, Build(dir, "LibB").ExitCode);
                (int exitCode, string output) = Build(dir, "App");

                Assert.True(exitCode != 0, output);
                Assert.Contains(Path.Combine("LibB", "svc.errors.yaml") + "(2,10): error ERRCAT010: Catalog 'Svc' in namespace 'Contoso.Errors' is defined by two referenced libraries", output);
                Assert.DoesNotContain("CS0433", output);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        /// <summary>
        /// Builds one project of the folder. As in <see cref="BuildTests"/>: the generator projects were
        /// built and restored with the solution, so neither they nor the folder's other projects are
        /// restored or built again here (the tests build them one by one, in order).
        /// </summary>
        private (int ExitCode, string Output) Build(string dir, string project)
        {
            (int exitCode, string output) = BuildTests.Run("dotnet", $"build {project}/{project}.csproj -nologo -clp:NoSummary -p:BuildProjectReferences=false -p:RestoreRecursive=false", dir);
            _log.WriteLine($"== {project}: exit {exitCode}\n{output}");
            return (exitCode, output);
        }

        private static string NewFolder()
        {
            string dir = Path.Combine(Path.GetTempPath(), "errcat-refcat-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        /// <summary>A project with the generator and analyzer by ProjectReference and the package's props and targets imported, as the package would.</summary>
        private static void WriteProject(string dir, string name, string rootNamespace, string references, bool exe = false)
        {
            string root = BuildTests.Root();
            Directory.CreateDirectory(Path.Combine(dir, name));
            File.WriteAllText(Path.Combine(dir, name, name + ".csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <Import Project=""{root}/build/ErrorCatalog.Generator.props"" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>{rootNamespace}</RootNamespace>
    <OutputType>{(exe ? "Exe" : "Library")}</OutputType>
    <EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include=""{root}/generator/ErrorCatalog.Generator/ErrorCatalog.Generator.csproj"" OutputItemType=""Analyzer"" ReferenceOutputAssembly=""false"" />
    <ProjectReference Include=""{root}/generator/ErrorCatalog.Analyzers/ErrorCatalog.Analyzers.csproj"" OutputItemType=""Analyzer"" ReferenceOutputAssembly=""false"" />
    {references}
  </ItemGroup>
  <Import Project=""{root}/build/ErrorCatalog.Generator.targets"" />
</Project>
");
        }
    }
}
