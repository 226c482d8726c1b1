using System;
using System.Globalization;
using System.Text;

namespace ErrorCatalog.Perf
{
    /// <summary>Seeded synthetic catalogs with realistic messages, ~10% of them with placeholders. Never committed as files.</summary>
    internal static class SyntheticCatalog
    {
        private static readonly string[] s_subjects = { "The project", "The user", "The requirement", "The token", "The member", "The label", "The workspace", "The job", "The quota", "The resource" };
        private static readonly string[] s_problems = { "does not exist", "has been deleted", "cannot be modified", "is not allowed", "has expired", "is already in use", "exceeds the limit", "is invalid", "was not found in the current tenant", "is being processed" };
        private static readonly string[] s_fixes = { "Check the request parameters and try again.", "Contact the administrator.", "Use a valid value.", "Wait and retry later.", "Create the resource first." };

        public static string Yaml(int entries, int seed = 1234, string name = "Synthetic")
        {
            var random = new Random(seed);
            var builder = new StringBuilder(entries * 260);
            builder.Append("catalog: ").Append(name).Append("\nnamespace: Perf.Catalogs\nerrors:\n");
            for (int i = 0; i < entries; i++)
            {
                (string message, string description, string solution) = Entry(random, i);
                builder.Append("  - code: PM.").Append((10000000 + i).ToString(CultureInfo.InvariantCulture)).Append('\n');
                builder.Append("    status: ").Append(StatusOf(random)).Append('\n');
                builder.Append("    message: ").Append(message).Append('\n');
                builder.Append("    description: ").Append(description).Append('\n');
                builder.Append("    solution: ").Append(solution).Append('\n');
            }

            return builder.ToString();
        }

        /// <summary>The same entries as (code, message) pairs, for peers that take other formats.</summary>
        public static (string Code, string Message)[] Messages(int entries, int seed = 1234)
        {
            var random = new Random(seed);
            var result = new (string, string)[entries];
            for (int i = 0; i < entries; i++)
            {
                (string message, _, _) = Entry(random, i);
                StatusOf(random);
                result[i] = ("PM." + (10000000 + i).ToString(CultureInfo.InvariantCulture), message);
            }

            return result;
        }

        private static (string Message, string Description, string Solution) Entry(Random random, int i)
        {
            string subject = s_subjects[random.Next(s_subjects.Length)];
            string problem = s_problems[random.Next(s_problems.Length)];
            string message = random.Next(10) == 0
                ? $"{subject} {{0}} {problem} (entry {i})."
                : $"{subject} {problem} (entry {i}).";
            string description = $"{subject} named in the request {problem}; this happens when the request refers to it after a change (entry {i}).";
            string solution = s_fixes[random.Next(s_fixes.Length)];
            return (message, description, solution);
        }

        private static string StatusOf(Random random)
            => random.Next(10) switch { 0 => "404", 1 => "403", 2 => "409", 3 => "500", _ => "400" };
    }
}
