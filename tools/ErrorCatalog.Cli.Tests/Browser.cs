using System;
using System.IO;
using ErrorCatalog.Testing;
using Microsoft.Playwright;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// A Chromium for Playwright, provisioned the way the ecosystem does it, once per machine: a
    /// <c>chromium</c> already on the PATH; else Playwright's own browser (already downloaded, or
    /// downloaded now by <c>playwright install chromium</c>, with <c>install-deps</c> as root); else,
    /// where Playwright cannot download, Debian's <c>chromium</c> package through apt-get as root.
    /// Where none of these works, the failure names the command to run.
    /// </summary>
    internal static class Browser
    {
        private static readonly object s_gate = new object();
        private static string? s_resolved;
        private static bool s_done;

        /// <summary>The executable to launch, or null for Playwright's own browser.</summary>
        public static string? Chromium(IPlaywright playwright)
        {
            lock (s_gate)
            {
                if (!s_done)
                {
                    s_resolved = Resolve(playwright);
                    s_done = true;
                }

                return s_resolved;
            }
        }

        private static string? Resolve(IPlaywright playwright)
        {
            string? system = MachineSetup.FindCommand("chromium");
            if (system != null || File.Exists(playwright.Chromium.ExecutablePath))
            {
                return system;
            }

            bool own = MachineSetup.UnderMachineLock(() =>
            {
                if (MachineSetup.FindCommand("chromium") != null || File.Exists(playwright.Chromium.ExecutablePath))
                {
                    return MachineSetup.FindCommand("chromium") == null;
                }

                // Playwright's download (its CDN); its system dependencies only where it could download.
                if (Microsoft.Playwright.Program.Main(new[] { "install", "chromium" }) != 0)
                {
                    return false;
                }

                return !MachineSetup.IsRoot() || Microsoft.Playwright.Program.Main(new[] { "install-deps", "chromium" }) == 0;
            });
            if (own)
            {
                return null;
            }

            // Playwright could not download here: the system's package (Debian's chromium, as root).
            MachineSetup.EnsureDebianPackages("The docs-page test (a real browser)", "chromium");
            return MachineSetup.FindCommand("chromium")
                ?? throw new InvalidOperationException("chromium was installed but is not on the PATH or in /usr/bin");
        }
    }
}
