using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>The emitter on models built in code, including text no YAML file can carry (lone surrogates).</summary>
    public class EmitterTests
    {
        private static ErrorEntry Entry(string code, string name, string message, string description = "", int status = 400)
            => new ErrorEntry(code, status, name, message, description, description, EquatableArray<string>.Empty,
                new EquatableArray<TemplateSegment>(new[] { TemplateSegment.Text(message) }));

        [Fact]
        public void Templates_are_written_at_the_current_indentation_with_LF_whatever_their_line_endings()
        {
            string expected = new CodeWriter().Indent().Block("if (x)\n{\n    y();\n}\n").ToString();
            Assert.Equal("    if (x)\n    {\n        y();\n    }\n\n", expected);
            Assert.Equal(expected, new CodeWriter().Indent().Block("if (x)\r\n{\r\n    y();\r\n}\r\n").ToString());
        }

        [Fact]
        public void Lone_surrogates_round_trip_and_document_safely()
        {
            string[] texts = { "lone high \ud83d here", "lone low \ude00 here", "reversed pair \ude00\ud83d", "\ud83d" };
            var model = new CatalogModel("Surrogates", "Test.Ns", new EquatableArray<ErrorEntry>(
                texts.Select((t, i) => Entry("S." + i, "Entry" + i, "Entry " + i, t)).ToArray()));
            EquatableArray<GeneratedFile> files = CSharpEmitter.Emit(model, new EmitOptions("Test.Ns", true, "s.errors.yaml"));

            CSharpParseOptions parse = GeneratorHarness.ParseOptions(TargetProfile.Net80Nullable);
            Compilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80Nullable)
                .AddSyntaxTrees(files.Select(f => CSharpSyntaxTree.ParseText(f.Source, parse, f.HintName)));
            Assert.Empty(compilation.GetDiagnostics());
            foreach (GeneratedFile file in files)
            {
                Assert.DoesNotContain(file.Source, c => char.IsSurrogate(c));
            }

            Assembly assembly = GeneratedCodeTests.Load(compilation);
            var all = ((IEnumerable<object>)assembly.GetType("Test.Ns.SurrogatesErrors")!.GetProperty("All")!.GetValue(null)!).ToList();
            for (int i = 0; i < texts.Length; i++)
            {
                Assert.Equal(texts[i], all[i].GetType().GetProperty("Description")!.GetValue(all[i]));
            }
        }

        [Theory]
        [InlineData("plain", "\"plain\"")]
        [InlineData("q\"b\\", "\"q\\\"b\\\\\"")]
        [InlineData("a\r\nb\0", "\"a\\r\\nb\\0\"")]
        [InlineData("x\u2028y\u202Ez", "\"x\\u2028y\\u202Ez\"")]
        [InlineData("é😀", "\"é\\uD83D\\uDE00\"")]
        public void Literal_escapes_what_must_be_escaped(string text, string expected)
        {
            Assert.Equal(expected, CSharpText.Literal(text));
        }

        [Fact]
        public void Xml_doc_lines_escape_markup_and_split_on_every_csharp_line_break()
        {
            string[] lines = CSharpText.XmlDocInline("a<b>&c\r\nd\re\nf\u0085g\u2028h\u2029i\u0001").Split("<br/>");
            Assert.Equal(new[] { "a&lt;b&gt;&amp;c", "d", "e", "f", "g", "h", "i\\u0001" }, lines);
        }

        [Fact]
        public void Namespace_falls_back_to_the_root_namespace_and_then_to_the_global_namespace()
        {
            var model = new CatalogModel("Fallback", null, new EquatableArray<ErrorEntry>(new[] { Entry("F.1", "One", "One.") }));
            Assert.Contains("namespace My.Root", CatalogCompiler.Emit(model, "My.Root", true, "f.errors.yaml")[0].Source);
            string global = CatalogCompiler.Emit(model, null, true, "f.errors.yaml")[0].Source;
            Assert.DoesNotContain("namespace ", global);
            Assert.Equal("FallbackErrorCodes.g.cs", CatalogCompiler.Emit(model, "not a namespace", true, "f.errors.yaml")[0].HintName);
        }

        [Theory]
        [InlineData(404, "NotFound")]
        [InlineData(504, "GatewayTimeout")]
        [InlineData(409, "Conflict")]
        [InlineData(302, "Found")]
        [InlineData(200, "OK")]
        [InlineData(499, "Status499")]
        [InlineData(418, "Status418")]
        public void Exception_stems_follow_HttpStatusCode(int status, string stem)
        {
            Assert.Equal(stem, HttpStatusNames.ExceptionStem(status));
        }

        [Fact]
        public void Every_enum_name_is_a_member_of_HttpStatusCode_with_that_value()
        {
            for (int status = 100; status <= 599; status++)
            {
                string? name = HttpStatusNames.EnumName(status);
                if (name != null)
                {
                    Assert.True(Enum.TryParse(name, out System.Net.HttpStatusCode parsed), name);
                    Assert.Equal(status, (int)parsed);
                }
            }
        }
    }
}

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// The emitter sizes one buffer for all three files from the model; a low estimate means the
    /// builder grows in chunks and the buffer is reallocated between files (measured: +8% allocation).
    /// </summary>
    public class EmitterEstimateTests
    {
        [Theory]
        [MemberData(nameof(RealTableTests.Tables), MemberType = typeof(RealTableTests))]
        public void The_buffer_estimate_covers_each_file_without_wasting_much(string file, string catalog, int rowCount)
        {
            var rows = ErrorCatalog.TestSupport.ErrorTable.Read(System.IO.Path.Combine(System.AppContext.BaseDirectory, "TestData", "error-tables", file));
            Assert.Equal(rowCount, rows.Count);
            AssertEstimates(ErrorCatalog.TestSupport.ErrorTable.ToYaml(catalog, rows));
        }

        [Fact]
        public void The_buffer_estimate_covers_our_catalog()
        {
            AssertEstimates(System.IO.File.ReadAllText(ErrorCatalog.TestSupport.ErrorTable.CatalogFile("codearts-req.errors.yaml")));
        }

        /// <summary>
        /// The errors class ends with its data: no method body follows the descriptor table. On Roslyn
        /// 4.14+ (the compiler of the .NET 10 SDK) a long list slows the parse of every statement after
        /// it in the same file (the 10,000-entry output: 1.3 s instead of 1.0 s; docs/performance.md).
        /// </summary>
        [Fact]
        public void The_errors_class_ends_with_its_data_after_every_method_body()
        {
            CatalogParseResult parsed = CatalogCompiler.Parse("/p/c.errors.yaml", System.IO.File.ReadAllText(ErrorCatalog.TestSupport.ErrorTable.CatalogFile("codearts-req.errors.yaml")));
            GeneratedFile errors = CatalogCompiler.Emit(parsed.Model!, "Consumer.App", true, "/p/c.errors.yaml").Single(f => f.HintName.EndsWith("Errors.g.cs", StringComparison.Ordinal));
            ClassDeclarationSyntax type = CSharpSyntaxTree.ParseText(errors.Source, new CSharpParseOptions(preprocessorSymbols: new[] { "NET6_0_OR_GREATER", "NET8_0_OR_GREATER" }))
                .GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>().Single(c => c.Identifier.ValueText == "CodeArtsReqErrors");
            string[] members = type.Members.Select(m => m switch
            {
                FieldDeclarationSyntax f => f.Declaration.Variables[0].Identifier.ValueText,
                PropertyDeclarationSyntax p => p.Identifier.ValueText,
                MethodDeclarationSyntax method => method.Identifier.ValueText,
                _ => m.Kind().ToString(),
            }).ToArray();
            int table = Array.IndexOf(members, "DescriptorTexts");
            Assert.True(table > 0, "no DescriptorTexts table");
            var formatters = members.Select((name, i) => (Name: name, Index: i))
                .Where(x => type.Members[x.Index] is MethodDeclarationSyntax && x.Name.StartsWith("Format", StringComparison.Ordinal)).ToList();
            Assert.True(formatters.Count >= 5, $"only {formatters.Count} formatters");
            Assert.All(formatters, x => Assert.True(x.Index < table, $"{x.Name} follows the table"));

            // After the table: only data and what builds or reads it.
            Assert.Equal(new[] { "DescriptorTexts", "DescriptorStatuses", "DescriptorParameterCounts", "AllArray", "CreateAll", "All", "ByCode", "Lookup" }, members.Skip(table).ToArray());
        }

        private static void AssertEstimates(string yaml)
        {
            CatalogParseResult parsed = CatalogCompiler.Parse("/p/c.errors.yaml", yaml);
            foreach (string ns in new[] { "Consumer.App.Errors", string.Empty })
            {
                EquatableArray<GeneratedFile> files = CatalogCompiler.Emit(parsed.Model!, ns, true, "/p/c.errors.yaml");
                int largest = System.Math.Max(files[0].Source.Length, files[1].Source.Length);
                int estimate = System.Math.Max(CSharpEmitter.EstimateCodes(parsed.Model!), CSharpEmitter.EstimateErrors(parsed.Model!, CatalogCompiler.ResolveNamespace(parsed.Model!, ns)));
                Assert.InRange(estimate, largest, largest * 13 / 10);
                Assert.InRange(CSharpEmitter.EstimateCodes(parsed.Model!), files[0].Source.Length, files[0].Source.Length * 13 / 10);
                Assert.InRange(CSharpEmitter.EstimateErrors(parsed.Model!, CatalogCompiler.ResolveNamespace(parsed.Model!, ns)), files[1].Source.Length, files[1].Source.Length * 13 / 10);
            }
        }
    }
}
