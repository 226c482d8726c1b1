using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;
using ErrorCatalog.Testing;

namespace ErrorCatalog.Analyzers.Tests
{
    /// <summary>
    /// Go to definition in a real editor: csharp-ls (its design-time build sets DesignTimeBuild=true, so
    /// the package's targets ask the generator for #line mappings) answers <c>textDocument/definition</c>
    /// on a generated constant, descriptor property, typed formatter, log method and per-status exception
    /// type with the catalog file and the line of the entry's <c>code:</c> (the type: <c>catalog:</c>);
    /// from an app, a referenced library's members land in the library's catalog. A command-line build
    /// of the same project generates no <c>#line</c> and no path.
    /// </summary>
    public class NavigationTests
    {
        private const string Catalog = "# Shop errors\ncatalog: Shop\nnamespace: Contoso.Shop\nerrors:\n  - code: SHOP.0001\n    status: 404\n    name: OrderNotFound\n    message: The order {order} does not exist.\n    parameters:\n      - name: order\n        type: int\n  - code: SHOP.0002\n    status: 409\n    message: The order is locked.\n";

        private const int FirstEntryLine = 4;

        private const string Program = """
            using Contoso.Shop;
            using Microsoft.Extensions.Logging;

            string code = ShopErrorCodes.OrderNotFound;
            ShopError error = ShopErrors.OrderNotFound;
            string text = ShopErrors.FormatOrderNotFound(42);
            ILogger logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
            logger.LogOrderNotFound(42);
            ShopNotFoundException? thrown = null;
            System.Console.WriteLine(code + error + text + thrown);

            """;

