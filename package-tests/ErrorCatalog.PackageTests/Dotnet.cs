using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.CompilerServices;

namespace ErrorCatalog.PackageTests
{
    /// <summary>Runs the dotnet CLI in a folder and returns what it printed.</summary>
    internal static class Dotnet
    {
        public static string RepositoryRoot([CallerFilePath] string path = "")
            => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));

        public static (int ExitCode, string Output) Run(string arguments, string workingDirectory, params (string Name, string? Value)[] environment)
        {
            var start = new ProcessStartInfo("dotnet", arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
            start.Environment["DOTNET_NOLOGO"] = "1";
            foreach ((string name, string? value) in environment)
            {
                start.Environment[name] = value;
            }

            using Process process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            string stderr = process.StandardError.ReadToEnd();
            if (!process.WaitForExit(600_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"dotnet {arguments} did not finish in 10 minutes");
            }

            return (process.ExitCode, stdout.Result + stderr);
        }

        public static string MustRun(string arguments, string workingDirectory, params (string Name, string? Value)[] environment)
        {
            (int exitCode, string output) = Run(arguments, workingDirectory, environment);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"dotnet {arguments} failed ({exitCode}) in {workingDirectory}:\n{output}");
            }

            return output;
        }
    }
}
