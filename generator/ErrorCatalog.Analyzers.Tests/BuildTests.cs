using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// A real <c>dotnet build</c> of a small consumer (generator and analyzer by ProjectReference,
    /// catalogs picked up by build/ErrorCatalog.Generator.targets): what a user reads in the build output.
    /// </summary>
    public class BuildTests
    {
        private readonly Xunit.Abstractions.ITestOutputHelper _log;

        public BuildTests(Xunit.Abstractions.ITestOutputHelper log) => _log = log;

        [Fact]
        public void Dotnet_build_prints_located_diagnostics_for_csharp_and_yaml()
        {
            string root = Root();
            string dir = Path.Combine(Path.GetTempPath(), "errcat-build-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "catalog"));
            try
            {
                File.WriteAllText(Path.Combine(dir, "Sample.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <Import Project=""{root}/build/ErrorCatalog.Generator.props"" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <RootNamespace>Sample</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <ProjectReference Include=""{root}/generator/ErrorCatalog.Generator/ErrorCatalog.Generator.csproj"" OutputItemType=""Analyzer"" ReferenceOutputAssembly=""false"" />
    <ProjectReference Include=""{root}/generator/ErrorCatalog.Analyzers/ErrorCatalog.Analyzers.csproj"" OutputItemType=""Analyzer"" ReferenceOutputAssembly=""false"" />
  </ItemGroup>
  <Import Project=""{root}/build/ErrorCatalog.Generator.targets"" />
</Project>
");
                File.WriteAllText(Path.Combine(dir, "catalog", "svc.errors.yaml"), "catalog: Svc\nerrors:\n  - code: SV.1001\n    status: 404\n    message: Not found.\n  - code: SV.1001\n    status: 400\n    message: Again.\n");
                File.WriteAllText(Path.Combine(dir, ".editorconfig"), "root = true\n[*.cs]\ndotnet_diagnostic.ERRCAT101.severity = warning\n");
                File.WriteAllText(Path.Combine(dir, "Client.cs"), "namespace Sample\n{\n    public static class Client\n    {\n        public static bool IsMissing(string code) => code == \"SV.1010\";\n        public static string Known => \"SV.1001\";\n        public static string Constant => SvcErrorCodes.NotFound;\n    }\n}\n");

                // The referenced projects were built and restored with the solution; restoring them again
                // here (NuGet's default is recursive) would write their obj/ files while other test
                // assemblies (the package tests' `dotnet pack`) may do the same.
                (int exitCode, string output) = Run("dotnet", $"build \"{Path.Combine(dir, "Sample.csproj")}\" -p:BuildProjectReferences=false -p:RestoreRecursive=false -nologo -clp:NoSummary", dir);
                _log.WriteLine(output);

                Assert.True(exitCode != 0, output); // ERRCAT004 is an error
                Assert.Contains("Client.cs(5,63): warning ERRCAT100: 'SV.1010' is not in catalog Svc; did you mean 'SV.1001'?", output);
                Assert.Contains("Client.cs(6,39): warning ERRCAT101: 'SV.1001' can be written as SvcErrorCodes.NotFound", output);
                Assert.Contains("svc.errors.yaml(6,11): error ERRCAT004: The code 'SV.1001' is already defined on line 3; each code must appear once", output);
                Assert.DoesNotContain("CS8785", output);
                Assert.DoesNotContain("CS8784", output);
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }

        internal static (int ExitCode, string Output) Run(string file, string arguments, string workingDirectory)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["MSBUILDNOINPROCNODE"] = null;
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            using Process process = Process.Start(start)!;
            string stdout = process.StandardOutput.ReadToEndAsync().Result;
            string stderr = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(300_000), "dotnet build did not finish in 5 minutes");
            return (process.ExitCode, stdout + stderr);
        }

        internal static string Root([CallerFilePath] string path = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
    }
}
