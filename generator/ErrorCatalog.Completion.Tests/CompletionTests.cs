using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace ErrorCatalog.Completion.Tests
{
    /// <summary>
    /// Completion of codes inside string literals through Roslyn's own <see cref="CompletionService"/>, as Visual
    /// Studio and the C# extension call it: an <see cref="AdhocWorkspace"/> whose project has the catalog as an
    /// additional file and the provider's assembly as an analyzer reference (Roslyn finds
    /// <c>[ExportCompletionProvider]</c> types there).
    /// </summary>
    public class CompletionTests
    {
        private static readonly string s_codeArts = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "catalog", "codearts-req.errors.yaml"));

        private const string Lifecycle = "catalog: Svc\nnamespace: Svc\nerrors:\n"
            + "  - {code: SV.1001, status: 404, name: Gone, message: Old item missing., replacedBy: SV.1002}\n"
            + "  - {code: SV.1002, status: 404, name: Missing, message: Item missing., description: The item does not exist., solution: Check the id.}\n"
            + "  - {code: SV.1003, status: 409, name: Locked, message: Item locked.}\n";

        [Fact]
        public async Task A_literal_that_starts_like_a_code_offers_the_catalogs_codes_with_their_messages()
        {
            (Document document, int position) = Open("class C { string X = \"PM.$$\"; }", s_codeArts);
            CompletionList list = await CompletionService.GetService(document)!.GetCompletionsAsync(document, position);
            CompletionItem[] ours = Ours(list);

            Assert.Equal(54, ours.Length);
            CompletionItem item = ours.Single(i => i.DisplayText == "PM.02175005");
            Assert.Equal("Requested resource not exist.", item.InlineDescription); // its message
            Assert.Equal(TextSpan.FromBounds(position - 3, position), list.Span);

            CompletionDescription? description = await CompletionService.GetService(document)!.GetDescriptionAsync(document, item);
            Assert.Contains("PM.02175005 (CodeArtsReq, HTTP 404)", description!.Text, StringComparison.Ordinal);
            Assert.Contains("Constant: CodeArtsReqErrorCodes.ResourceNotFound", description.Text, StringComparison.Ordinal);

            // Choosing it completes the literal's text.
            CompletionChange change = await CompletionService.GetService(document)!.GetChangeAsync(document, item);
            Assert.Equal("class C { string X = \"PM.02175005\"; }", (await document.GetTextAsync()).WithChanges(change.TextChange).ToString());
        }

        [Theory]
        [InlineData("class C { string X = \"PM$$\"; }", 54)]
        [InlineData("class C { string X = \"PM.0217$$\"; }", 14)]
        [InlineData("class C { string X = \"PM.02175005$$\"; }", 1)]
        [InlineData("class C { System.ReadOnlySpan<byte> X => \"PM.0215$$\"u8; }", 21)]
        [InlineData("class C { string X = \"hello.$$\"; }", 0)]
        [InlineData("class C { string X = \"P$$\"; }", 0)]
        [InlineData("class C { string X = \"PM.x$$\"; }", 0)]
        [InlineData("class C { void M() { var PM = 1; PM.$$ } }", 0)]
        [InlineData("class C { string X = \"PM.\" + \"$$\"; }", 0)]
        public async Task Only_a_literals_text_that_starts_like_a_code_gets_codes(string source, int expected)
        {
            (Document document, int position) = Open(source, s_codeArts);
            CompletionList list = await CompletionService.GetService(document)!.GetCompletionsAsync(document, position);
            string typed = source.Substring(0, source.IndexOf("$$", StringComparison.Ordinal));
            typed = typed.Substring(typed.LastIndexOf('"') + 1);
            int matching = System.Text.RegularExpressions.Regex.Matches(s_codeArts, @"code: (PM\.\d+)").Count(m => m.Groups[1].Value.StartsWith(typed, StringComparison.Ordinal));
            Assert.Equal(expected == 0 ? 0 : matching, Ours(list).Length);
            Assert.Equal(expected, Ours(list).Length);
        }

        [Fact]
        public async Task Deprecated_codes_are_marked_and_sorted_last()
        {
            (Document document, int position) = Open("class C { string X = \"SV.$$\"; }", Lifecycle);
            CompletionList list = await CompletionService.GetService(document)!.GetCompletionsAsync(document, position);
            CompletionItem[] ours = Ours(list).OrderBy(i => i.SortText, StringComparer.Ordinal).ToArray();
            Assert.Equal(new[] { "SV.1002", "SV.1003", "SV.1001" }, ours.Select(i => i.DisplayText));
            Assert.Equal("(deprecated) Old item missing.", ours[2].InlineDescription);
            CompletionDescription? description = await CompletionService.GetService(document)!.GetDescriptionAsync(document, ours[2]);
            Assert.Contains("Deprecated. Use SV.1002.", description!.Text, StringComparison.Ordinal);
            CompletionDescription? current = await CompletionService.GetService(document)!.GetDescriptionAsync(document, ours[0]);
            Assert.Contains("Description: The item does not exist.", current!.Text, StringComparison.Ordinal);
            Assert.Contains("Solution: Check the id.", current.Text, StringComparison.Ordinal);
        }

        [Fact]
        public void Typing_in_a_literal_that_may_start_a_code_triggers_the_list()
        {
            var provider = new CodeCompletionProvider();
            SourceText text = SourceText.From("class C { string X = \"PM.\"; string Y = a.b; }");
            int dot = text.ToString().IndexOf("PM.", StringComparison.Ordinal) + 3;
            Assert.True(provider.ShouldTriggerCompletion(text, dot, CompletionTrigger.CreateInsertionTrigger('.'), null!));
            int outside = text.ToString().IndexOf("a.b", StringComparison.Ordinal) + 2;
            Assert.False(provider.ShouldTriggerCompletion(text, outside, CompletionTrigger.CreateInsertionTrigger('.'), null!));
            Assert.False(provider.ShouldTriggerCompletion(text, dot, CompletionTrigger.CreateInsertionTrigger(' '), null!));
        }

        private static CompletionItem[] Ours(CompletionList list)
            => list.ItemsList.Where(i => i.Properties.ContainsKey("ErrorCatalog.Code")).ToArray();

        /// <summary>A C# document (the caret at <c>$$</c>) in a project with the catalog and the provider's assembly as an analyzer reference.</summary>
        private static (Document Document, int Position) Open(string markup, string catalog)
        {
            int position = markup.IndexOf("$$", StringComparison.Ordinal);
            return (CompletionWorkspace.Open(markup.Remove(position, 2), catalog, typeof(CodeCompletionProvider).Assembly.Location), position);
        }
    }
}
