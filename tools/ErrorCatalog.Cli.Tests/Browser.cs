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

        /// <summary>Where a browser was found.</summary>
        private enum Found
        {
            /// <summary>A <c>chromium</c> on the PATH: launched by its path.</summary>
            SystemChromium,

            /// <summary>Playwright's own browser (downloaded before or now): launched by Playwright.</summary>
            PlaywrightBrowser,

            /// <summary>Neither, and Playwright could not download one.</summary>
            Nothing,
        }

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
            Found found = Look(playwright);
            if (found == Found.Nothing)
            {
                found = MachineSetup.UnderMachineLock(() =>
                {
                    Found again = Look(playwright); // another test assembly may have provisioned it meanwhile
                    return again != Found.Nothing ? again : Download();
                });
            }

            switch (found)
            {
                case Found.SystemChromium:
                    return MachineSetup.FindCommand("chromium");
                case Found.PlaywrightBrowser:
                    return null;
                default:
                    // Playwright could not download here: the system's package (Debian's chromium, as root).
                    MachineSetup.Ensure("The docs-page test (a real browser)", Prerequisite.Command("chromium", "chromium"));
                    return MachineSetup.FindCommand("chromium")
                        ?? throw new InvalidOperationException("chromium was installed but is not on the PATH or in /usr/bin");
            }
        }

        private static Found Look(IPlaywright playwright)
            => MachineSetup.FindCommand("chromium") != null ? Found.SystemChromium
                : File.Exists(playwright.Chromium.ExecutablePath) ? Found.PlaywrightBrowser
                : Found.Nothing;

        /// <summary>Playwright's download (its CDN); its system dependencies, as root, only where it could download.</summary>
        private static Found Download()
        {
            if (Microsoft.Playwright.Program.Main(new[] { "install", "chromium" }) != 0)
            {
                return Found.Nothing;
            }

            return !MachineSetup.IsRoot() || Microsoft.Playwright.Program.Main(new[] { "install-deps", "chromium" }) == 0 ? Found.PlaywrightBrowser : Found.Nothing;
        }
    }
}
