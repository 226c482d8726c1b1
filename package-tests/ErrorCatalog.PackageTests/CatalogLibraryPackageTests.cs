using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// A service's catalog shipped once, as a NuGet package: a class library with a catalog and
    /// ErrorCatalog.Generator is packed into the local feed; a fresh <c>dotnet new console</c> that adds
    /// only that package gets the generated API through the library's assembly and the catalog as a
    /// reference catalog, so its literals are checked and nothing is generated twice.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class CatalogLibraryPackageTests
    {
        private const string Catalog = "catalog: Contoso\nerrors:\n  - code: CT.1001\n    status: 404\n    message: Order not found.\n  - code: CT.1002\n    status: 409\n    message: Order {0} is locked.\n    parameters: [order]\n";

        private readonly PackageFixture _package;

        public CatalogLibraryPackageTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void A_console_that_adds_the_catalog_package_gets_the_api_and_the_squiggles()
        {
            // The library: its catalog, and the generator with PrivateAssets="none" so that its consumers get the analyzer too.
            string lib = _package.NewWorkFolder("contoso-errors");
            Dotnet.MustRun("new classlib -n Contoso.Errors -o . --no-restore", lib);
            File.Delete(Path.Combine(lib, "Class1.cs"));
            string project = Path.Combine(lib, "Contoso.Errors.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</Project>",
                $"  <PropertyGroup><Version>1.0.0</Version></PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include=\"ErrorCatalog.Generator\" Version=\"{_package.Version}\" PrivateAssets=\"none\" />\n  </ItemGroup>\n</Project>", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.Combine(lib, "catalog"));
            File.WriteAllText(Path.Combine(lib, "catalog", "contoso.errors.yaml"), Catalog);
            Dotnet.MustRun($"pack -c Release -tl:off -o \"{_package.Feed}\"", lib);

            string nupkg = Path.Combine(_package.Feed, "Contoso.Errors.1.0.0.nupkg");
            using (ZipArchive zip = ZipFile.OpenRead(nupkg))
            {
                string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
                Assert.Contains("errorcatalogs/contoso.errors.yaml", entries);
                Assert.Contains("build/Contoso.Errors.targets", entries);
                Assert.Contains("buildTransitive/Contoso.Errors.targets", entries);
                using var reader = new StreamReader(zip.GetEntry("build/Contoso.Errors.targets")!.Open());
                string targets = reader.ReadToEnd();
                Assert.Contains("<AdditionalFiles Include=\"$(MSBuildThisFileDirectory)../errorcatalogs/contoso.errors.yaml\" ErrorCatalogReference=\"true\" ErrorCatalogRootNamespace=\"Contoso.Errors\" />", targets);
            }

            // The consumer: a fresh console that adds the catalog package alone.
            string app = _package.NewWorkFolder("contoso-app");
            Dotnet.MustRun("new console -n App -o . --no-restore", app);
            Dotnet.MustRun("add package Contoso.Errors --version 1.0.0", app);
            File.WriteAllText(Path.Combine(app, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.ERRCAT101.severity = warning\n");
            File.WriteAllText(Path.Combine(app, "Program.cs"),
                "using Contoso.Errors;\n" +
                "System.Console.WriteLine(ContosoErrors.FormatOrderIsLocked(42));\n" +
                "System.Console.WriteLine(ContosoErrors.Find(\"CT.1010\") == null);\n" +
                "System.Console.WriteLine(\"CT.1001\" + ContosoErrorCodes.OrderNotFound);\n");
            (int exit, string output) = Dotnet.Run("build -tl:off -p:EmitCompilerGeneratedFiles=true", app);
            Assert.True(exit == 0, output);
            Assert.True(output.Contains("Program.cs(3,46): warning ERRCAT100: 'CT.1010' is not in catalog Contoso; did you mean 'CT.1001' or 'CT.1002'?", StringComparison.Ordinal), output);
            Assert.Contains("Program.cs(4,26): warning ERRCAT101: 'CT.1001' can be written as ContosoErrorCodes.OrderNotFound", output);
            Assert.DoesNotContain("CS0436", output);
            Assert.Empty(Directory.GetFiles(Path.Combine(app, "obj"), "Contoso.Errors.*.g.cs", SearchOption.AllDirectories));

            string run = Dotnet.MustRun("run --no-build", app);
            Assert.Equal(new[] { "Order 42 is locked.", "True", "CT.1001CT.1001" }, run.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
    }
}
