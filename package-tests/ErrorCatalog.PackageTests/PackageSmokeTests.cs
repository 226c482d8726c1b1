using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// Fresh projects from <c>dotnet new</c> take ErrorCatalog.Generator from a local feed, drop in a
    /// catalog, build with warnings as errors, and run: the package works on its own.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class PackageSmokeTests
    {
        private const string Catalog = @"catalog: Smoke
namespace: Smoke.Catalog
errors:
  - code: SM.1001
    status: 400
    name: InvalidValue
    message: Field {0} has invalid value {1}.
    parameters: [field, value]
  - code: SM.1002
    status: 404
    name: NotFound
    message: Item not found.
";

        private const string Program = @"using Smoke.Catalog;

System.Console.WriteLine(SmokeErrorCodes.NotFound);
System.Console.WriteLine(SmokeErrors.FormatInvalidValue(""size"", 1.5));
System.Console.WriteLine(SmokeException.FromResponse(""SM.1002"", ""gone"") is SmokeNotFoundException);
System.Console.WriteLine(SmokeErrors.All.Count);
";

        private readonly PackageFixture _package;

        public PackageSmokeTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void The_package_holds_the_analyzers_and_build_files_and_nothing_under_lib()
        {
            using ZipArchive zip = ZipFile.OpenRead(_package.PackagePath);
            string[] entries = zip.Entries.Select(e => e.FullName).ToArray();
            foreach (string dll in new[] { "ErrorCatalog.Generator", "ErrorCatalog.Analyzers", "ErrorCatalog.CodeFixes", "ErrorCatalog.Completion", "ErrorCatalog.Core", "YamlDotNet" })
            {
                Assert.Contains($"analyzers/dotnet/cs/{dll}.dll", entries);
            }

            foreach (string folder in new[] { "build", "buildTransitive" })
            {
                Assert.Contains($"{folder}/ErrorCatalog.Generator.props", entries);
                Assert.Contains($"{folder}/ErrorCatalog.Generator.targets", entries);
            }

            Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal));
            Assert.Contains("README.md", entries);

            // The catalog format's schema travels with the package, the same file errcat schema writes.
            using (var schema = new StreamReader(zip.GetEntry("schema/errorcatalog.schema.json")!.Open()))
            {
                Assert.Equal(File.ReadAllText(Path.Combine(Dotnet.RepositoryRoot(), "build", "errorcatalog.schema.json")), schema.ReadToEnd());
            }

            using Stream nuspecStream = zip.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
            XElement metadata = XDocument.Load(nuspecStream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Get(string name) => metadata.Elements().SingleOrDefault(e => e.Name.LocalName == name)?.Value ?? string.Empty;
            Assert.Equal("ErrorCatalog.Generator", Get("id"));
            Assert.Equal(_package.Version, Get("version"));
            Assert.Equal("MIT", Get("license"));
            Assert.Equal("README.md", Get("readme"));
            Assert.Equal("true", Get("developmentDependency"));
            Assert.NotEmpty(Get("releaseNotes"));
            Assert.Contains("source-generator", Get("tags"));
            Assert.NotNull(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository"));
            Assert.Null(metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "dependencies"));
        }

        [Fact]
        public void Net10_console_with_nullable_builds_clean_runs_warns_and_rebuilds_incrementally()
        {
            string dir = NewConsole("net10", "net10.0", withOtherAnalyzer: true);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), Program + "System.Console.WriteLine(OtherGenerated.Value);\n");
            BuildClean(dir, "enable");

            string output = Dotnet.MustRun("run --no-build", dir);
            Assert.Equal(new[] { "SM.1002", "Field size has invalid value 1.5.", "True", "2", "from-yamldotnet-13" }, Lines(output));

            // A typo in a code is a warning in the build output, at the token.
            File.WriteAllText(Path.Combine(dir, "Typo.cs"), "static class Typo { public static string C => \"SM.1010\"; }\n");
            (int exit, string typo) = Dotnet.Run("build -tl:off", dir);
            Assert.True(exit == 0, typo);
            Assert.Contains("Typo.cs(1,48): warning ERRCAT100: 'SM.1010' is not in catalog Smoke; did you mean 'SM.1001' or 'SM.1002'?", typo);
            File.Delete(Path.Combine(dir, "Typo.cs"));
            Dotnet.MustRun("build -tl:off", dir);

            // Nothing touched: the compiler does not run again.
            string again = Dotnet.MustRun("build -tl:off -v:n", dir);
            Assert.Contains("Skipping target \"CoreCompile\" because all output files are up-to-date", again);

            // The catalog touched: the code is generated again.
            File.WriteAllText(Path.Combine(dir, "catalog", "smoke.errors.yaml"), Catalog + "  - code: SM.1003\n    status: 409\n    message: Added later.\n");
            string rebuilt = Dotnet.MustRun("build -tl:off -v:n", dir);
            Assert.DoesNotContain("Skipping target \"CoreCompile\"", rebuilt);
            Assert.Equal("3", Lines(Dotnet.MustRun("run --no-build", dir))[3]);
        }

        [Fact]
        public void Net8_console_with_nullable_disabled_builds_clean_and_runs()
        {
            string dir = NewConsole("net8", "net8.0", withOtherAnalyzer: false);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), Program);
            BuildClean(dir, "disable", "-p:EmitCompilerGeneratedFiles=true");

            // No Microsoft.Extensions.Logging here: no XLog (Activity is in the framework: RecordOn is there).
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeLog.g.cs", SearchOption.AllDirectories));
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeException.Tracing.g.cs", SearchOption.AllDirectories));
            string output = Dotnet.MustRun("run --no-build", dir, ("DOTNET_ROLL_FORWARD", "Major"));
            Assert.Equal(new[] { "SM.1002", "Field size has invalid value 1.5.", "True", "2" }, Lines(output));
        }

        [Fact]
        public void Netstandard20_library_at_csharp_7_3_builds_clean_and_the_generator_adapts()
        {
            string dir = _package.NewWorkFolder("netstandard20");
            Dotnet.MustRun("new classlib -f netstandard2.0 -n Lib -o . --no-restore", dir);
            Dotnet.MustRun($"add package ErrorCatalog.Generator --version {_package.Version}", dir);
            // A library that owns a catalog hands the package on (README; ERRCAT022 otherwise).
            string project = Path.Combine(dir, "Lib.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("<PrivateAssets>all</PrivateAssets>", "<PrivateAssets>none</PrivateAssets>", StringComparison.Ordinal));
            WriteCatalog(dir);
            File.WriteAllText(Path.Combine(dir, "Class1.cs"), @"namespace Lib
{
    public static class Use
    {
        public static string Describe(string code)
        {
            Smoke.Catalog.SmokeError error;
            return Smoke.Catalog.SmokeErrors.TryGet(code, out error) ? error.Format(""a"", 1) : Smoke.Catalog.SmokeErrorCodes.NotFound;
        }
    }
}
");
            string output = Dotnet.MustRun("build -tl:off -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true", dir);
            Assert.Contains("0 Warning(s)", output);
            string generated = Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeErrors.g.cs", SearchOption.AllDirectories).Single();
            string text = File.ReadAllText(generated);
            // No HttpClient/System.Text.Json, ASP.NET Core, logging or Activity here: nothing for them is generated.
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeException.*.g.cs", SearchOption.AllDirectories));
            Assert.Empty(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeLog.g.cs", SearchOption.AllDirectories));
            Assert.DoesNotContain("#nullable", text);
            Assert.DoesNotContain("object?", text);
            Assert.Contains($"[global::System.CodeDom.Compiler.GeneratedCode(\"ErrorCatalog.Generator\", \"{_package.Version}\")]", text);

            // Restored into the tests' own packages folder, never into the user's (which the work folder reads only).
            Assert.True(Directory.Exists(Path.Combine(PackageFixture.PackagesFolder, "errorcatalog.generator", PackageFixture.TestVersion)));
            Assert.False(Directory.Exists(Path.Combine(PackageFixture.UserPackagesFolder, "errorcatalog.generator", PackageFixture.TestVersion)));
            string assets = File.ReadAllText(Path.Combine(dir, "obj", "project.assets.json"));
            Assert.Contains(PackageFixture.PackagesFolder.Replace("\\", "\\\\", StringComparison.Ordinal), assets, StringComparison.Ordinal);
        }

        [Fact]
        public void Web_project_answers_with_the_generated_exception_handler_and_builds_clean()
        {
            string dir = _package.NewWorkFolder("web");
            Dotnet.MustRun("new web -n Web -o . --no-restore", dir);
            Dotnet.MustRun($"add package ErrorCatalog.Generator --version {_package.Version}", dir);
            WriteCatalog(dir);
            File.WriteAllText(Path.Combine(dir, "Program.cs"), @"using Smoke.Catalog;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddProblemDetails();
builder.Services.AddExceptionHandler<SmokeExceptionHandler>();
builder.Services.AddTransient<SmokeHttpErrorHandler>();
builder.Services.AddHttpClient(""upstream"").AddHttpMessageHandler<SmokeHttpErrorHandler>();
var app = builder.Build();
app.UseExceptionHandler();
app.Logger.LogNotFound();
app.MapGet(""/items/{id}"", (string id) => SmokeErrors.InvalidValue.ToResult(""id"", id));
app.MapGet(""/gone"", () => { throw SmokeErrors.NotFound.ToException(); });
app.Run();
");
            string output = Dotnet.MustRun("build -tl:off -p:TreatWarningsAsErrors=true -p:EmitCompilerGeneratedFiles=true", dir);
            Assert.Contains("0 Warning(s)", output);
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeException.AspNetCore.g.cs", SearchOption.AllDirectories));
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeException.Http.g.cs", SearchOption.AllDirectories));
            Assert.Single(Directory.GetFiles(Path.Combine(dir, "obj"), "Smoke.Catalog.SmokeLog.g.cs", SearchOption.AllDirectories));
        }

        private string NewConsole(string name, string framework, bool withOtherAnalyzer)
        {
            string dir = _package.NewWorkFolder(name);
            Dotnet.MustRun($"new console -n App -o . --no-restore", dir);
            string project = Path.Combine(dir, "App.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("<TargetFramework>net10.0</TargetFramework>", $"<TargetFramework>{framework}</TargetFramework>", StringComparison.Ordinal));
            Dotnet.MustRun($"add package ErrorCatalog.Generator --version {_package.Version}", dir);
            if (withOtherAnalyzer)
            {
                Dotnet.MustRun($"add package ErrorCatalogTests.Other.Analyzer --version {PackageFixture.TestVersion}", dir);
            }

            WriteCatalog(dir);
            return dir;
        }

        private static void WriteCatalog(string dir)
        {
            Directory.CreateDirectory(Path.Combine(dir, "catalog"));
            File.WriteAllText(Path.Combine(dir, "catalog", "smoke.errors.yaml"), Catalog);
        }

        private static void BuildClean(string dir, string nullable, string extra = "")
        {
            string output = Dotnet.MustRun($"build -tl:off -p:TreatWarningsAsErrors=true -p:Nullable={nullable} {extra}", dir);
            Assert.Contains("0 Warning(s)", output);
            Assert.DoesNotContain("CS8785", output);
        }

        private static string[] Lines(string output)
            => output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
