using System;
using System.IO;
using ErrorCatalog.Testing;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// Red Hat's yaml-language-server (what VS Code's YAML extension and most LSP editors run), provisioned
    /// the way the browser is, once per checkout: Node from the PATH (else Debian's nodejs through apt-get as
    /// root), the server from the npm registry into <c>artifacts/test-tools/</c> with npm's cache there too, so
    /// nothing lands in the user's npm folders. Version 1.25.0: 2.x needs Node 22 or later.
    /// </summary>
    internal static class YamlLanguageServer
    {
        public const string Version = "1.25.0";

        private static readonly object s_gate = new object();
        private static string? s_script;

        /// <summary>The server's entry script, installed if it is not yet.</summary>
        public static string Script()
        {
            lock (s_gate)
            {
                return s_script ??= Provision();
            }
        }

        private static string Provision()
        {
            MachineSetup.Ensure("The YAML editor test (yaml-language-server)", Prerequisite.Command("node", "nodejs"), Prerequisite.Command("npm", "npm"));
            string prefix = Path.Combine(CliTests.Root(), "artifacts", "test-tools", "yaml-language-server-" + Version);
            string script = Path.Combine(prefix, "node_modules", "yaml-language-server", "bin", "yaml-language-server");
            return MachineSetup.UnderMachineLock(() =>
            {
                if (File.Exists(script))
                {
                    return script;
                }

                Directory.CreateDirectory(prefix);
                string npm = MachineSetup.FindCommand("npm")!;
                (int exit, string output) = MachineSetup.Run(npm, $"install --no-audit --no-fund --prefix \"{prefix}\" --cache \"{Path.Combine(prefix, ".npm-cache")}\" yaml-language-server@{Version}", TimeSpan.FromMinutes(10));
                if (exit != 0 || !File.Exists(script))
                {
                    throw new InvalidOperationException($"npm could not install yaml-language-server {Version} (exit {exit}); run 'npm install --prefix \"{prefix}\" yaml-language-server@{Version}' by hand, then the tests again.\n{output}");
                }

                return script;
            });
        }
    }
}
