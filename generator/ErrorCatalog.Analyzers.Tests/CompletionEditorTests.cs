using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using ErrorCatalog.Testing;
using Xunit;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// Completion of codes in a real editor: csharp-ls (which asks Roslyn's CompletionService, with the project's
    /// analyzer references) answers <c>textDocument/completion</c> after <c>"SHOP.</c> with the catalog's codes,
    /// narrows them as more is typed, puts the deprecated one last, and offers none in <c>"hello.</c>.
    /// </summary>
    public class CompletionEditorTests
    {
        private const string Catalog = "catalog: Shop\nnamespace: Contoso.Shop\nerrors:\n"
            + "  - {code: SHOP.0001, status: 404, name: OrderNotFound, message: The order does not exist., solution: Check the order id.}\n"
            + "  - {code: SHOP.0002, status: 409, name: OrderLocked, message: The order is locked., replacedBy: SHOP.0003}\n"
            + "  - {code: SHOP.0003, status: 409, name: OrderBusy, message: The order is busy.}\n";

        private const string Program = "string a = \"SHOP.\";\nstring b = \"SHOP.0003\";\nstring c = \"hello.\";\nSystem.Console.WriteLine(a + b + c + Contoso.Shop.ShopErrorCodes.OrderNotFound);\n";

        [Fact]
        public async Task Csharp_ls_completes_codes_inside_string_literals()
        {
            string root = BuildTests.Root();
            Assert.Equal(0, BuildTests.Run("dotnet", "tool restore", root).Item1);
            string dir = Path.Combine(Path.GetTempPath(), "errcat-completion-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "catalog"));
            try
            {
                File.WriteAllText(Path.Combine(dir, "Shop.csproj"), NavigationTests.Project(root, "Exe", $"<Analyzer Include=\"{CompletionAssembly(root)}\" />"));
                File.WriteAllText(Path.Combine(dir, "catalog", "shop.errors.yaml"), Catalog);
                string file = Path.Combine(dir, "Program.cs");
                File.WriteAllText(file, Program);
                (int restore, string output) = BuildTests.Run("dotnet", "restore Shop.csproj", dir);
                Assert.True(restore == 0, output);

                using LanguageServerClient client = await EditorTests.StartAsync(root, dir);
                string uri = await NavigationTests.OpenAndWaitForTheApi(client, file, Program);

                JsonArray items = await CompleteAsync(client, uri, 0, "string a = \"SHOP.".Length, '.');
                JsonObject[] ours = items.OfType<JsonObject>().Where(i => Label(i).StartsWith("SHOP.", StringComparison.Ordinal)).ToArray();
                Assert.True(ours.Length == 3, client.Log + string.Join(", ", items.Select(i => Label(i as JsonObject))));
                Assert.Equal("SHOP.0002", ours.OrderBy(i => i["sortText"]?.GetValue<string>() ?? Label(i), StringComparer.Ordinal).Last()["label"]!.GetValue<string>());
                Assert.Contains(ours, i => i.ToJsonString().Contains("The order does not exist.", StringComparison.Ordinal));

                // More typed: fewer codes.
                JsonArray narrowed = await CompleteAsync(client, uri, 1, "string b = \"SHOP.0003".Length, '3');
                Assert.Equal(new[] { "SHOP.0003" }, narrowed.OfType<JsonObject>().Select(Label).Where(l => l.StartsWith("SHOP.", StringComparison.Ordinal)));

                // Not a code's start: nothing of ours.
                JsonArray none = await CompleteAsync(client, uri, 2, "string c = \"hello.".Length, '.');
                Assert.DoesNotContain(none.OfType<JsonObject>(), i => Label(i).StartsWith("SHOP.", StringComparison.Ordinal));

                await EditorTests.ShutdownAsync(client);
            }
            finally
            {
                EditorTests.DeleteQuietly(dir);
            }
        }

        private static string CompletionAssembly(string root)
        {
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(root, "generator", "ErrorCatalog.Completion", "bin", configuration, "netstandard2.0", "ErrorCatalog.Completion.dll");
        }

        private static async Task<JsonArray> CompleteAsync(LanguageServerClient client, string uri, int line, int character, char typed)
        {
            JsonNode? result = await client.RequestAsync("textDocument/completion", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["position"] = new JsonObject { ["line"] = line, ["character"] = character },
                ["context"] = new JsonObject { ["triggerKind"] = 2, ["triggerCharacter"] = typed.ToString() },
            }, EditorTests.Patience);
            return result is JsonArray array ? array : result?["items"]?.AsArray() ?? new JsonArray();
        }

        private static string Label(JsonObject? item) => item?["label"]?.GetValue<string>() ?? string.Empty;
    }
}
