using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ErrorCatalog.Testing;
using Xunit;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// A real YAML editor session: yaml-language-server over stdio, on catalogs whose modeline names the schema
    /// errcat writes beside them (as <c>errcat import</c> and <c>errcat schema</c> leave them), with no schema
    /// store (offline). Problems stand at their line, keys complete inside an entry, and hover explains a key
    /// with the README's words; an overlay gets the overlay form.
    /// </summary>
    public class YamlEditorTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

        // Zero-based lines, as LSP counts them.
        private const string Catalog =
            "# yaml-language-server: $schema=errorcatalog.schema.json\n" + // 0
            "catalog: Shop\n" +                                          // 1
            "errors:\n" +                                                // 2
            "  - code: SH.0001\n" +                                      // 3
            "    status: \"404\"\n" +                                    // 4: a string status
            "    message: Not found.\n" +                                // 5
            "    retryable: true\n" +                                    // 6
            "    colour: red\n" +                                        // 7: an unknown key
            "  - code: SH.0002\n" +                                      // 8
            "    status: 409\n" +                                        // 9
            "    message: Conflict.\n" +                                 // 10
            "    grpcStatus: CONFLICTED\n" +                             // 11: not a gRPC status name
            "  - code: SH.0003\n" +                                      // 12: no message
            "    status: 400\n" +                                        // 13
            "    \n";                                                     // 14: where a key is typed

        private const string Overlay =
            "# yaml-language-server: $schema=errorcatalog.schema.json\n" + // 0
            "catalog: Shop\n" +                                          // 1
            "culture: zh-CN\n" +                                         // 2
            "errors:\n" +                                                // 3
            "  - code: SH.0001\n" +                                      // 4
            "    message: 未找到。\n" +                                   // 5
            "    status: 404\n" +                                        // 6: an overlay translates texts only
            "    \n";                                                     // 7

        [Fact]
        public async Task The_schema_beside_a_catalog_drives_diagnostics_completion_and_hover()
        {
            string dir = CliTests.Temp();
            Assert.Equal(0, CliTests.Run(dir, "schema", "-o", ".").Exit);
            string catalog = Path.Combine(dir, "shop.errors.yaml");
            string overlay = Path.Combine(dir, "shop.zh-CN.errors.yaml");
            File.WriteAllText(catalog, Catalog);
            File.WriteAllText(overlay, Overlay);

            using LanguageServerClient client = await StartAsync(dir);
            string uri = Open(client, catalog, Catalog);
            JsonArray diagnostics = await DiagnosticsAsync(client, uri, 4);
            Assert.True(HasAt(diagnostics, 4, "integer"), Dump(diagnostics));                  // "404": Incorrect type. Expected "integer".
            Assert.True(HasAt(diagnostics, 7, "colour"), Dump(diagnostics));                   // Property colour is not allowed.
            Assert.True(HasAt(diagnostics, 11, "CANCELLED"), Dump(diagnostics));               // Value is not accepted. Valid values: "CANCELLED", ...
            Assert.True(HasAt(diagnostics, 12, "message"), Dump(diagnostics));                 // Missing property "message".
            Assert.DoesNotContain(diagnostics, d => Line(d) is 5 or 6 or 9 or 10 or 13);

            string[] keys = await CompletionLabelsAsync(client, uri, 14, 4);
            Assert.Contains("message", keys);
            Assert.Contains("retryable", keys);
            Assert.Contains("grpcStatus", keys);
            Assert.DoesNotContain("colour", keys);

            string hover = await HoverAsync(client, uri, 6, 6);
            Assert.Contains("True when a retry may succeed", hover, StringComparison.Ordinal); // README: "true when a retry may succeed"

            string overlayUri = Open(client, overlay, Overlay);
            JsonArray overlayDiagnostics = await DiagnosticsAsync(client, overlayUri, 1);
            Assert.True(HasAt(overlayDiagnostics, 6, "status"), Dump(overlayDiagnostics));
            Assert.DoesNotContain(overlayDiagnostics, d => Line(d) is 5);
            string[] overlayKeys = await CompletionLabelsAsync(client, overlayUri, 7, 4);
            Assert.Contains("description", overlayKeys);
            Assert.Contains("solution", overlayKeys);
            Assert.DoesNotContain("retryable", overlayKeys);

            await client.RequestAsync("shutdown", null, TimeSpan.FromSeconds(30));
            client.Notify("exit", null);
        }

        private static async Task<LanguageServerClient> StartAsync(string folder)
        {
            var settings = new JsonObject
            {
                ["yaml"] = new JsonObject
                {
                    ["validate"] = true,
                    ["hover"] = true,
                    ["completion"] = true,
                    ["schemaStore"] = new JsonObject { ["enable"] = false }, // offline: the modeline's schema only
                    ["format"] = new JsonObject { ["enable"] = false },
                },
                ["http"] = new JsonObject(),
                ["[yaml]"] = new JsonObject(),
                ["editor"] = new JsonObject { ["tabSize"] = 2 },
                ["files"] = new JsonObject(),
            };
            var client = new LanguageServerClient(new ProcessStartInfo(MachineSetup.FindCommand("node")!, $"\"{YamlLanguageServer.Script()}\" --stdio") { WorkingDirectory = folder }, settings);
            string rootUri = new Uri(folder + "/").AbsoluteUri;
            await client.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = rootUri,
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true },
                    ["textDocument"] = new JsonObject
                    {
                        ["publishDiagnostics"] = new JsonObject(),
                        ["completion"] = new JsonObject { ["completionItem"] = new JsonObject { ["documentationFormat"] = new JsonArray("markdown", "plaintext") } },
                        ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
                    },
                },
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "catalogs" }),
            }, Patience);
            client.Notify("initialized", new JsonObject());
            client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
            return client;
        }

        private static string Open(LanguageServerClient client, string path, string text)
        {
            string uri = new Uri(path).AbsoluteUri;
            client.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "yaml", ["version"] = 1, ["text"] = text },
            });
            return uri;
        }

        /// <summary>The diagnostics the server pushes for the document, once it has pushed at least <paramref name="atLeast"/>.</summary>
        private static async Task<JsonArray> DiagnosticsAsync(LanguageServerClient client, string uri, int atLeast)
        {
            DateTime deadline = DateTime.UtcNow + Patience;
            while (DateTime.UtcNow < deadline)
            {
                if (client.Published(uri) is JsonArray items && items.Count >= atLeast)
                {
                    return items;
                }

                await Task.Delay(200);
            }

            throw new TimeoutException($"no {atLeast} diagnostics for {uri}: {Dump(client.Published(uri))}\n{client.Log}");
        }

        private static async Task<string[]> CompletionLabelsAsync(LanguageServerClient client, string uri, int line, int character)
        {
            JsonNode? result = await client.RequestAsync("textDocument/completion", Position(uri, line, character), Patience);
            JsonArray items = result is JsonArray array ? array : result?["items"]?.AsArray() ?? new JsonArray();
            return items.Select(i => i?["label"]?.GetValue<string>() ?? string.Empty).ToArray();
        }

        private static async Task<string> HoverAsync(LanguageServerClient client, string uri, int line, int character)
        {
            JsonNode? result = await client.RequestAsync("textDocument/hover", Position(uri, line, character), Patience);
            JsonNode? contents = result?["contents"];
            return contents is JsonObject markup ? markup["value"]?.GetValue<string>() ?? string.Empty : contents?.ToJsonString() ?? string.Empty;
        }

        private static JsonObject Position(string uri, int line, int character)
            => new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = new JsonObject { ["line"] = line, ["character"] = character } };

        private static int Line(JsonNode? diagnostic) => diagnostic?["range"]?["start"]?["line"]?.GetValue<int>() ?? -1;

        private static bool HasAt(JsonArray diagnostics, int line, string word)
            => diagnostics.Any(d => Line(d) == line && (d?["message"]?.GetValue<string>() ?? string.Empty).Contains(word, StringComparison.Ordinal));

        private static string Dump(JsonArray? diagnostics)
            => diagnostics == null ? "(none)" : string.Join("\n", diagnostics.Select(d => $"{Line(d)}: {d?["message"]}"));
    }
}
