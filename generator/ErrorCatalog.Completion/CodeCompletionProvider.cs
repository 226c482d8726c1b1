using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using ItemParts = (string Code, string SortText, System.Collections.Immutable.ImmutableDictionary<string, string> Properties, string InlineDescription);
using ErrorCatalog.Analyzers;
using ErrorCatalog.Core.Lookup;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Options;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Completion
{
    /// <summary>
    /// Completes error codes inside C# string literals: in a literal whose text so far is a catalog prefix, or a
    /// prefix, '.' and digits (<c>"PM"</c>, <c>"PM."</c>, <c>"PM.0217"</c>), the list offers the matching codes of
    /// every catalog the analyzer indexes (the project's, libraries' and packages' reference catalogs; not refused
    /// ones), each with its message as the inline description and its status, description and solution as its
    /// documentation; deprecated codes are marked and sorted last. Choosing one completes the literal's text.
    /// A literal that does not start like a code, and everything outside literals, gets nothing.
    /// </summary>
    [ExportCompletionProvider(nameof(CodeCompletionProvider), LanguageNames.CSharp)]
    [Shared]
    public sealed class CodeCompletionProvider : CompletionProvider
    {
        private const string CodeProperty = "ErrorCatalog.Code";

        // '.', '-' and '_' are part of codes: they filter the list instead of committing an item.
        private static readonly CompletionItemRules s_rules = CompletionItemRules.Create(
            filterCharacterRules: ImmutableArray.Create(CharacterSetModificationRule.Create(CharacterSetModificationKind.Add, '.', '-', '_')),
            commitCharacterRules: ImmutableArray.Create(CharacterSetModificationRule.Create(CharacterSetModificationKind.Remove, '.', '-', '_')));

        private static readonly ImmutableArray<string> s_tags = ImmutableArray.Create("Constant");

        [ImportingConstructor]
        public CodeCompletionProvider()
        {
        }

        /// <summary>Typing inside a literal: a letter, a digit, '.', '-' or '_' right after text that may be a code's start.</summary>
        public override bool ShouldTriggerCompletion(SourceText text, int caretPosition, CompletionTrigger trigger, OptionSet options)
        {
            if (trigger.Kind == CompletionTriggerKind.Invoke || trigger.Kind == CompletionTriggerKind.InvokeAndCommitIfUnique)
            {
                return true;
            }

            if (trigger.Kind != CompletionTriggerKind.Insertion || !CodeIndex.IsCodeChar(trigger.Character))
            {
                return false;
            }

            // Cheap, text only: the run of code characters before the caret starts right after a quote.
            int start = caretPosition;
            while (start > 0 && CodeIndex.IsCodeChar(text[start - 1]))
            {
                start--;
            }

            return start > 0 && text[start - 1] == '"';
        }

        public override async Task ProvideCompletionsAsync(CompletionContext context)
        {
            Document document = context.Document;
            CancellationToken cancellationToken = context.CancellationToken;
            SyntaxNode? root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !TryGetTypedText(root, context.Position, out int contentStart, out string typed))
            {
                return;
            }

            CodeIndex? index = IndexOf(document, cancellationToken);
            string? prefix = index == null ? null : CodeStartPrefix(index, typed);
            if (prefix == null)
            {
                return;
            }

            context.CompletionListSpan = TextSpan.FromBounds(contentStart, context.Position);
            IReadOnlyList<KnownCode> codes = index!.CodesWithPrefix(prefix);
            ItemParts[] parts = s_parts.GetValue(codes, PartsOf);
            for (int i = 0; i < parts.Length; i++)
            {
                ItemParts part = parts[i];
                if (part.Code.StartsWith(typed, StringComparison.Ordinal))
                {
                    context.AddItem(CompletionItem.Create(part.Code, part.Code, part.SortText, part.Properties, s_tags, s_rules, displayTextPrefix: null, displayTextSuffix: null, inlineDescription: part.InlineDescription));
                }
            }
        }

        /// <summary>
        /// What an item of each code of a prefix is made of, made once per index (an index lives while its catalogs
        /// are unchanged): items themselves are not shared, Roslyn sets their span per list.
        /// </summary>
        private static readonly ConditionalWeakTable<IReadOnlyList<KnownCode>, ItemParts[]> s_parts = new ConditionalWeakTable<IReadOnlyList<KnownCode>, ItemParts[]>();

        private static ItemParts[] PartsOf(IReadOnlyList<KnownCode> codes)
        {
            var parts = new ItemParts[codes.Count];
            for (int i = 0; i < parts.Length; i++)
            {
                KnownCode code = codes[i];
                bool deprecated = code.Deprecation != null;
                string message = code.Entry?.MessageTemplate ?? string.Empty;
                parts[i] = (
                    code.Code,
                    (deprecated ? "~" : " ") + code.Code, // deprecated codes last
                    ImmutableDictionary<string, string>.Empty.Add(CodeProperty, code.Code),
                    deprecated ? "(deprecated) " + message : message);
            }

            return parts;
        }

        public override Task<CompletionDescription?> GetDescriptionAsync(Document document, CompletionItem item, CancellationToken cancellationToken)
        {
            if (!item.Properties.TryGetValue(CodeProperty, out string? code) || IndexOf(document, cancellationToken) is not CodeIndex index || !index.TryGet(code, out KnownCode known) || known.Entry is not ErrorEntry entry)
            {
                return Task.FromResult<CompletionDescription?>(null);
            }

            var lines = new List<string>
            {
                $"{known.Code} ({known.CatalogName}, HTTP {entry.HttpStatus.ToString(CultureInfo.InvariantCulture)}): {entry.MessageTemplate}",
            };
            if (known.Deprecation != null)
            {
                lines.Add("Deprecated" + (known.Deprecation.Length > 0 ? ": " + known.Deprecation : ".") + (known.ReplacementCode != null ? $" Use {known.ReplacementCode}." : string.Empty));
            }

            if (entry.Description.Length > 0)
            {
                lines.Add("Description: " + entry.Description);
            }

            if (entry.Solution.Length > 0)
            {
                lines.Add("Solution: " + entry.Solution);
            }

            lines.Add("Constant: " + known.DisplayConstant);
            return Task.FromResult<CompletionDescription?>(CompletionDescription.FromText(string.Join("\n", lines)));
        }

        /// <summary>The index the analyzer uses for the document's project (cached across edits by the catalogs' checksums).</summary>
        private static CodeIndex? IndexOf(Document document, CancellationToken cancellationToken)
        {
            Project project = document.Project;
            CodeIndex? index = CatalogIndexCache.GetIndex(
                () => project.TryGetCompilation(out Compilation? compilation) ? compilation : null,
                project.AnalyzerOptions.AdditionalFiles,
                project.AnalyzerOptions.AnalyzerConfigOptionsProvider,
                cancellationToken);
            return index == null || index.IsEmpty ? null : index;
        }

        /// <summary>
        /// The catalog prefix <paramref name="typed"/> starts a code of: the whole text is a prefix (<c>PM</c>), or a
        /// prefix, '.' and digits (<c>PM.</c>, <c>PM.0217</c>); null for anything else (<c>hello.</c>, <c>P</c>).
        /// </summary>
        internal static string? CodeStartPrefix(CodeIndex index, string typed)
        {
            if (typed.Length == 0)
            {
                return null;
            }

            if (index.CodesWithPrefix(typed).Count > 0)
            {
                return typed;
            }

            int dot = typed.LastIndexOf('.');
            if (dot <= 0)
            {
                return null;
            }

            for (int i = dot + 1; i < typed.Length; i++)
            {
                if (typed[i] < '0' || typed[i] > '9')
                {
                    return null;
                }
            }

            string prefix = typed.Substring(0, dot);
            return index.CodesWithPrefix(prefix).Count > 0 ? prefix : null;
        }

        /// <summary>The text of the string literal from its first character to <paramref name="position"/>; false outside literals.</summary>
        internal static bool TryGetTypedText(SyntaxNode root, int position, out int contentStart, out string typed)
        {
            contentStart = 0;
            typed = string.Empty;
            SyntaxToken token = root.FindToken(position > 0 ? position - 1 : position);
            if (!IsLiteral(token) || position <= token.SpanStart)
            {
                return false;
            }

            string text = token.Text;
            int quote = text.IndexOf('"');
            if (quote < 0)
            {
                return false;
            }

            contentStart = token.SpanStart + quote + 1;
            if (position < contentStart)
            {
                return false;
            }

            // A terminated literal: the caret must be before its closing quote.
            bool terminated = text.Length > quote + 1 && text.EndsWith("\"", StringComparison.Ordinal);
            int contentEnd = terminated ? token.Span.End - 1 : token.Span.End;
            if (position > contentEnd)
            {
                return false;
            }

            typed = text.Substring(quote + 1, position - contentStart);
            foreach (char c in typed)
            {
                if (!CodeIndex.IsCodeChar(c))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsLiteral(SyntaxToken token)
            => token.IsKind(SyntaxKind.StringLiteralToken) || token.IsKind(SyntaxKind.Utf8StringLiteralToken);
    }
}
