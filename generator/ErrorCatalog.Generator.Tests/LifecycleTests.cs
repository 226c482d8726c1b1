using System;
using System.Linq;
using ErrorCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>Deprecations, replacements, retry hints and links, at the generator, on every target profile.</summary>
    public class LifecycleTests
    {
        private const string Yaml =
            "catalog: Life\n" +
            "docs: https://support.example.com/errors.html#{code}&n={name}\n" +
            "errors:\n" +
            "  - {code: L.1, status: 404, name: Old, message: 'Old {0}.', deprecated: Use L.2 instead, replacedBy: L.2}\n" +
            "  - {code: L.2, status: 404, name: New, message: 'New {0}.', retryable: true}\n" +
            "  - {code: L.3, status: 500, name: Gone, message: Gone., deprecated: true}\n";

        [Theory]
        [MemberData(nameof(GeneratedCodeTests.Profiles), MemberType = typeof(GeneratedCodeTests))]
        public void Deprecated_entries_compile_without_CS0618_in_generated_code_and_warn_where_used(TargetProfile profile)
        {
            GeneratorResult clean = GeneratorHarness.Run(Yaml, profile, "/p/life.errors.yaml");
            Assert.Empty(clean.GeneratorDiagnostics);
            Assert.Empty(clean.CompilationDiagnostics);

            const string use = "namespace Consumer.App { internal static class Use { internal static string A() { return LifeErrorCodes.Old + LifeErrors.Gone.Code + LifeErrorCodes.New; } } }";
            GeneratorResult used = GeneratorHarness.Run(Yaml, profile, "/p/life.errors.yaml", use);
            Diagnostic[] obsolete = used.CompilationDiagnostics.Where(d => d.Id == "CS0618").ToArray();
            Assert.Equal(2, obsolete.Length);
            Assert.All(obsolete, d => Assert.Equal("Source0.cs", d.Location.GetLineSpan().Path));
            Assert.Contains(obsolete, d => d.GetMessage().Contains("Use L.2 instead. Use LifeErrorCodes.New.", StringComparison.Ordinal));
            Assert.Contains(obsolete, d => d.GetMessage().Contains("Error code L.3 is deprecated.", StringComparison.Ordinal));
            Assert.Equal(used.CompilationDiagnostics.Length, obsolete.Length);
        }

        [Fact]
        public void Descriptors_carry_the_lifecycle_and_the_hover_shows_it()
        {
            GeneratorResult result = GeneratorHarness.Run(Yaml, TargetProfile.Net80Nullable, "/p/life.errors.yaml");
            Type errors = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.LifeErrors")!;
            object Get(string name) => errors.GetProperty(name)!.GetValue(null)!;
            object? Prop(object o, string name) => o.GetType().GetProperty(name)!.GetValue(o);
            object old = Get("Old");
            object fresh = Get("New");
            Assert.Equal(true, Prop(old, "IsDeprecated"));
            Assert.Same(fresh, Prop(old, "ReplacedBy"));
            Assert.Equal(false, Prop(fresh, "IsDeprecated"));
            Assert.Equal(true, Prop(fresh, "IsRetryable"));
            Assert.Equal(true, Prop(Get("Gone"), "IsDeprecated"));
            Assert.Null(Prop(Get("Gone"), "ReplacedBy"));
            Assert.Equal("https://support.example.com/errors.html#L.2&n=New", Prop(fresh, "HelpLink"));
            Assert.Equal(true, errors.GetMethod("IsRetryable")!.Invoke(null, new object?[] { "L.2" }));
            Assert.Equal(false, errors.GetMethod("IsRetryable")!.Invoke(null, new object?[] { "L.1" }));

            string codes = result.Source("LifeErrorCodes.g.cs");
            Assert.Contains("<para>Deprecated: Use L.2 instead. Use LifeErrorCodes.New.</para>", codes, StringComparison.Ordinal);
            Assert.Contains("<para>Retryable: a retry may succeed.</para>", codes, StringComparison.Ordinal);
            Assert.Contains("<para>Documentation: <see href=\"https://support.example.com/errors.html#L.2&amp;n=New\"/></para>", codes, StringComparison.Ordinal);
        }
    }
}
