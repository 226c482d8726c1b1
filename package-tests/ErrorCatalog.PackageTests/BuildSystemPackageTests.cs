using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// The package's MSBuild logic under the builds real teams run: static-graph isolated builds (what
    /// MSBuild project caches and distributed engines require), parallel builds of many catalog
    /// libraries, and reproducible output from two checkouts at different paths.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class BuildSystemPackageTests
    {
        private const string SvcCatalog = "catalog: Svc\nerrors:\n  - code: SV.1001\n    status: 404\n    message: Not found.\n  - code: SV.1002\n    status: 400\n    name: BadValue\n    message: Bad {0}.\n    parameters: [value]\n";

        private readonly PackageFixture _package;

        public BuildSystemPackageTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void A_static_graph_isolated_build_of_app_mid_lib_matches_a_plain_build()
        {
            string dir = _package.NewWorkFolder("graph-transitive");
            WriteProject(dir, "Lib", "Contoso.Errors", "<PackageReference Include=\"ErrorCatalog.Generator\" Version=\"" + _package.Version + "\" PrivateAssets=\"none\" />");
            File.WriteAllText(Path.Combine(dir, "Lib", "svc.errors.yaml"), SvcCatalog);
            WriteProject(dir, "Mid", "Mid", "<ProjectReference Include=\"../Lib/Lib.csproj\" />");
            File.WriteAllText(Path.Combine(dir, "Mid", "Marker.cs"), "namespace Mid { public static class Marker { } }\n");
            WriteProject(dir, "App", "App", "<ProjectReference Include=\"../Mid/Mid.csproj\" />", exe: true);
            File.WriteAllText(Path.Combine(dir, "App", "Program.cs"),
                "using Contoso.Errors;\n" +
                "System.Console.WriteLine(SvcErrors.FormatBadValue(\"x\") + SvcErrorCodes.NotFound);\n" +
                "System.Console.WriteLine(\"SV.1010\" == args[0]);\n");
            string app = Path.Combine("App", "App.csproj");

            BuildResult plain = BuildTwice(dir, app, new[] { "App", "Mid", "Lib" });

            Assert.Equal(new[] { "App/Program.cs(3,27): warning ERRCAT100: 'SV.1010' is not in catalog Svc; did you mean 'SV.1001' or 'SV.1002'?" }, plain.Diagnostics);
            Assert.Equal(plain.Diagnostics, plain.GraphDiagnostics);
            Assert.Equal(plain.Outputs, plain.GraphOutputs);
        }

        [Fact]
        public void A_static_graph_isolated_build_of_a_packed_catalog_library_consumer_matches_a_plain_build()
        {
            string lib = _package.NewWorkFolder("graph-library-package");
            WriteProject(lib, "Fabrikam.Errors", "Fabrikam.Errors", "<PackageReference Include=\"ErrorCatalog.Generator\" Version=\"" + _package.Version + "\" PrivateAssets=\"none\" />", extraProperties: "<Version>" + PackageFixture.TestVersion + "</Version><IsPackable>true</IsPackable>");
            File.WriteAllText(Path.Combine(lib, "Fabrikam.Errors", "svc.errors.yaml"), SvcCatalog);
            Dotnet.MustRun($"pack Fabrikam.Errors/Fabrikam.Errors.csproj -c Release -tl:off -o \"{_package.Feed}\"", lib);

            string dir = _package.NewWorkFolder("graph-library-consumer");
            WriteProject(dir, "App", "App", "<PackageReference Include=\"Fabrikam.Errors\" Version=\"" + PackageFixture.TestVersion + "\" />", exe: true);
            File.WriteAllText(Path.Combine(dir, "App", "Program.cs"),
                "using Fabrikam.Errors;\n" +
                "System.Console.WriteLine(SvcErrorCodes.NotFound);\n" +
                "System.Console.WriteLine(\"SV.1011\" == args[0]);\n");

            BuildResult plain = BuildTwice(dir, Path.Combine("App", "App.csproj"), new[] { "App" });

            Assert.Equal(new[] { "App/Program.cs(3,27): warning ERRCAT100: 'SV.1011' is not in catalog Svc; did you mean 'SV.1001'?" }, plain.Diagnostics);
            Assert.Equal(plain.Diagnostics, plain.GraphDiagnostics);
            Assert.Equal(plain.Outputs, plain.GraphOutputs);
        }

        [Fact]
        public void One_app_with_ten_catalog_libraries_builds_in_parallel_and_in_a_static_graph()
        {
            string dir = _package.NewWorkFolder("graph-ten-libraries");
            var references = new List<string>();
            var uses = new List<string>();
            for (int i = 0; i < 10; i++)
            {
                string name = "Lib" + i;
                WriteProject(dir, name, "Contoso.Lib" + i, "<PackageReference Include=\"ErrorCatalog.Generator\" Version=\"" + _package.Version + "\" PrivateAssets=\"none\" />");
                File.WriteAllText(Path.Combine(dir, name, "svc.errors.yaml"), $"catalog: Svc{i}\nerrors:\n  - code: L{i}.1001\n    status: 404\n    message: Thing {i} not found.\n");
                references.Add($"<ProjectReference Include=\"../{name}/{name}.csproj\" />");
                uses.Add($"System.Console.WriteLine(Contoso.Lib{i}.Svc{i}Errors.All[0].MessageTemplate + \" \" + \"L{i}.1002\".Length);");
            }

            WriteProject(dir, "App", "App", string.Join(string.Empty, references), exe: true);
            File.WriteAllText(Path.Combine(dir, "App", "Program.cs"), string.Join("\n", uses) + "\n");
            string app = Path.Combine("App", "App.csproj");

            (int exit, string output) = Dotnet.Run($"build {app} -m -tl:off -nologo", dir);
            Assert.True(exit == 0, output);
            string[] diagnostics = Diagnostics(output);
            Assert.Equal(uses.Select((line, i) => $"App/Program.cs({i + 1},{line.IndexOf($"L{i}.1002", StringComparison.Ordinal) + 1}): warning ERRCAT100: 'L{i}.1002' is not in catalog Svc{i}; did you mean 'L{i}.1001'?").OrderBy(s => s, StringComparer.Ordinal), diagnostics);
            string run = Dotnet.MustRun($"run --no-build --project {app}", dir);
            Assert.Equal(Enumerable.Range(0, 10).Select(i => $"Thing {i} not found. 7"), Lines(run));

            BuildResult graph = BuildTwice(dir, app, new[] { "App" }.Concat(Enumerable.Range(0, 10).Select(i => "Lib" + i)).ToArray());
            Assert.Equal(diagnostics, graph.GraphDiagnostics);
            Assert.Equal(graph.Outputs, graph.GraphOutputs);
        }

        [Fact]
        public void Two_checkouts_at_different_paths_build_byte_identical_sources_and_assemblies()
        {
            string[] folders = { _package.NewWorkFolder("repro-a"), Path.Combine(_package.NewWorkFolder("repro-b-deeper"), "nested", "checkout") };
            string repo = Dotnet.RepositoryRoot();
            var outputs = new List<Dictionary<string, string>>();
            foreach (string dir in folders)
            {
                Directory.CreateDirectory(dir);
                if (!File.Exists(Path.Combine(dir, "nuget.config")))
                {
                    File.Copy(Path.Combine(folders[0], "nuget.config"), Path.Combine(dir, "nuget.config"));
                }

                WriteProject(dir, "App", "Repro.App", "<PackageReference Include=\"ErrorCatalog.Generator\" Version=\"" + _package.Version + "\" />", exe: true,
                    extraProperties: "<EmitCompilerGeneratedFiles>true</EmitCompilerGeneratedFiles><CompilerGeneratedFilesOutputPath>generated</CompilerGeneratedFilesOutputPath>");
                Directory.CreateDirectory(Path.Combine(dir, "App", "catalog"));
                File.Copy(Path.Combine(repo, "catalog", "codearts-req.errors.yaml"), Path.Combine(dir, "App", "catalog", "codearts-req.errors.yaml"));
                File.Copy(Path.Combine(repo, "catalog", "codearts-req.zh-CN.errors.yaml"), Path.Combine(dir, "App", "catalog", "codearts-req.zh-CN.errors.yaml"));
                File.WriteAllText(Path.Combine(dir, "App", "Program.cs"), "System.Console.WriteLine(HuaweiCloud.CodeArtsReq.CodeArtsReqErrors.FormatInvalidFieldValue(\"a\", \"b\"));\n");

                string full = Path.GetFullPath(dir);
                Dotnet.MustRun($"build App/App.csproj -c Release -tl:off \"-p:PathMap={full}=/src\"", dir);
                var files = new Dictionary<string, string>(StringComparer.Ordinal);
                string generated = Path.Combine(dir, "App", "generated");
                foreach (string file in Directory.GetFiles(generated, "*.g.cs", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
                {
                    string text = File.ReadAllText(file);
                    Assert.DoesNotContain(full, text, StringComparison.Ordinal);
                    Assert.DoesNotContain("#line", text, StringComparison.Ordinal);
                    files[Path.GetRelativePath(generated, file)] = text;
                }

                byte[] assembly = File.ReadAllBytes(Path.Combine(dir, "App", "bin", "Release", "net10.0", "App.dll"));
                Assert.Equal(-1, IndexOf(assembly, System.Text.Encoding.UTF8.GetBytes(full)));
                files["App.dll (sha256)"] = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(assembly));
                outputs.Add(files);
            }

            Assert.True(outputs[0].Count >= 5, string.Join(", ", outputs[0].Keys));
            Assert.Equal(outputs[0], outputs[1]);
        }

        /// <summary>A plain build, then the same tree built again from scratch as a static graph with isolation.</summary>
        private static BuildResult BuildTwice(string dir, string project, string[] projects)
        {
            (int exit, string output) = Dotnet.Run($"build {project} -tl:off -nologo", dir);
            Assert.True(exit == 0, output);
            string[] diagnostics = Diagnostics(output);
            Dictionary<string, string> outputs = Outputs(dir, projects);

            foreach (string name in projects)
            {
                Directory.Delete(Path.Combine(dir, name, "bin"), recursive: true);
                Directory.Delete(Path.Combine(dir, name, "obj"), recursive: true);
            }

            Dotnet.MustRun($"restore {project} -tl:off", dir);
            (int graphExit, string graphOutput) = Dotnet.Run($"build {project} -graph -isolate --no-restore -tl:off -nologo", dir);
            Assert.True(graphExit == 0, graphOutput);
            Assert.DoesNotContain("MSB4252", graphOutput, StringComparison.Ordinal);
            return new BuildResult(diagnostics, outputs, Diagnostics(graphOutput), Outputs(dir, projects));
        }

        /// <summary>The ERRCAT diagnostics a build printed, each once, relative to the folder and sorted.</summary>
        private static string[] Diagnostics(string output)
            => output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n')
                .Where(line => line.Contains(": warning ERRCAT", StringComparison.Ordinal) || line.Contains(": error ERRCAT", StringComparison.Ordinal))
                .Select(line => Regex.Replace(line.Trim(), @" \(http[^)]*\)| \[[^\]]*\]$", string.Empty))
                .Select(line => Regex.Replace(line, @"^.*?/(?=[A-Za-z0-9]+/Program\.cs)", string.Empty))
                .Distinct()
                .OrderBy(line => line, StringComparer.Ordinal)
                .ToArray();

        /// <summary>Every project's assembly, by SHA-256 (deterministic builds at one path are byte-identical).</summary>
        private static Dictionary<string, string> Outputs(string dir, string[] projects)
            => projects.ToDictionary(
                name => name,
                name => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Directory.GetFiles(Path.Combine(dir, name, "bin"), name + ".dll", SearchOption.AllDirectories).Single()))));

        private static string[] Lines(string output) => output.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        private static int IndexOf(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle);

        private static void WriteProject(string dir, string name, string rootNamespace, string references, bool exe = false, string extraProperties = "")
        {
            Directory.CreateDirectory(Path.Combine(dir, name));
            File.WriteAllText(Path.Combine(dir, name, name + ".csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <RootNamespace>{rootNamespace}</RootNamespace>
    <OutputType>{(exe ? "Exe" : "Library")}</OutputType>
    {extraProperties}
  </PropertyGroup>
  <ItemGroup>
    {references}
  </ItemGroup>
</Project>
");
        }

        private sealed record BuildResult(string[] Diagnostics, Dictionary<string, string> Outputs, string[] GraphDiagnostics, Dictionary<string, string> GraphOutputs);
    }
}
