using System;
using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// Go to definition in the IDE: in a design-time build (the package's targets set
    /// <see cref="ProjectSettings.DesignTimeKey"/>) each generated declaration maps to its catalog line
    /// through <c>#line</c>, and its body stays in the generated file; any other build has no <c>#line</c>.
    /// </summary>
    public class LineMappingTests
    {
        private const string Path = "/project/catalog/shop.errors.yaml";

        // Line numbers below are zero-based, as Roslyn's mapped spans give them.
        private const string Yaml = """
            # The shop's errors.
            catalog: Shop
            namespace: Contoso.Shop
            errors:
              - code: SHOP.0001
                status: 404
                name: OrderNotFound
                message: The order {order} does not exist.
                parameters:
                  - name: order
                    type: int

              - code: SHOP.0002
                status: 409
                name: OrderLocked
                message: The order is locked.
            """;

        private static readonly Dictionary<string, string> DesignTime = new Dictionary<string, string> { [ProjectSettings.DesignTimeKey] = "true" };

        [Fact]
        public void Every_member_kind_maps_to_its_entry_in_a_design_time_build()
        {
            Compilation output = Generate(TargetProfile.Net80Logging, DesignTime);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

            // Each member's name lands on the entry's `code:` key (line, column), the exception type on `catalog:`.
            AssertMapped(output, "Contoso.Shop.ShopErrorCodes", "OrderNotFound", 4, 4);
            AssertMapped(output, "Contoso.Shop.ShopErrors", "OrderNotFound", 4, 4);
            AssertMapped(output, "Contoso.Shop.ShopErrors", "FormatOrderNotFound", 4, 4);
            AssertMapped(output, "Contoso.Shop.ShopLog", "LogOrderNotFound", 4, 4);
            AssertMapped(output, "Contoso.Shop.ShopErrorCodes", "OrderLocked", 12, 4);
            AssertMapped(output, "Contoso.Shop.ShopErrors", "OrderLocked", 12, 4);
            AssertMapped(output, "Contoso.Shop.ShopLog", "LogOrderLocked", 12, 4);
            INamedTypeSymbol notFound = output.GetTypeByMetadataName("Contoso.Shop.ShopNotFoundException")!;
            AssertAt(notFound.Locations.Single(), 1, 0);
            AssertAt(output.GetTypeByMetadataName("Contoso.Shop.ShopConflictException")!.Locations.Single(), 1, 0);

            // The bodies stay in the generated file: its own path, no mapping.
            IMethodSymbol formatter = output.GetTypeByMetadataName("Contoso.Shop.ShopErrors")!.GetMembers("FormatOrderNotFound").OfType<IMethodSymbol>().Single();
            var declaration = (MethodDeclarationSyntax)formatter.DeclaringSyntaxReferences.Single().GetSyntax();
            FileLinePositionSpan body = declaration.Body!.Statements.First().GetLocation().GetMappedLineSpan();
            Assert.False(body.HasMappedPath);
            Assert.EndsWith("ShopErrors.g.cs", body.Path, StringComparison.Ordinal);
        }

        [Fact]
        public void Culture_formatters_map_to_the_neutral_entry()
        {
            const string overlay = "catalog: Shop\nnamespace: Contoso.Shop\nculture: zh-CN\nerrors:\n  - code: SHOP.0001\n    message: 订单 {order} 不存在。\n";
            var texts = new[] { new InMemoryAdditionalText(Path, Yaml), new InMemoryAdditionalText("/project/catalog/shop.zh-CN.errors.yaml", overlay) };
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, texts, DesignTime);
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "namespace Consumer.App { internal static class Placeholder { } }"), out Compilation output, out _);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));

            IMethodSymbol[] formatters = output.GetTypeByMetadataName("Contoso.Shop.ShopErrors")!.GetMembers("FormatOrderNotFound").OfType<IMethodSymbol>().ToArray();
            IMethodSymbol cultureFormatter = formatters.Single(m => m.Parameters.Length == 2 && m.Parameters[0].Type.Name == "CultureInfo");
            Assert.EndsWith("ShopErrors.Cultures.g.cs", cultureFormatter.DeclaringSyntaxReferences.Single().SyntaxTree.FilePath, StringComparison.Ordinal);
            AssertAt(cultureFormatter.Locations.Single(), 4, 4);
            AssertAt(formatters.Single(m => m.Parameters.Length == 1).Locations.Single(), 4, 4);
        }

        [Fact]
        public void Before_csharp_10_the_line_form_maps_the_line()
        {
            Compilation output = Generate(TargetProfile.NetStandard20CSharp73, DesignTime);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
            GeneratedSourcesContain(output, "#line 5 \"" + Path + "\"");
            FileLinePositionSpan mapped = Member(output, "Contoso.Shop.ShopErrorCodes", "OrderNotFound").Locations.Single().GetMappedLineSpan();
            Assert.Equal(Path, mapped.Path);
            Assert.Equal(4, mapped.StartLinePosition.Line);
        }

        [Fact]
        public void A_build_that_is_not_design_time_has_no_line_directive_and_no_path()
        {
            foreach (IDictionary<string, string>? properties in new[] { null, new Dictionary<string, string> { [ProjectSettings.DesignTimeKey] = "false" } })
            {
                Compilation output = Generate(TargetProfile.Net80Logging, properties);
                foreach (SyntaxTree tree in output.SyntaxTrees.Where(t => t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
                {
                    string text = tree.ToString();
                    Assert.DoesNotContain("#line", text, StringComparison.Ordinal);
                    Assert.DoesNotContain("/project/", text, StringComparison.Ordinal);
                }

                Assert.False(Member(output, "Contoso.Shop.ShopErrorCodes", "OrderNotFound").Locations.Single().GetMappedLineSpan().HasMappedPath);
            }
        }

        [Fact]
        public void Entries_read_by_the_full_yaml_parser_map_as_well()
        {
            // Flow mappings take YamlDotNet's parser instead of the fast path; its spans map the same way.
            const string flow = "catalog: Shop\nnamespace: Contoso.Shop\nerrors:\n  - { code: SHOP.0001, status: 404, name: OrderNotFound, message: 'The order {order} does not exist.' }\n  - code: \"SHOP.0002\"\n    status: 409\n    name: OrderLocked\n    message: The order is locked.\n";
            GeneratorDriver driver = GeneratorHarness.CreateDriver(TargetProfile.Net80Nullable, new[] { new InMemoryAdditionalText(Path, flow) }, DesignTime);
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, "namespace Consumer.App { internal static class Placeholder { } }"), out Compilation output, out _);
            Assert.Empty(output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
            AssertMapped(output, "Contoso.Shop.ShopErrorCodes", "OrderNotFound", 3, 6);
            AssertMapped(output, "Contoso.Shop.ShopErrors", "FormatOrderNotFound", 3, 6);
            AssertMapped(output, "Contoso.Shop.ShopErrorCodes", "OrderLocked", 4, 4);
        }

        [Fact]
        public void A_path_no_line_directive_can_name_maps_nothing()
        {
            foreach (string path in new[] { "catalog/shop.errors.yaml", "/project/odd\"name.errors.yaml" })
            {
                Compilation output = Generate(TargetProfile.Net80Nullable, DesignTime, path);
                Assert.Empty(output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
                Assert.DoesNotContain(output.SyntaxTrees, t => t.ToString().Contains("#line", StringComparison.Ordinal));
            }
        }

        private static Compilation Generate(TargetProfile profile, IDictionary<string, string>? properties, string path = Path)
        {
            GeneratorDriver driver = GeneratorHarness.CreateDriver(profile, new[] { new InMemoryAdditionalText(path, Yaml) }, properties);
            driver.RunGeneratorsAndUpdateCompilation(GeneratorHarness.CreateCompilation(profile, "namespace Consumer.App { internal static class Placeholder { } }"), out Compilation output, out _);
            return output;
        }

        private static ISymbol Member(Compilation output, string type, string name)
            => output.GetTypeByMetadataName(type)!.GetMembers(name).Single();

        private static void AssertMapped(Compilation output, string type, string name, int line, int column)
            => AssertAt(Member(output, type, name).Locations.Single(), line, column);

        private static void AssertAt(Location location, int line, int column)
        {
            FileLinePositionSpan mapped = location.GetMappedLineSpan();
            Assert.True(mapped.HasMappedPath, location.ToString());
            Assert.Equal(Path, mapped.Path);
            Assert.Equal((line, column), (mapped.StartLinePosition.Line, mapped.StartLinePosition.Character));
        }

        private static void GeneratedSourcesContain(Compilation output, string text)
            => Assert.Contains(output.SyntaxTrees, t => t.ToString().Contains(text, StringComparison.Ordinal));
    }
}
