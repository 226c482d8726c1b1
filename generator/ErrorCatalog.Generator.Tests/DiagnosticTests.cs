using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>Every bad catalog gets a located diagnostic, printed as the compiler prints it.</summary>
    public class DiagnosticTests
    {
        private const string Head = "catalog: Diag\nerrors:\n";

        public static IEnumerable<object[]> Cases => new List<object[]>
        {
            // yaml, id, 1-based line, 1-based column, a phrase of the message
            new object[] { "catalog: Diag\nerrors: [\n", DiagnosticIds.InvalidYaml, 3, 1, "not valid YAML" },
            new object[] { "catalog: 'unterminated\n", DiagnosticIds.InvalidYaml, 1, 10, "not valid YAML" },
            // YamlDotNet throws InvalidOperationException here (found by the fuzz tests); still ERRCAT001, located.
            new object[] { Head + "  - code: A.1\n    status: 401\n  [ name: X\n  - status: 582\n", DiagnosticIds.InvalidYaml, 5, 3, "could not read past this point" },
            new object[] { "", DiagnosticIds.WrongStructure, 1, 1, "empty" },
            new object[] { "- just a list\n", DiagnosticIds.WrongStructure, 1, 1, "must be a mapping" },
            new object[] { "errors: []\n", DiagnosticIds.WrongStructure, 1, 1, "'catalog'" },
            new object[] { "catalog: Diag\n", DiagnosticIds.WrongStructure, 1, 1, "'errors'" },
            new object[] { Head + "  - code: A.1\n    status: 400\n", DiagnosticIds.WrongStructure, 3, 5, "'message'" },
            new object[] { Head + "  - code: A.1\n    message: m\n", DiagnosticIds.WrongStructure, 3, 5, "'status'" },
            new object[] { Head + "  - status: 400\n    message: m\n", DiagnosticIds.WrongStructure, 3, 5, "'code'" },
            new object[] { Head + "  - code: A.1\n    status: 400\n    message: [a, b]\n", DiagnosticIds.WrongStructure, 5, 14, "single text value" },
            new object[] { Head + "  - code: A.1\n    status: 400\n    message: m\n    message: n\n", DiagnosticIds.WrongStructure, 6, 5, "appears twice" },
            new object[] { "catalog: Diag\nerrors: nope\n", DiagnosticIds.WrongStructure, 2, 9, "list of entries" },
            new object[] { Head + "  - just text\n", DiagnosticIds.WrongStructure, 3, 5, "must be a mapping" },
            new object[] { Head + "  - code: A.1\n    staus: 400\n    status: 400\n    message: m\n", DiagnosticIds.UnknownKey, 4, 5, "did you mean 'status'" },
            new object[] { "catalog: Diag\nnamepsace: X\nerrors: []\n", DiagnosticIds.UnknownKey, 2, 1, "did you mean 'namespace'" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m}\n  - {code: A.1, status: 400, message: n}\n", DiagnosticIds.DuplicateCode, 4, 12, "already defined on line 3" },
            new object[] { Head + "  - {code: A.1, status: 600, message: m}\n", DiagnosticIds.InvalidStatus, 3, 25, "100 to 599" },
            new object[] { Head + "  - {code: A.1, status: four hundred, message: m}\n", DiagnosticIds.InvalidStatus, 3, 25, "integer" },
            new object[] { Head + "  - {code: A.1, status: 99, message: m}\n", DiagnosticIds.InvalidStatus, 3, 25, "100 to 599" },
            new object[] { Head + "  - {code: 'A 1', status: 400, message: m}\n", DiagnosticIds.InvalidCode, 3, 12, "not a valid error code" },
            new object[] { Head + "  - {code: '  ', status: 400, message: m}\n", DiagnosticIds.InvalidCode, 3, 12, "not a valid error code" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'Bad {} here'}\n", DiagnosticIds.MalformedTemplate, 3, 39, "empty placeholder" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'Gap {0} {2}'}\n", DiagnosticIds.MalformedTemplate, 3, 39, "skip {1}" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'Mix {0} {id}'}\n", DiagnosticIds.MalformedTemplate, 3, 39, "mixes" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'One {0}', parameters: [a, b]}\n", DiagnosticIds.ParameterMismatch, 3, 62, "2 name(s)" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'Two {0} {1}', parameters: [a, a]}\n", DiagnosticIds.ParameterMismatch, 3, 70, "listed twice" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'One {0}', parameters: [1x]}\n", DiagnosticIds.ParameterMismatch, 3, 63, "not a valid parameter name" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'Id {id}', parameters: [other]}\n", DiagnosticIds.ParameterMismatch, 3, 63, "order of first appearance" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, name: 'Not valid'}\n", DiagnosticIds.InvalidName, 3, 48, "not a valid member name" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, name: Same}\n  - {code: A.2, status: 400, message: m, name: Same}\n", DiagnosticIds.InvalidName, 4, 48, "clashes" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, name: TryGet}\n", DiagnosticIds.InvalidName, 3, 48, "clashes" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, name: DiagErrors}\n", DiagnosticIds.InvalidName, 3, 48, "clashes" },
            new object[] { Head + "  - {code: A.1, status: 400, message: 'x {0}', name: Thing}\n  - {code: A.2, status: 400, message: m, name: FormatThing}\n", DiagnosticIds.InvalidName, 4, 48, "FormatThing" },
            new object[] { "catalog: 1Diag\nerrors: []\n", DiagnosticIds.InvalidIdentity, 1, 10, "not a valid catalog name" },
            new object[] { "catalog: Diag\nnamespace: My..Ns\nerrors: []\n", DiagnosticIds.InvalidIdentity, 2, 12, "not a valid namespace" },
            new object[] { "catalog: Diag\nerrors:\n  - &a {code: A.1, status: 400, message: m}\n  - *a\n", DiagnosticIds.ResourceLimit, 3, 5, "anchors" },
            new object[] { "catalog: Diag\nerrors: []\n", DiagnosticIds.EmptyCatalog, 2, 1, "no entries" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, replacedBy: A.9}\n", DiagnosticIds.InvalidReplacement, 3, 54, "not a code of the catalog" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, replacedBy: A.1}\n", DiagnosticIds.InvalidReplacement, 3, 54, "the entry's own code" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, replacedBy: A.2}\n  - {code: A.2, status: 400, message: n, deprecated: true}\n", DiagnosticIds.InvalidReplacement, 3, 54, "deprecated itself" },
            new object[] { "catalog: Diag\ndocs: /errors#{code}\nerrors: []\n", DiagnosticIds.InvalidDocsLink, 2, 7, "not an absolute http or https URL" },
            new object[] { "catalog: Diag\ndocs: 'ftp://x.example/{code}'\nerrors: []\n", DiagnosticIds.InvalidDocsLink, 2, 7, "not an absolute http or https URL" },
            new object[] { "catalog: Diag\ndocs: https://x.example/errors\nerrors: []\n", DiagnosticIds.InvalidDocsLink, 2, 7, "no {code} placeholder" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, retryable: maybe}\n", DiagnosticIds.WrongStructure, 3, 53, "true or false" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, eventId: 0}\n", DiagnosticIds.WrongStructure, 3, 51, "positive integer" },
            new object[] { Head + "  - {code: A.1, status: 409, message: m, grpcStatus: CONFLICT}\n", DiagnosticIds.InvalidGrpcStatus, 3, 54, "not a gRPC status code; use one of CANCELLED, UNKNOWN" },
            new object[] { Head + "  - {code: A.1, status: 409, message: m, grpcStatus: OK}\n", DiagnosticIds.InvalidGrpcStatus, 3, 54, "'OK' is not a gRPC status code" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, level: Loud}\n", DiagnosticIds.WrongStructure, 3, 49, "Trace, Debug, Information, Warning, Error, Critical" },
            new object[] { Head + "  - {code: A.1, status: 400, message: m, eventId: 7}\n  - {code: A.2, status: 400, message: n, eventId: 7}\n", DiagnosticIds.SharedEventId, 4, 51, "as 'A.1' (line 3) does" },
            new object[] { "catalog: Diag\nerrors: []\n---\ncatalog: Other\n", DiagnosticIds.WrongStructure, 3, 1, "one YAML document" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void Bad_catalogs_get_a_located_diagnostic(string yaml, string id, int line, int column, string phrase)
        {
            GeneratorResult result = GeneratorHarness.Run(yaml, path: "/repo/catalog/x.errors.yaml");
            Assert.Null(result.Exception);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics, d => d.Id == id);
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            Assert.Equal("/repo/catalog/x.errors.yaml", span.Path);
            Assert.Equal((line, column), (span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1));
            Assert.Contains(phrase, diagnostic.GetMessage());
            Assert.Equal(DiagnosticIds.Get(id).HelpLink ?? string.Empty, diagnostic.Descriptor.HelpLinkUri);
            Assert.StartsWith($"/repo/catalog/x.errors.yaml({line},{column}): ", diagnostic.ToString());

            // Whatever was generated beside the diagnostic still compiles.
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void An_invalid_entry_is_skipped_and_the_rest_is_generated()
        {
            string yaml = Head
                + "  - {code: A.1, status: 400, message: 'First.'}\n"
                + "  - {code: A.2, status: 999, message: 'Bad status.'}\n"
                + "  - {code: A.1, status: 400, message: 'Duplicate.'}\n"
                + "  - {code: A.3, status: 404, message: 'Third {0}.'}\n";
            GeneratorResult result = GeneratorHarness.Run(yaml);
            Assert.Equal(new[] { DiagnosticIds.InvalidStatus, DiagnosticIds.DuplicateCode }, result.GeneratorDiagnostics.Select(d => d.Id));
            string codes = result.Source("DiagErrorCodes.g.cs");
            Assert.Contains("public const string First = \"A.1\";", codes);
            Assert.Contains("public const string Third = \"A.3\";", codes);
            Assert.DoesNotContain("A.2", codes);
            Assert.DoesNotContain("Duplicate", codes);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void Unknown_keys_warn_but_the_entry_is_still_generated()
        {
            GeneratorResult result = GeneratorHarness.Run(Head + "  - {code: A.1, status: 400, message: m, severity: high}\n");
            Diagnostic warning = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(DiagnosticIds.UnknownKey, warning.Id);
            Assert.Equal(DiagnosticSeverity.Warning, warning.DefaultSeverity);
            Assert.Contains("const string M = \"A.1\"", result.Source("DiagErrorCodes.g.cs"));
        }

        [Fact]
        public void Unreadable_yaml_yields_no_types_and_one_error()
        {
            GeneratorResult result = GeneratorHarness.Run("catalog: Diag\nerrors:\n  - code: [unclosed\n");
            Assert.Equal(DiagnosticIds.InvalidYaml, Assert.Single(result.GeneratorDiagnostics).Id);
            Assert.Empty(result.Sources);
        }

        [Fact]
        public void Two_catalog_files_generating_the_same_types_are_reported_on_the_later_file()
        {
            var first = new InMemoryAdditionalText("/p/a.errors.yaml", "catalog: Same\nerrors:\n  - {code: A.1, status: 400, message: m}\n");
            var second = new InMemoryAdditionalText("/p/b.errors.yml", "# other\ncatalog: same\nerrors:\n  - {code: B.1, status: 400, message: m}\n");
            var elsewhere = new InMemoryAdditionalText("/p/c.errors.yaml", "catalog: Same\nnamespace: Other.Ns\nerrors:\n  - {code: C.1, status: 400, message: m}\n");
            GeneratorResult result = GeneratorHarness.Run(new AdditionalText[] { second, first, elsewhere }, TargetProfile.Net80Nullable);
            Diagnostic diagnostic = Assert.Single(result.GeneratorDiagnostics);
            Assert.Equal(DiagnosticIds.InvalidIdentity, diagnostic.Id);
            Assert.Equal("/p/b.errors.yml(2,10): error ERRCAT010: Catalog 'same' in namespace 'Consumer.App' is also defined by a.errors.yaml, so both would generate the same types; give one catalog another name or namespace", diagnostic.ToString());
            Assert.Equal(12, result.Sources.Length); // six files each (net8.0: the HTTP client and tracing files too)
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void Each_diagnostic_is_reported_once()
        {
            GeneratorResult result = GeneratorHarness.Run(Head + "  - {code: A.1, status: 600, message: 'x {}', staus: 1}\n");
            Assert.Equal(3, result.GeneratorDiagnostics.Length);
            Assert.Equal(3, result.GeneratorDiagnostics.Select(d => d.ToString()).Distinct().Count());
        }

        [Fact]
        public void Other_yaml_files_are_ignored()
        {
            GeneratorResult result = GeneratorHarness.Run("not: [valid", path: "/p/settings.yaml");
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.Sources);
        }

        [Fact]
        public void Every_id_links_to_its_help_page_under_the_one_repository_setting()
        {
            // The compiled-in repository is Directory.Build.props' ErrorCatalogRepositoryUrl, the one setting.
            string props = System.IO.File.ReadAllText(System.IO.Path.Combine(RepositoryRoot(), "Directory.Build.props"));
            string setting = System.Text.RegularExpressions.Regex.Match(props, "<ErrorCatalogRepositoryUrl>(.*?)</ErrorCatalogRepositoryUrl>").Groups[1].Value.Trim().TrimEnd('/');
            Assert.Equal(DiagnosticIds.RepositoryUrl, setting);

            const string repository = "https://git.example.test/team/errorcatalog";
            foreach (DiagnosticInfo info in DiagnosticIds.All)
            {
                Assert.Equal(DiagnosticIds.HelpLinkFor(info.Id, DiagnosticIds.RepositoryUrl), info.HelpLink);
                Assert.Equal(setting.Length == 0, info.HelpLink == null);
                string link = DiagnosticIds.HelpLinkFor(info.Id, repository)!;
                Assert.Equal($"{repository}/blob/main/docs/diagnostics/{info.Id}.md", link);
                string page = System.IO.Path.Combine(RepositoryRoot(), link.Substring((repository + "/blob/main/").Length));
                Assert.True(System.IO.File.Exists(page), $"missing help page {page}");
                string text = System.IO.File.ReadAllText(page);
                Assert.StartsWith($"# {info.Id}", text);
                Assert.Contains("## How to fix", text);
            }
        }

        [Fact]
        public void The_repository_setting_reaches_the_compiled_links()
        {
            // The core built with the setting given: its constant carries it (trailing '/' trimmed).
            string output = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "errcat-links-" + System.Guid.NewGuid().ToString("N"));
            string project = System.IO.Path.Combine(RepositoryRoot(), "generator", "ErrorCatalog.Core", "ErrorCatalog.Core.csproj");
            var start = new System.Diagnostics.ProcessStartInfo("dotnet", $"build \"{project}\" --no-restore --no-dependencies -nologo -tl:off \"-p:ErrorCatalogRepositoryUrl=https://git.example.test/team/errorcatalog/\" \"-p:OutputPath={output}/bin/\" \"-p:IntermediateOutputPath={output}/obj/\"")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            try
            {
                using (System.Diagnostics.Process process = System.Diagnostics.Process.Start(start)!)
                {
                    string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
                    process.WaitForExit();
                    Assert.True(process.ExitCode == 0, log);
                }

                System.Reflection.Assembly core = System.Reflection.Assembly.Load(System.IO.File.ReadAllBytes(System.IO.Path.Combine(output, "bin", "ErrorCatalog.Core.dll")));
                object? value = core.GetType("ErrorCatalog.Core.Diagnostics.DiagnosticIds")!.GetField(nameof(DiagnosticIds.RepositoryUrl))!.GetRawConstantValue();
                Assert.Equal("https://git.example.test/team/errorcatalog", value);
            }
            finally
            {
                if (System.IO.Directory.Exists(output))
                {
                    System.IO.Directory.Delete(output, recursive: true);
                }
            }
        }

        [Fact]
        public void Roslyn_descriptors_agree_with_the_core_table()
        {
            Assert.Equal(DiagnosticIds.CatalogDiagnostics.Select(i => i.Id), DiagnosticMapper.All.Select(d => d.Id));
            foreach (DiagnosticDescriptor descriptor in DiagnosticMapper.All)
            {
                DiagnosticInfo info = DiagnosticIds.Get(descriptor.Id);
                Assert.Equal(info.Title, descriptor.Title.ToString());
                Assert.Equal(info.Category, descriptor.Category);
                Assert.Equal(info.DefaultSeverity.ToString(), descriptor.DefaultSeverity.ToString());
                Assert.Equal(info.HelpLink ?? string.Empty, descriptor.HelpLinkUri);
            }
        }

        [Fact]
        public void Every_id_is_tracked_in_the_release_files()
        {
            string generator = System.IO.Path.Combine(RepositoryRoot(), "generator", "ErrorCatalog.Generator");
            string tracked = System.IO.File.ReadAllText(System.IO.Path.Combine(generator, "AnalyzerReleases.Shipped.md"))
                + System.IO.File.ReadAllText(System.IO.Path.Combine(generator, "AnalyzerReleases.Unshipped.md"));
            foreach (DiagnosticInfo info in DiagnosticIds.CatalogDiagnostics)
            {
                Assert.Contains(info.Id + " ", tracked);
            }
        }

        internal static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string path = "")
            => System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path)!, "..", ".."));
    }
}
