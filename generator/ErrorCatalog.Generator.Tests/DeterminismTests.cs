using System.Globalization;
using System.IO;
using System.Linq;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>Same input, byte-identical output: whatever the line endings, the run, or the current culture.</summary>
    public class DeterminismTests
    {
        private static readonly string s_yaml = File.ReadAllText(ErrorTable.CatalogFile("codearts-req.errors.yaml")).Replace("\r\n", "\n")
            + "  - code: X.1\n    status: 400\n    message: |\n      Multi-line {0}\n      block scalar {1,5:N2}\n";

        private static string[] Generate(string yaml)
            => GeneratorHarness.Run(yaml).Sources.Select(s => s.HintName + "\n" + s.SourceText.ToString()).ToArray();

        [Fact]
        public void Crlf_and_lf_input_give_identical_output()
        {
            Assert.DoesNotContain("\r", s_yaml);
            string[] lf = Generate(s_yaml);
            string[] crlf = Generate(s_yaml.Replace("\n", "\r\n"));
            Assert.Equal(6, lf.Length); // four files, the HTTP client file and the tracing file: net8.0 sees HttpClient, System.Text.Json and Activity
            Assert.Equal(lf, crlf);
            Assert.All(lf, text => Assert.DoesNotContain("\r", text));
        }

        [Fact]
        public void Two_runs_give_identical_output()
        {
            Assert.Equal(Generate(s_yaml), Generate(s_yaml));
        }

        [Theory]
        [InlineData("tr-TR")]
        [InlineData("sv-SE")]
        public void Output_does_not_depend_on_the_current_culture(string culture)
        {
            CultureInfo original = CultureInfo.CurrentCulture;
            CultureInfo originalUi = CultureInfo.CurrentUICulture;
            string[] invariant;
            string[] localized;
            try
            {
                CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
                invariant = Generate(s_yaml);
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                CultureInfo.CurrentUICulture = new CultureInfo(culture);
                Assert.Equal("1,5", 1.5.ToString()); // the culture really is in force (ICU present)
                localized = Generate(s_yaml);
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
                CultureInfo.CurrentUICulture = originalUi;
            }

            Assert.Equal(invariant, localized);
        }
    }
}
