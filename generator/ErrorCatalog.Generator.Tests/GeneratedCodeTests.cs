using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>The generated sources: snapshots, clean compilation on every profile, and exact round-trips.</summary>
    public class GeneratedCodeTests
    {
        private static readonly string s_codeArtsYaml = File.ReadAllText(ErrorTable.CatalogFile("codearts-req.errors.yaml"));

        public static IEnumerable<object[]> Profiles => Enum.GetValues<TargetProfile>().Select(p => new object[] { p });

        [Fact]
        public void CodeArtsReq_output_matches_the_snapshots()
        {
            // net8.0 with the logging abstractions: every file but ASP.NET Core's (the web consumer tests cover it).
            GeneratorResult result = GeneratorHarness.Run(s_codeArtsYaml, TargetProfile.Net80Logging, "/repo/catalog/codearts-req.errors.yaml");
            Assert.Null(result.Exception);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Equal(7, result.Sources.Length);
            Snapshot.MatchAll("CodeArtsReq", result.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
        }

        [Fact]
        public void Csharp73_output_matches_the_snapshots()
        {
            const string yaml = "catalog: Small\nerrors:\n  - code: S.1\n    status: 404\n    message: Item {0} was not found.\n    parameters: [id]\n";
            GeneratorResult result = GeneratorHarness.Run(yaml, TargetProfile.NetStandard20CSharp73);
            Assert.Empty(result.GeneratorDiagnostics);
            Snapshot.MatchAll("SmallCSharp73", result.Sources.Select(s => (s.HintName, s.SourceText.ToString())));
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        public void CodeArtsReq_output_compiles_with_zero_diagnostics(TargetProfile profile)
        {
            GeneratorResult result = GeneratorHarness.Run(s_codeArtsYaml, profile);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Theory]
        [MemberData(nameof(Profiles))]
        public void Hostile_text_compiles_with_zero_diagnostics(TargetProfile profile)
        {
            GeneratorResult result = GeneratorHarness.Run(HostileCatalog.Yaml, profile);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
        }

        [Fact]
        public void The_generated_bodies_are_clean_under_nullable_warnings_too()
        {
            // The files enable nullable annotations and disable warnings (generated code never warns, and
            // the flow analysis would cost every edit); with warnings enabled, the same code has nothing to report.
            foreach (string yaml in new[] { s_codeArtsYaml, HostileCatalog.Yaml })
            {
                GeneratorResult result = GeneratorHarness.Run(yaml);
                string[] sources = result.Sources.Select(s => s.SourceText.ToString()).ToArray();
                Assert.All(sources, s => Assert.Contains("\n#nullable enable annotations\n#nullable disable warnings\n", s, StringComparison.Ordinal));
                string[] warningsOn = sources.Select(s => s.Replace("#nullable enable annotations\n#nullable disable warnings", "#nullable enable", StringComparison.Ordinal)).ToArray();
                Compilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable, warningsOn);
                Assert.Empty(compilation.GetDiagnostics());
            }
        }

        [Fact]
        public void Every_public_member_has_xml_docs()
        {
            // DocumentationMode.Diagnose plus warnings-as-errors turn a missing or malformed doc comment into CS1591/CS1570 errors.
            GeneratorResult result = GeneratorHarness.Run(HostileCatalog.Yaml);
            Assert.DoesNotContain(result.CompilationDiagnostics, d => d.Id is "CS1591" or "CS1570" or "CS1587");
            string codes = result.Source("HostileErrorCodes.g.cs");
            Assert.Contains("/// <summary>", codes);
            Assert.Contains("&lt;/summary&gt;", codes);
            Assert.Contains("/// <inheritdoc cref=\"HostileErrorCodes.HostileEntryNumber0\"/>", result.Source("HostileErrors.g.cs"));
        }

        [Fact]
        public void Hostile_text_round_trips_byte_exact_into_the_compiled_values()
        {
            GeneratorResult result = GeneratorHarness.Run(HostileCatalog.Yaml);
            Assert.Empty(result.CompilationDiagnostics);
            Assembly assembly = Load(result.Output);
            Type codes = assembly.GetType("Consumer.App.HostileErrorCodes")!;
            Type errors = assembly.GetType("Consumer.App.HostileErrors")!;
            IEnumerable<object> all = (IEnumerable<object>)errors.GetProperty("All")!.GetValue(null)!;
            List<object> descriptors = all.ToList();
            Assert.Equal(HostileCatalog.Texts.Count, descriptors.Count);
            for (int i = 0; i < HostileCatalog.Texts.Count; i++)
            {
                string expected = HostileCatalog.Texts[i];
                object descriptor = descriptors[i];
                Type type = descriptor.GetType();
                Assert.Equal(expected, type.GetProperty("Description")!.GetValue(descriptor));
                Assert.Equal(expected, type.GetProperty("Solution")!.GetValue(descriptor));
                string name = (string)type.GetProperty("Name")!.GetValue(descriptor)!;
                Assert.Equal(type.GetProperty("Code")!.GetValue(descriptor), codes.GetField(name)!.GetRawConstantValue());
            }
        }

        [Theory]
        [InlineData(0, "Split('\\u001F')")]
        [InlineData(1, "Split('\\u001E')")]
        [InlineData(31, "DescriptorTexts = new string[]")]
        public void The_descriptor_table_round_trips_whichever_separators_the_texts_use(int used, string table)
        {
            // The texts are one literal split at the first of U+001F…U+0001 none of them contains;
            // with all 31 in use, one literal per text. Either way every text comes back exact.
            string controls = string.Concat(Enumerable.Range(0, used).Select(i => "\\x" + (0x1F - i).ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
            string yaml = "catalog: Sep\nerrors:\n"
                + "  - code: S.1\n    status: 400\n    message: \"Value {0} [" + controls + "]\"\n    description: \"d" + controls + "\"\n    solution: ''\n"
                + "  - code: S.2\n    status: 404\n    name: Second\n    message: 'Plain'\n    description: ''\n    solution: \"s\\ts\"\n";
            var model = Core.CatalogCompiler.Parse("/p/sep.errors.yaml", yaml).Model!;
            GeneratorResult result = GeneratorHarness.Run(yaml, TargetProfile.Net80Nullable, "/p/sep.errors.yaml");
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Contains(table, result.Source("SepErrors.g.cs"), StringComparison.Ordinal);
            Type errors = Load(result.Output).GetType("Consumer.App.SepErrors")!;
            List<object> all = ((IEnumerable<object>)errors.GetProperty("All")!.GetValue(null)!).ToList();
            Assert.Equal(model.Entries.Count, all.Count);
            for (int i = 0; i < all.Count; i++)
            {
                Type type = all[i].GetType();
                var entry = model.Entries[i];
                Assert.Equal(
                    new object[] { entry.Code, entry.Name, entry.MessageTemplate, entry.Description, entry.Solution, entry.HttpStatus, entry.ParameterCount },
                    new[] { "Code", "Name", "MessageTemplate", "Description", "Solution", "HttpStatus", "ParameterCount" }.Select(p => type.GetProperty(p)!.GetValue(all[i])!));
            }
        }

        [Fact]
        public void Message_with_escaped_braces_formats_to_single_braces()
        {
            const string yaml = "catalog: Braces\nerrors:\n  - code: B.1\n    status: 400\n    message: 'Use {{x}} literally.'\n  - code: B.2\n    status: 400\n    message: 'Value {{{0}}} at {1,6:F2}|{1,-4}|'\n";
            GeneratorResult result = GeneratorHarness.Run(yaml);
            Assert.Empty(result.CompilationDiagnostics);
            Assembly assembly = Load(result.Output);
            Type errors = assembly.GetType("Consumer.App.BracesErrors")!;
            object first = errors.GetProperty("UseXLiterally")!.GetValue(null)!;
            Assert.Equal("Use {x} literally.", first.GetType().GetMethod("Format")!.Invoke(first, new object[] { Array.Empty<object>() }));
            Assert.Equal("Use {{x}} literally.", first.GetType().GetProperty("MessageTemplate")!.GetValue(first));

            MethodInfo format = errors.GetMethod("FormatValueAt")!;
            object?[] args = { "k", 3.14159 };
            string expected = string.Format(System.Globalization.CultureInfo.InvariantCulture, "Value {{{0}}} at {1,6:F2}|{1,-4}|", args);
            Assert.Equal(expected, format.Invoke(null, args));
        }

        internal static Assembly Load(Compilation compilation)
        {
            using var stream = new MemoryStream();
            var emit = compilation.Emit(stream);
            Assert.True(emit.Success, string.Join("\n", emit.Diagnostics));
            stream.Position = 0;
            var context = new AssemblyLoadContext(Guid.NewGuid().ToString("N"), isCollectible: true);
            return context.LoadFromStream(stream);
        }
    }

    /// <summary>Text that breaks naive generators: quotes, escapes, comment and XML terminators, control and bidi characters.</summary>
    internal static class HostileCatalog
    {
        public static readonly IReadOnlyList<string> Texts = new[]
        {
            "Quote \" and 'single' and backslash \\ and \\n literal",
            "Ends a comment */ and starts one /* and // too",
            "</summary><script>alert(1)</script> & &amp; <see cref=\"X\"/>",
            "#if DEBUG\n#error boom\n#endif",
            "NUL \0 BEL \a VT \v FF \f ESC \u001b DEL \u007f C1 \u0085",
            "Line\r\nbreaks\rand\nseparators\u2028and\u2029more",
            "Emoji 😀 and astral 𝄞 and CJK 错误 and RTL text مرحبا",
            "Bidi \u202e reversed \u202c and \u2066isolate\u2069 and RLM \u200f and BOM \ufeff",
            "Braces {{ and }} and {0} are text here",
            "Tab\tand trailing spaces   ",
        };

        public static string Yaml
        {
            get
            {
                var builder = new System.Text.StringBuilder("catalog: Hostile\nerrors:\n");
                for (int i = 0; i < Texts.Count; i++)
                {
                    string quoted = ErrorTable.Quote(Texts[i]);
                    builder.Append($"  - code: H.{i}\n    status: 500\n    message: Hostile entry number {i}.\n    description: {quoted}\n    solution: {quoted}\n");
                }

                return builder.ToString();
            }
        }
    }
}
