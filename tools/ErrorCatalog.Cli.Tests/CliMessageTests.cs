using System;
using System.IO;
using Xunit;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>What errcat says where a user needs it said: its version, the real problem first, the hint that helps.</summary>
    public class CliMessageTests
    {
        [Fact]
        public void Version_is_printed()
        {
            (int exit, string stdout, _) = CliTests.Run(CliTests.Temp(), "--version");
            Assert.Equal(0, exit);
            Assert.Matches(@"^errcat \d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?\n$", stdout);
            Assert.Contains("errcat --version", CliTests.Run(CliTests.Temp(), "--help").Out, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_table_is_reported_before_an_existing_output()
        {
            string dir = CliTests.Temp();
            File.WriteAllText(Path.Combine(dir, "x.errors.yaml"), "catalog: X\nerrors: []\n");
            (int exit, _, string stderr) = CliTests.Run(dir, "import", "missing.txt", "--catalog", "X", "-o", "x.errors.yaml");
            Assert.Equal(2, exit);
            Assert.Contains("file not found: missing.txt", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("exists", stderr, StringComparison.Ordinal);
        }

        [Fact]
        public void Linting_an_overlay_alone_names_the_catalog_to_add_and_full_coverage_reads_so()
        {
            string root = CliTests.Root();
            string overlay = Path.Combine(root, "catalog", "codearts-req.zh-CN.errors.yaml");
            (int alone, string aloneOut, string aloneErr) = CliTests.Run(CliTests.Temp(), "lint", overlay);
            Assert.Equal(1, alone);
            Assert.Contains("ERRCAT016", aloneOut, StringComparison.Ordinal);
            Assert.Contains("name the catalog too: errcat lint CATALOG.errors.yaml OVERLAY.errors.yaml", aloneErr, StringComparison.Ordinal);

            (int together, string togetherOut, string togetherErr) = CliTests.Run(CliTests.Temp(), "lint", Path.Combine(root, "catalog", "codearts-req.errors.yaml"), overlay);
            Assert.Equal(0, together);
            Assert.Contains("info ERRCAT015: The 'zh-CN' overlay of catalog 'CodeArtsReq' translates all 54 entries", togetherOut, StringComparison.Ordinal);
            Assert.Equal(string.Empty, togetherErr);
        }
    }
}
