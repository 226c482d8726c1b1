using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;

namespace ErrorCatalog.Testing
{
    /// <summary>
    /// What a test needs from the machine beyond NuGet (a browser, a native toolchain), provisioned by
    /// the test itself so that the README's two commands are all a fresh machine needs: found on the
    /// PATH when there, else installed with the system package manager (Debian's apt-get) when the test
    /// runs as root, once per machine (a lock file serializes the test assemblies that ask at the same
    /// time); where neither works, a failure that names the one command to run.
    /// Linked into the test projects that need it (<c>testing/</c> holds no project of its own).
    /// </summary>
    internal static class MachineSetup
    {
        private static readonly object s_gate = new object();

        /// <summary>The full path of <paramref name="command"/> on the PATH (then /usr/bin), or null.</summary>
        public static string? FindCommand(string command)
        {
            string[] dirs = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator);
            return dirs.Concat(new[] { "/usr/bin", "/usr/local/bin" })
                .Where(dir => dir.Length > 0)
                .Select(dir => Path.Combine(dir, command))
                .FirstOrDefault(File.Exists);
        }

        /// <summary>True when a file named <paramref name="fileName"/> is in one of the linker's usual library folders (however it got there).</summary>
        public static bool HasLibrary(string fileName)
            => new[] { "/usr/lib", "/usr/lib64", "/lib", "/lib64", "/usr/local/lib", "/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu" }
                .Any(dir => File.Exists(Path.Combine(dir, fileName)));

        /// <summary>
        /// Makes sure each prerequisite is on the machine: found where it is (on the PATH, in the library
        /// folders) however it was installed; else its Debian package installed with apt-get as root. Throws
        /// an <see cref="InvalidOperationException"/> naming the one command to run where that is not possible.
        /// </summary>
        /// <param name="why">What needs them, for the failure message.</param>
        /// <param name="prerequisites">What is needed, each with how to find it and its Debian package.</param>
        public static void Ensure(string why, params Prerequisite[] prerequisites)
        {
            Prerequisite[] missing = prerequisites.Where(p => !p.IsPresent()).ToArray();
            if (missing.Length == 0)
            {
                return;
            }

            lock (s_gate)
            {
                using FileStream machineLock = AcquireMachineLock();
                missing = missing.Where(p => !p.IsPresent()).ToArray(); // another test assembly may have installed them meanwhile
                if (missing.Length == 0)
                {
                    return;
                }

                string[] packages = missing.Select(p => p.DebianPackage).ToArray();
                string command = "apt-get install -y " + string.Join(" ", packages);
                string what = string.Join(", ", missing.Select(p => p.Name));
                if (FindCommand("apt-get") == null || !IsRoot())
                {
                    throw new InvalidOperationException($"{why} needs {what}, found neither on the PATH nor installed, and this test can install them only as root on a machine with apt-get: run 'sudo {command}' once, then the tests again.");
                }

                var environment = new[] { ("DEBIAN_FRONTEND", "noninteractive") };
                (int update, string updateOutput) = Run("apt-get", "update", TimeSpan.FromMinutes(10), environment);
                (int install, string installOutput) = update == 0 ? Run("apt-get", "install -y " + string.Join(" ", packages), TimeSpan.FromMinutes(20), environment) : (update, updateOutput);
                if (install != 0 || missing.Any(p => !p.IsPresent()))
                {
                    throw new InvalidOperationException($"{why} needs {what}; '{command}' failed (exit {install}): run it by hand, then the tests again.\n{Tail(installOutput)}");
                }
            }
        }

        /// <summary>
        /// Runs <paramref name="provision"/> while holding the machine-wide lock, so that a download or
        /// an install another test assembly may start at the same time happens once.
        /// </summary>
        public static T UnderMachineLock<T>(Func<T> provision)
        {
            lock (s_gate)
            {
                using FileStream machineLock = AcquireMachineLock();
                return provision();
            }
        }

        /// <summary>True for the root user (uid 0), who may run apt-get.</summary>
        public static bool IsRoot()
            => OperatingSystem.IsLinux() && Run("id", "-u", TimeSpan.FromSeconds(10)) is (0, string uid) && uid.Trim() == "0";

        /// <summary>Runs a program and returns its exit code and everything it printed; -1 when it cannot start or times out.</summary>
        public static (int ExitCode, string Output) Run(string file, string arguments, TimeSpan timeout, params (string Name, string Value)[] environment)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            foreach ((string name, string value) in environment)
            {
                start.Environment[name] = value;
            }

            try
            {
                using Process process = Process.Start(start)!;
                process.StandardInput.Close();
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit((int)timeout.TotalMilliseconds))
                {
                    process.Kill(entireProcessTree: true);
                    return (-1, $"{file} {arguments} did not finish in {timeout.TotalMinutes:0} minutes");
                }

                return (process.ExitCode, stdout.Result + stderr.Result);
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                return (-1, $"{file}: {ex.Message}");
            }
        }

        private static FileStream AcquireMachineLock()
        {
            string path = Path.Combine(Path.GetTempPath(), "errorcatalog-machine-setup.lock");
            DateTime giveUp = DateTime.UtcNow.AddMinutes(30);
            while (true)
            {
                try
                {
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                }
                catch (IOException) when (DateTime.UtcNow < giveUp)
                {
                    Thread.Sleep(500);
                }
            }
        }

        private static string Tail(string output)
        {
            string[] lines = output.Split('\n');
            return string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 15)));
        }
    }

    /// <summary>Something a test needs from the machine: how to tell it is there, and the Debian package that brings it.</summary>
    internal sealed record Prerequisite(string Name, Func<bool> IsPresent, string DebianPackage)
    {
        /// <summary>A command found on the PATH (or in /usr/bin, /usr/local/bin).</summary>
        public static Prerequisite Command(string command, string debianPackage)
            => new Prerequisite($"'{command}'", () => MachineSetup.FindCommand(command) != null, debianPackage);

        /// <summary>A library file the native linker finds (<c>libz.so</c>).</summary>
        public static Prerequisite Library(string fileName, string debianPackage)
            => new Prerequisite(fileName, () => MachineSetup.HasLibrary(fileName), debianPackage);
    }
}
