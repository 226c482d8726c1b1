using System;
using System.IO;
using System.Linq;

namespace ErrorCatalog.Cli
{
    /// <summary>The errcat entry point: dispatch through the command table (<see cref="Commands"/>). Exit codes: 0 success, 1 catalog errors, 2 usage or file errors.</summary>
    public static partial class Cli
    {
        public const int Ok = 0;
        public const int CatalogErrors = 1;
        public const int UsageError = 2;

        public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string currentDirectory)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
            {
                stdout.Write(MainHelp());
                return args.Length == 0 ? UsageError : Ok;
            }

            if (args[0] is "--version" or "version")
            {
                stdout.WriteLine("errcat " + Version());
                return Ok;
            }

            Command? command = Find(args[0]);
            if (command == null)
            {
                stderr.WriteLine($"errcat: unknown command '{args[0]}'. Run 'errcat --help'.");
                return UsageError;
            }

            if (args.Skip(1).Any(a => a is "-h" or "--help"))
            {
                stdout.Write(command.Help);
                return Ok;
            }

            try
            {
                return command.Handler(Arguments.Parse(args.Skip(1).ToArray(), command), stdout, stderr, currentDirectory);
            }
            catch (UsageException ex)
            {
                stderr.WriteLine($"errcat {command.Name}: {ex.Message}. Run 'errcat {command.Name} --help'.");
                return UsageError;
            }
        }

        /// <summary>errcat's version: its package's (the informational version without the commit hash).</summary>
        private static string Version()
        {
            var attribute = (System.Reflection.AssemblyInformationalVersionAttribute?)Attribute.GetCustomAttribute(typeof(Cli).Assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
            string version = attribute?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version.Substring(0, plus);
        }

        internal static string ReadFile(string path, string cwd)
        {
            string full = Path.Combine(cwd, path);
            if (!File.Exists(full))
            {
                throw new UsageException($"file not found: {path}");
            }

            return File.ReadAllText(full);
        }
    }

    internal sealed class UsageException : Exception
    {
        public UsageException(string message)
            : base(message)
        {
        }
    }
}
