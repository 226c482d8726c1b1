using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorCatalog.Cli
{
    /// <summary>Positional arguments, <c>--name value</c> options and flags, as the command's row of the table allows.</summary>
    internal sealed class Arguments
    {
        private readonly Dictionary<string, string> _options = new Dictionary<string, string>(StringComparer.Ordinal);

        public List<string> Positional { get; } = new List<string>();

        public static Arguments Parse(string[] args, Command command)
        {
            var result = new Arguments();
            for (int i = 0; i < args.Length; i++)
            {
                string arg = args[i] == "--output" ? "-o" : args[i];
                if (!arg.StartsWith("-", StringComparison.Ordinal) || arg == "-")
                {
                    result.Positional.Add(arg);
                    continue;
                }

                if (command.Flags.Contains(arg))
                {
                    result._options[arg] = "true";
                    continue;
                }

                if (!command.Options.Contains(arg))
                {
                    throw new UsageException($"unknown option '{args[i]}'");
                }

                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"option '{args[i]}' needs a value");
                }

                result._options[arg] = args[++i];
            }

            return result;
        }

        public string? Optional(string name) => _options.TryGetValue(name, out string? value) ? value : null;

        public bool Flag(string name) => _options.ContainsKey(name);

        public string Required(string name) => Optional(name) ?? throw new UsageException($"option '{name}' is required");

        public string SinglePositional(string what)
        {
            if (Positional.Count != 1)
            {
                throw new UsageException(Positional.Count == 0 ? $"name the {what}" : $"expected one {what}, got {Positional.Count} arguments");
            }

            return Positional[0];
        }
    }
}
