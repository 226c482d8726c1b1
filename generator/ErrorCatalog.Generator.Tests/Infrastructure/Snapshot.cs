using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using Xunit.Sdk;

namespace ErrorCatalog.Generator.Tests.Infrastructure
{
    /// <summary>
    /// Snapshot files in Verify's conventions: <c>Snapshots/{Test}#{hint}.verified.cs</c> is the
    /// approved text; on a mismatch the actual text is written beside it as <c>.received.cs</c> and
    /// the test fails. Set <c>ERRORCATALOG_ACCEPT_SNAPSHOTS=1</c> to accept the received text.
    /// </summary>
    public static class Snapshot
    {
        /// <summary>This source file's path, baked in at compile time: snapshots live beside the test sources.</summary>
        private static string ThisFile([CallerFilePath] string path = "") => path;

        public const string AcceptVariable = "ERRORCATALOG_ACCEPT_SNAPSHOTS";

        /// <summary>Checks every generated source, writing a .received file for each mismatch before failing.</summary>
        public static void MatchAll(string testName, IEnumerable<(string HintName, string Text)> sources)
        {
            var failures = new List<string>();
            foreach ((string hintName, string text) in sources)
            {
                try
                {
                    Match(testName, hintName, text);
                }
                catch (XunitException ex)
                {
                    failures.Add(ex.Message);
                }
            }

            if (failures.Count > 0)
            {
                throw new XunitException(string.Join("\n", failures));
            }
        }

        public static void Match(string testName, string hintName, string actual)
        {
            string directory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(ThisFile())!, "..", "Snapshots"));
            string stem = Path.GetFileNameWithoutExtension(hintName.EndsWith(".g.cs", StringComparison.Ordinal) ? hintName.Substring(0, hintName.Length - 3) : hintName);
            string verified = Path.Combine(directory, $"{testName}#{stem}.verified.cs");
            string received = Path.Combine(directory, $"{testName}#{stem}.received.cs");
            bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";

            string? expected = File.Exists(verified) ? File.ReadAllText(verified) : null;
            if (expected != null)
            {
                expected = expected.Replace("\r\n", "\n");
            }

            if (expected == actual)
            {
                if (File.Exists(received))
                {
                    File.Delete(received);
                }

                return;
            }

            if (accept)
            {
                Directory.CreateDirectory(directory);
                File.WriteAllText(verified, actual);
                if (File.Exists(received))
                {
                    File.Delete(received);
                }

                return;
            }

            File.WriteAllText(received, actual);
            throw new XunitException(expected == null
                ? $"No snapshot {verified}; the output was written to {received}. Review it and rerun with {AcceptVariable}=1 to accept."
                : $"Snapshot {verified} differs from the output, written to {received}. Diff them; rerun with {AcceptVariable}=1 to accept.");
        }
    }
}