        [Fact]
        public async Task Csharp_ls_goes_from_each_generated_member_to_its_catalog_entry()
        {
            string root = BuildTests.Root();
            Assert.Equal(0, BuildTests.Run("dotnet", "tool restore", root).Item1);
            string dir = Path.Combine(Path.GetTempPath(), "errcat-nav-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "catalog"));
            try
            {
                File.WriteAllText(Path.Combine(dir, "Shop.csproj"), Project(root, "Exe", "<PackageReference Include=\"Microsoft.Extensions.Logging.Abstractions\" Version=\"8.0.0\" />"));
                string yaml = Path.Combine(dir, "catalog", "shop.errors.yaml");
                File.WriteAllText(yaml, Catalog);
                string file = Path.Combine(dir, "Program.cs");
                File.WriteAllText(file, Program);
                (int restore, string output) = BuildTests.Run("dotnet", "restore Shop.csproj", dir);
                Assert.True(restore == 0, output);

                using LanguageServerClient client = await EditorTests.StartAsync(root, dir);
                string uri = await OpenAndWaitForTheApi(client, file, Program);
                foreach ((string member, int line) in new[]
                {
                    ("ShopErrorCodes.OrderNotFound", FirstEntryLine),
                    ("ShopErrors.OrderNotFound", FirstEntryLine),
                    ("ShopErrors.FormatOrderNotFound", FirstEntryLine),
                    ("logger.LogOrderNotFound", FirstEntryLine),
                    ("ShopNotFoundException", 1),
                })
                {
                    JsonObject target = await DefinitionAsync(client, uri, Program, member);
                    Assert.True(new Uri(yaml).AbsoluteUri == target["uri"]!.GetValue<string>(), $"{member}: {target.ToJsonString()}");
                    Assert.True(line == target["range"]!["start"]!["line"]!.GetValue<int>(), $"{member}: {target.ToJsonString()}");
                    Assert.True(line == 1 ? 0 == Column(target) : 4 == Column(target), $"{member}: {target.ToJsonString()}");
                }

                await EditorTests.ShutdownAsync(client);

                // The command line: the same project's generated sources hold no #line and no path.
                (int build, string buildOutput) = BuildTests.Run("dotnet", "build Shop.csproj --no-restore -p:EmitCompilerGeneratedFiles=true", dir);
                Assert.True(build == 0, buildOutput);
                string[] generated = Directory.GetFiles(Path.Combine(dir, "obj"), "*.g.cs", SearchOption.AllDirectories).Where(f => f.Contains("ErrorCatalog.Generator", StringComparison.Ordinal)).ToArray();
                Assert.Contains(generated, f => f.EndsWith("ShopErrorCodes.g.cs", StringComparison.Ordinal));
                foreach (string source in generated)
                {
                    string text = File.ReadAllText(source);
                    Assert.DoesNotContain("#line", text, StringComparison.Ordinal);
                    Assert.DoesNotContain(dir, text, StringComparison.Ordinal);
                }

                // Design-time builds get the generator's setting; ErrorCatalogLineMappings=false takes it away.
                const string designTime = "msbuild Shop.csproj -nologo -t:ErrorCatalogDesignTimeConfig -p:DesignTimeBuild=true -getItem:EditorConfigFiles";
                (int on, string onItems) = BuildTests.Run("dotnet", designTime, dir);
                Assert.True(on == 0, onItems);
                Assert.Contains("ErrorCatalog.DesignTime.globalconfig", onItems, StringComparison.Ordinal);
                (int off, string offItems) = BuildTests.Run("dotnet", designTime + " -p:ErrorCatalogLineMappings=false", dir);
                Assert.True(off == 0, offItems);
                Assert.DoesNotContain("ErrorCatalog.DesignTime.globalconfig", offItems, StringComparison.Ordinal);
            }
            finally
            {
                EditorTests.DeleteQuietly(dir);
            }
        }

        [Fact]
        public async Task Csharp_ls_goes_from_an_app_to_the_catalog_of_a_referenced_library()
        {
            string root = BuildTests.Root();
            Assert.Equal(0, BuildTests.Run("dotnet", "tool restore", root).Item1);
            string dir = Path.Combine(Path.GetTempPath(), "errcat-nav-lib-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(dir, "Lib"));
            Directory.CreateDirectory(Path.Combine(dir, "App"));
            try
            {
                File.WriteAllText(Path.Combine(dir, "Lib", "Lib.csproj"), Project(root, "Library", string.Empty));
                string yaml = Path.Combine(dir, "Lib", "shop.errors.yaml");
                File.WriteAllText(yaml, Catalog);
                File.WriteAllText(Path.Combine(dir, "App", "App.csproj"), Project(root, "Exe", "<ProjectReference Include=\"../Lib/Lib.csproj\" />"));
                const string text = "using Contoso.Shop;\n\nstring code = ShopErrorCodes.OrderNotFound;\nSystem.Console.WriteLine(code + ShopErrors.FormatOrderNotFound(7));\n";
                string file = Path.Combine(dir, "App", "Program.cs");
                File.WriteAllText(file, text);
                (int restore, string output) = BuildTests.Run("dotnet", "restore App/App.csproj", dir);
                Assert.True(restore == 0, output);

                using LanguageServerClient client = await EditorTests.StartAsync(root, Path.Combine(dir, "App"));
                string uri = await OpenAndWaitForTheApi(client, file, text);
                foreach (string member in new[] { "ShopErrorCodes.OrderNotFound", "ShopErrors.FormatOrderNotFound" })
                {
                    JsonObject target = await DefinitionAsync(client, uri, text, member);
                    Assert.True(new Uri(yaml).AbsoluteUri == target["uri"]!.GetValue<string>(), $"{member}: {target.ToJsonString()}");
                    Assert.Equal(FirstEntryLine, target["range"]!["start"]!["line"]!.GetValue<int>());
                }

                await EditorTests.ShutdownAsync(client);
            }
            finally
            {
                EditorTests.DeleteQuietly(dir);
            }
        }

        /// <summary>A project that takes the generator and analyzer from this repository's builds, with the package's props and targets.</summary>
        private static string Project(string root, string outputType, string items)
        {
            string bin = AppContext.BaseDirectory;
            string configuration = bin.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            string generator = Path.Combine(root, "generator", "ErrorCatalog.Generator", "bin", configuration, "netstandard2.0", "ErrorCatalog.Generator.dll");
            return $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <Import Project="{root}/build/ErrorCatalog.Generator.props" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <OutputType>{outputType}</OutputType>
                  </PropertyGroup>
                  <ItemGroup>
                    <Analyzer Include="{generator}" />
                    <Analyzer Include="{bin}ErrorCatalog.Analyzers.dll" />
                    <Analyzer Include="{bin}ErrorCatalog.Core.dll" />
                    <Analyzer Include="{bin}YamlDotNet.dll" />
                    {items}
                  </ItemGroup>
                  <Import Project="{root}/build/ErrorCatalog.Generator.targets" />
                </Project>
                """;
        }

        /// <summary>Opens the file and waits until the server has the generated API (no unresolved name left in the file).</summary>
        private static async Task<string> OpenAndWaitForTheApi(LanguageServerClient client, string file, string text)
        {
            string uri = new Uri(file).AbsoluteUri;
            client.Notify("textDocument/didOpen", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "csharp", ["version"] = 1, ["text"] = text },
            });
            await EditorTests.WaitFor(client, uri, items => items.Any(d => EditorTests.Code(d) is "CS0103" or "CS0246" or "CS0234" or "CS1061") ? null : new JsonObject(), "the generated API to resolve");
            return uri;
        }

        /// <summary><c>textDocument/definition</c> on the last identifier of <paramref name="member"/>; the one location it answers.</summary>
        private static async Task<JsonObject> DefinitionAsync(LanguageServerClient client, string uri, string text, string member)
        {
            int at = text.IndexOf(member, StringComparison.Ordinal) + member.LastIndexOf('.') + 1;
            int line = text[..at].Count(c => c == '\n');
            int character = at - (text.LastIndexOf('\n', at - 1) + 1);
            JsonNode? answer = await client.RequestAsync("textDocument/definition", new JsonObject
            {
                ["textDocument"] = new JsonObject { ["uri"] = uri },
                ["position"] = new JsonObject { ["line"] = line, ["character"] = character + 1 },
            }, TimeSpan.FromSeconds(60));
            JsonObject? location = answer switch
            {
                JsonArray { Count: 1 } array => array[0] as JsonObject,
                JsonObject single => single,
                _ => null,
            };
            Assert.True(location != null, $"{member}: {answer?.ToJsonString() ?? "null"}");
            return location!;
        }

        private static int Column(JsonObject location) => location["range"]!["start"]!["character"]!.GetValue<int>();
    }
}
