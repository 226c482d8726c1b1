using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ErrorCatalog.Testing;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// What a user sees while typing: csharp-ls (the dotnet tool of dotnet-tools.json, 0.28.0) runs
    /// the analyzer in a sample project; an unknown code gets ERRCAT100 at the token's range, and
    /// the squiggle goes away once the text holds a known code; and an app whose catalog lives in a
    /// referenced library keeps the squiggle (the reference catalog reaches the editor's design-time build).
    /// </summary>
    public class EditorTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

        [Fact]
        public async Task Csharp_ls_reports_ERRCAT100_while_typing_and_clears_it_after_the_fix()
        {
            string root = BuildTests.Root();
            (int restoreTool, string toolOutput) = BuildTests.Run("dotnet", "tool restore", root);
            Assert.True(restoreTool == 0, toolOutput);

            string dir = Path.Combine(Path.GetTempPath(), "errcat-editor-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            try
            {
                string bin = AppContext.BaseDirectory;
                File.WriteAllText(Path.Combine(dir, "Sample.csproj"), $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include=""{bin}ErrorCatalog.Analyzers.dll"" />
    <Analyzer Include=""{bin}ErrorCatalog.Core.dll"" />
    <Analyzer Include=""{bin}YamlDotNet.dll"" />
    <AdditionalFiles Include=""codearts-req.errors.yaml"" />
  </ItemGroup>
</Project>
");
                File.WriteAllText(Path.Combine(dir, "codearts-req.errors.yaml"), AnalyzerTestSetup.CodeArtsYaml);
                const string unknown = "namespace Sample;\n\npublic static class Client\n{\n    public static bool IsMissing(string code) => code == \"PM.0217500\";\n}\n";
                string known = unknown.Replace("PM.0217500", "PM.02175005", StringComparison.Ordinal);
                string file = Path.Combine(dir, "Client.cs");
                File.WriteAllText(file, unknown);
                (int restore, string restoreOutput) = BuildTests.Run("dotnet", "restore Sample.csproj", dir);
                Assert.True(restore == 0, restoreOutput);

                using LanguageServerClient client = await StartAsync(root, dir);
                string uri = new Uri(file).AbsoluteUri;

                client.Notify("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = unknown },
                });

                JsonObject diagnostic = await WaitFor(client, uri, items => items.FirstOrDefault(d => Code(d) == "ERRCAT100") as JsonObject, "ERRCAT100 after didOpen");
                Assert.Contains("'PM.0217500' is not in catalog CodeArtsReq; did you mean 'PM.02175006', 'PM.02175200' or 'PM.02175005'?", diagnostic["message"]!.GetValue<string>());
                JsonNode range = diagnostic["range"]!;
                int column = unknown.Split('\n')[4].IndexOf("PM.0217500", StringComparison.Ordinal);
                Assert.Equal(4, range["start"]!["line"]!.GetValue<int>());
                Assert.Equal(column, range["start"]!["character"]!.GetValue<int>());
                Assert.Equal(4, range["end"]!["line"]!.GetValue<int>());
                Assert.Equal(column + "PM.0217500".Length, range["end"]!["character"]!.GetValue<int>());

                client.Notify("textDocument/didChange", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = 2 },
                    ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = known }),
                });
                await WaitFor(client, uri, items => items.Any(d => Code(d) == "ERRCAT100") ? null : new JsonObject(), "ERRCAT100 to go away after the edit");

                await ShutdownAsync(client);
            }
            finally
            {
                DeleteQuietly(dir);
            }
        }

        [Fact]
        public async Task Csharp_ls_reports_ERRCAT100_against_a_referenced_library_catalog()
        {
            string root = BuildTests.Root();
            (int restoreTool, string toolOutput) = BuildTests.Run("dotnet", "tool restore", root);
            Assert.True(restoreTool == 0, toolOutput);

            string dir = Path.Combine(Path.GetTempPath(), "errcat-editor-lib-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "Lib"));
            Directory.CreateDirectory(Path.Combine(dir, "App"));
            try
            {
                // The library owns the catalog; the app only references it (the generator is left out:
                // the squiggle needs the analyzer and the package's targets alone).
                string bin = AppContext.BaseDirectory;
                string Project(string output, string references) => $@"<Project Sdk=""Microsoft.NET.Sdk"">
  <Import Project=""{root}/build/ErrorCatalog.Generator.props"" />
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <OutputType>{output}</OutputType>
    <RootNamespace>{(output == "Exe" ? "App" : "Contoso.Errors")}</RootNamespace>
  </PropertyGroup>
  <ItemGroup>
    <Analyzer Include=""{bin}ErrorCatalog.Analyzers.dll"" />
    <Analyzer Include=""{bin}ErrorCatalog.Core.dll"" />
    <Analyzer Include=""{bin}YamlDotNet.dll"" />
    {references}
  </ItemGroup>
  <Import Project=""{root}/build/ErrorCatalog.Generator.targets"" />
</Project>
";
                File.WriteAllText(Path.Combine(dir, "Lib", "Lib.csproj"), Project("Library", string.Empty));
                File.WriteAllText(Path.Combine(dir, "Lib", "codearts-req.errors.yaml"), AnalyzerTestSetup.CodeArtsYaml);
                File.WriteAllText(Path.Combine(dir, "App", "App.csproj"), Project("Exe", "<ProjectReference Include=\"../Lib/Lib.csproj\" />"));
                const string text = "System.Console.WriteLine(\"PM.0217500\");\n";
                string file = Path.Combine(dir, "App", "Program.cs");
                File.WriteAllText(file, text);
                (int restore, string restoreOutput) = BuildTests.Run("dotnet", "restore App/App.csproj", dir);
                Assert.True(restore == 0, restoreOutput);

                using LanguageServerClient client = await StartAsync(root, Path.Combine(dir, "App"));
                string uri = new Uri(file).AbsoluteUri;
                client.Notify("textDocument/didOpen", new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
                });

                JsonObject diagnostic = await WaitFor(client, uri, items => items.FirstOrDefault(d => Code(d) == "ERRCAT100") as JsonObject, "ERRCAT100 from the library's catalog");
                Assert.Contains("'PM.0217500' is not in catalog CodeArtsReq", diagnostic["message"]!.GetValue<string>());
                await ShutdownAsync(client);
            }
            finally
            {
                DeleteQuietly(dir);
            }
        }

        /// <summary>Starts csharp-ls on a folder with analyzers on, as an editor would, and completes the LSP handshake.</summary>
        internal static async Task<LanguageServerClient> StartAsync(string root, string folder)
        {
            var settings = new JsonObject { ["csharp"] = new JsonObject { ["analyzersEnabled"] = true } };
            var client = new LanguageServerClient(new ProcessStartInfo("dotnet", "tool run csharp-ls --loglevel info") { WorkingDirectory = root }, settings);
            string rootUri = new Uri(folder + "/").AbsoluteUri;
            await client.RequestAsync("initialize", new JsonObject
            {
                ["processId"] = Environment.ProcessId,
                ["rootUri"] = rootUri,
                ["capabilities"] = new JsonObject
                {
                    ["workspace"] = new JsonObject { ["configuration"] = true, ["didChangeConfiguration"] = new JsonObject { ["dynamicRegistration"] = true } },
                    ["textDocument"] = new JsonObject
                    {
                        ["synchronization"] = new JsonObject { ["dynamicRegistration"] = true },
                        ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = true },
                        ["publishDiagnostics"] = new JsonObject(),
                    },
                },
                ["initializationOptions"] = settings.DeepClone(),
                ["workspaceFolders"] = new JsonArray(new JsonObject { ["uri"] = rootUri, ["name"] = "sample" }),
            }, Patience);
            client.Notify("initialized", new JsonObject());
            client.Notify("workspace/didChangeConfiguration", new JsonObject { ["settings"] = settings.DeepClone() });
            return client;
        }

        internal static async Task ShutdownAsync(LanguageServerClient client)
        {
            await client.RequestAsync("shutdown", null, TimeSpan.FromSeconds(30));
            client.Notify("exit", null);
        }

        /// <summary>Deletes a test folder; a file a language server process still holds is left to the OS.</summary>
        internal static void DeleteQuietly(string dir)
        {
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        internal static string? Code(JsonNode? diagnostic) => diagnostic?["code"]?.ToString();

        /// <summary>Pulls (and reads pushed) diagnostics until <paramref name="select"/> finds what it wants.</summary>
        internal static async Task<JsonObject> WaitFor(LanguageServerClient client, string uri, Func<JsonArray, JsonObject?> select, string what)
        {
            DateTime deadline = DateTime.UtcNow + Patience;
            string last = "(none)";
            while (DateTime.UtcNow < deadline)
            {
                JsonNode? report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = uri } }, Patience);
                if (report?["items"] is JsonArray items)
                {
                    last = items.ToJsonString();
                    if (select(items) is JsonObject found)
                    {
                        return found;
                    }
                }

                if (client.Published(uri) is JsonArray published && select(published) is JsonObject pushed)
                {
                    return pushed;
                }

                await Task.Delay(500);
            }

            throw new TimeoutException($"waited {Patience.TotalSeconds} s for {what}; last diagnostics: {last}\n{client.Log}");
        }
    }
}
