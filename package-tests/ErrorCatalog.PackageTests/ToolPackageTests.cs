using System.IO;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>errcat is packed as a dotnet tool: it installs from the local feed and runs.</summary>
    [Collection(PackageCollection.Name)]
    public sealed class ToolPackageTests
    {
        private readonly PackageFixture _package;

        public ToolPackageTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void Errcat_installs_as_a_dotnet_tool_and_lints_a_catalog()
        {
            string repo = Dotnet.RepositoryRoot();
            string dir = _package.NewWorkFolder("tool");
            Dotnet.MustRun($"pack \"{Path.Combine(repo, "tools", "ErrorCatalog.Cli", "ErrorCatalog.Cli.csproj")}\" -c Release -p:Version={_package.Version} -o \"{_package.Feed}\"", repo);
            string tools = Path.Combine(dir, "tools");
            Dotnet.MustRun($"tool install ErrorCatalog.Cli --version {_package.Version} --tool-path \"{tools}\" --add-source \"{_package.Feed}\"", dir);
            string errcat = Path.Combine(tools, "errcat");

            (int help, string helpText) = Run(errcat, "--help", dir);
            Assert.Equal(0, help);
            Assert.Contains("errcat import TABLE.txt --catalog Name", helpText);

            File.WriteAllText(Path.Combine(dir, "bad.errors.yaml"), "catalog: Bad\nerrors:\n  - {code: B.1, status: 600, message: m}\n");
            (int lint, string lintText) = Run(errcat, "lint bad.errors.yaml", dir);
            Assert.Equal(1, lint);
            Assert.Contains("bad.errors.yaml(3,25): error ERRCAT005", lintText);
        }

        private static (int ExitCode, string Output) Run(string file, string arguments, string cwd)
        {
            var start = new System.Diagnostics.ProcessStartInfo(file, arguments) { WorkingDirectory = cwd, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = System.Diagnostics.Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit(120_000);
            return (process.ExitCode, output);
        }
    }
}
