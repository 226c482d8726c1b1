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

        private static string? s_workRoot;
        private static string? s_packagesFolder;

        /// <summary>From now on, a command run below <paramref name="workRoot"/> restores into <paramref name="packagesFolder"/> (NUGET_PACKAGES).</summary>
        public static void IsolateRestores(string workRoot, string packagesFolder)
        {
            s_workRoot = workRoot;
            s_packagesFolder = packagesFolder;
        }

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
            if (s_workRoot != null && Path.GetFullPath(workingDirectory).StartsWith(s_workRoot, StringComparison.Ordinal))
            {
                start.Environment["NUGET_PACKAGES"] = s_packagesFolder;
            }

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
