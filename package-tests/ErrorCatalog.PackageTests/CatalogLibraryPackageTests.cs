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
            // The library: its catalog, and the generator with PrivateAssets none so that its consumers get the analyzer too.
            string lib = _package.NewCatalogLibrary("contoso-errors", "Contoso.Errors", (Path.Combine("catalog", "contoso.errors.yaml"), Catalog));
            Dotnet.MustRun($"pack -c Release -tl:off -o \"{_package.Feed}\"", lib);

            string nupkg = Path.Combine(_package.Feed, $"Contoso.Errors.{PackageFixture.TestVersion}.nupkg");
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
            Dotnet.MustRun($"add package Contoso.Errors --version {PackageFixture.TestVersion}", app);
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

        /// <summary>
        /// <c>dotnet add package</c> writes <c>&lt;PrivateAssets&gt;all&lt;/PrivateAssets&gt;</c> as an element (the package is a
        /// development dependency): a library that owns a catalog then hands its users no analyzer. The build says so
        /// (ERRCAT022, naming the element form); the element set to none, or ErrorCatalogPrivate=true, silences it.
        /// </summary>
        [Fact]
        public void A_library_that_keeps_the_generator_private_is_warned_with_the_fix()
        {
            string lib = _package.NewWorkFolder("private-generator");
            Dotnet.MustRun("new classlib -n Private.Errors -o . --no-restore", lib);
            Dotnet.MustRun($"add package ErrorCatalog.Generator --version {_package.Version}", lib);
            string project = Path.Combine(lib, "Private.Errors.csproj");
            Assert.Contains("<PrivateAssets>all</PrivateAssets>", File.ReadAllText(project), StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(lib, "contoso.errors.yaml"), Catalog);

            string warned = Dotnet.MustRun("build -tl:off", lib);
            Assert.Contains("Private.Errors.csproj : warning ERRCAT022: This library owns an error catalog, but its ErrorCatalog.Generator reference is private (PrivateAssets 'all')", warned);
            Assert.Contains("write <PrivateAssets>none</PrivateAssets> in that PackageReference", warned);
            Assert.DoesNotContain("ERRCAT022", Dotnet.MustRun("build -tl:off -p:ErrorCatalogPrivate=true", lib));

            // The README's attribute beside the element changes nothing; the element set to none does.
            File.WriteAllText(project, File.ReadAllText(project).Replace("<PackageReference Include=\"ErrorCatalog.Generator\"", "<PackageReference PrivateAssets=\"none\" Include=\"ErrorCatalog.Generator\"", StringComparison.Ordinal));
            Assert.Contains("warning ERRCAT022", Dotnet.MustRun("build -tl:off", lib));
            File.WriteAllText(project, File.ReadAllText(project).Replace("<PrivateAssets>all</PrivateAssets>", "<PrivateAssets>none</PrivateAssets>", StringComparison.Ordinal));
            Assert.DoesNotContain("ERRCAT022", Dotnet.MustRun("build -tl:off", lib));
        }
    }
}
