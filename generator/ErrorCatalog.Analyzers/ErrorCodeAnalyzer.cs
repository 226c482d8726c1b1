using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Lookup;
using ErrorCatalog.Core.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Analyzers
{
    /// <summary>
    /// ERRCAT100: a string literal holds a token shaped like a catalog code (a known prefix, '.',
    /// digits…) that no catalog of the project has; ERRCAT101: a literal that is exactly a known
    /// code could be the generated constant. Syntax-only, concurrent, and silent (no callbacks at
    /// all) in a project without catalogs.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ErrorCodeAnalyzer : DiagnosticAnalyzer
    {
        /// <summary>Property of an ERRCAT100 diagnostic: the suggested codes (all at the smallest distance, in catalog order), separated by '|'.</summary>
        public const string CandidatesProperty = "Candidates";

        /// <summary>Property of an ERRCAT101 diagnostic: the fully qualified constant.</summary>
        public const string ConstantProperty = "Constant";

        /// <summary>Property of an ERRCAT102 diagnostic: the replacement's code (for literals where a constant cannot stand).</summary>
        public const string ReplacementCodeProperty = "ReplacementCode";

        public const int MaxSuggestionDistance = 2;
        public const int MaxSuggestions = 3;

        public static readonly DiagnosticDescriptor UnknownCode = new DiagnosticDescriptor(
            DiagnosticIds.UnknownCode,
            "Unknown error code",
            "'{0}' is not in catalog {1}{2}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A string literal holds a token shaped like an error code of the project's catalogs, but no catalog has that code.",
            helpLinkUri: DiagnosticIds.HelpLinkFor(DiagnosticIds.UnknownCode));

        public static readonly DiagnosticDescriptor UseConstant = new DiagnosticDescriptor(
            DiagnosticIds.UseConstant,
            "Use the generated error-code constant",
            "'{0}' can be written as {1}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A string literal that is exactly a catalog code can be replaced by its generated constant, which the compiler checks.",
            helpLinkUri: DiagnosticIds.HelpLinkFor(DiagnosticIds.UseConstant));

        public static readonly DiagnosticDescriptor DeprecatedCode = new DiagnosticDescriptor(
            DiagnosticIds.DeprecatedCode,
            "Deprecated error code",
            "'{0}' is deprecated{1}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A string literal holds a code its catalog marks deprecated (deprecated or replacedBy); the code fix writes the replacement.",
            helpLinkUri: DiagnosticIds.HelpLinkFor(DiagnosticIds.DeprecatedCode));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UnknownCode, UseConstant, DeprecatedCode, MissingIntegrationAnalysis.Descriptor);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                CodeIndex? index = CatalogIndexCache.GetIndex(() => start.Compilation, start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider, start.CancellationToken);
                if (index == null || index.IsEmpty)
                {
                    return;
                }

                start.RegisterSyntaxTreeAction(c => AnalyzeTree(c, index));
                start.RegisterOperationAction(c => MissingIntegrationAnalysis.Analyze(c, index), OperationKind.Invalid);
            });
        }

        /// <summary>
        /// One callback per file, not per literal: a search for '.' over the file's characters (the
        /// runtime's vectorised IndexOf) finds the few places where a prefix's last character, '.'
        /// and a digit meet; only there is the syntax tree consulted, and only string literals and
        /// interpolated-string text are analysed. Literals elsewhere cost nothing, not even a callback.
        /// (A code whose '.', digit or prefix end is written as an escape such as \u002E is not looked for.)
        /// </summary>
        private static void AnalyzeTree(SyntaxTreeAnalysisContext context, CodeIndex index)
        {
            SourceText text = context.Tree.GetText(context.CancellationToken);
            int length = text.Length;
            char[] buffer = RentBuffer(length);
            text.CopyTo(0, buffer, 0, length);
            SyntaxNode? root = null;
            int lastAnalyzed = -1;
            for (int dot = length > 2 ? Array.IndexOf(buffer, '.', 1, length - 2) : -1; dot > 0 && dot < length - 1; dot = Array.IndexOf(buffer, '.', dot + 1, length - dot - 1))
            {
                if (!index.IsCodeDot(buffer[dot - 1], buffer[dot + 1]))
                {
                    continue;
                }

                root ??= context.Tree.GetRoot(context.CancellationToken);
                SyntaxToken token = root.FindToken(dot);
                if (token.SpanStart == lastAnalyzed || !token.Span.Contains(dot))
                {
                    continue; // the same literal again, or a '.' in trivia (comments, disabled text)
                }

                lastAnalyzed = token.SpanStart;
                switch (token.Parent)
                {
                    case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                        AnalyzeLiteral(context, index, literal);
                        break;
                    case InterpolatedStringTextSyntax part:
                        ReportUnknownTokens(context, index, part.TextToken.ValueText, part.TextToken, part);
                        break;
                }
            }

            ReturnBuffer(buffer);
        }

        /// <summary>What an ERRCAT101 or ERRCAT102 diagnostic carries for a known code, computed once per code.</summary>
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnownCode, ConstantFix> s_fixes = new System.Runtime.CompilerServices.ConditionalWeakTable<KnownCode, ConstantFix>();

        [ThreadStatic]
        private static char[]? t_buffer;

        /// <summary>A per-thread buffer for the file's characters (files over a million characters get their own).</summary>
        private static char[] RentBuffer(int length)
        {
            char[]? buffer = t_buffer;
            if (buffer != null && buffer.Length >= length)
            {
                t_buffer = null;
                return buffer;
            }

            return new char[Math.Max(length, 4096)];
        }

        private static void ReturnBuffer(char[] buffer)
        {
            if (buffer.Length <= 1 << 20)
            {
                t_buffer = buffer;
            }
        }

        private static void AnalyzeLiteral(SyntaxTreeAnalysisContext context, CodeIndex index, LiteralExpressionSyntax literal)
        {
            SyntaxToken token = literal.Token;
            string value = token.ValueText;
            if (index.IsExactCode(value, out KnownCode known) && (literal.IsKind(SyntaxKind.StringLiteralExpression) || known.Deprecation != null))
            {
                if (!IsInsideGeneratedCatalogType(literal, known))
                {
                    ConstantFix fix = s_fixes.GetValue(known, k => new ConstantFix(k));
                    context.ReportDiagnostic(known.Deprecation != null
                        ? Diagnostic.Create(DeprecatedCode, literal.GetLocation(), fix.Properties, value, fix.DeprecationText)
                        : Diagnostic.Create(UseConstant, literal.GetLocation(), fix.Properties, value, fix.Display));
                }

                return;
            }

            ReportUnknownTokens(context, index, value, token, literal);
        }

        private static void ReportUnknownTokens(SyntaxTreeAnalysisContext context, CodeIndex index, string value, SyntaxToken literalToken, SyntaxNode node)
        {
            List<CodeToken>? tokens = index.FindTokens(value);
            if (tokens == null)
            {
                return;
            }

            // Only now, with a code-shaped token in hand, is the source text worth materialising.
            string sourceText = literalToken.Text;
            int sourceStart = literalToken.SpanStart;

            foreach (CodeToken token in tokens)
            {
                if (index.TryGet(token.Text, out _))
                {
                    continue;
                }

                List<string> candidates = index.Suggest(token.Text, token.Prefix, MaxSuggestionDistance, MaxSuggestions);
                string suggestion = DidYouMean(candidates);
                IReadOnlyList<string> catalogs = index.CatalogsWithPrefix(token.Prefix);
                string catalogNames = catalogs.Count == 1 ? catalogs[0] : string.Join(" or ", catalogs);

                // The squiggle covers the token when it stands in the source as in the value (no escapes in it).
                Location location = node.GetLocation();
                int offset = SourceOffset(value, sourceText, token);
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
                if (offset >= 0)
                {
                    location = Location.Create(context.Tree, new TextSpan(sourceStart + offset, token.Length));
                    if (candidates.Count > 0)
                    {
                        properties = properties.Add(CandidatesProperty, string.Join("|", candidates));
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(UnknownCode, location, properties, token.Text, catalogNames, suggestion));
            }
        }

        /// <summary>"; did you mean 'A'?", "; did you mean 'A' or 'B'?", "; did you mean 'A', 'B' or 'C'?", or nothing.</summary>
        internal static string DidYouMean(List<string> candidates)
        {
            if (candidates.Count == 0)
            {
                return string.Empty;
            }

            var text = new System.Text.StringBuilder("; did you mean ");
            for (int i = 0; i < candidates.Count; i++)
            {
                text.Append(i == 0 ? string.Empty : i == candidates.Count - 1 ? " or " : ", ").Append('\'').Append(candidates[i]).Append('\'');
            }

            return text.Append('?').ToString();
        }

        /// <summary>
        /// Where the token stands in the source text of the literal: the same occurrence (counted
        /// from the start) of the same characters, bounded by non-code characters; -1 when escapes
        /// make the source differ.
        /// </summary>
        private static int SourceOffset(string value, string source, CodeToken token)
        {
            int occurrence = 0;
            for (int at = value.IndexOf(token.Text, 0, System.StringComparison.Ordinal); at >= 0 && at < token.Start; at = value.IndexOf(token.Text, at + 1, System.StringComparison.Ordinal))
            {
                occurrence++;
            }

            int found = -1;
            for (int at = source.IndexOf(token.Text, 0, System.StringComparison.Ordinal); at >= 0; at = source.IndexOf(token.Text, at + 1, System.StringComparison.Ordinal))
            {
                if (occurrence == 0)
                {
                    found = at;
                    break;
                }

                occurrence--;
            }

            return found;
        }

        /// <summary>The generated catalog types (and partial declarations of them) keep their literals.</summary>
        private static bool IsInsideGeneratedCatalogType(SyntaxNode node, KnownCode known)
        {
            for (SyntaxNode? current = node.Parent; current != null; current = current.Parent)
            {
                if (current is TypeDeclarationSyntax type)
                {
                    string name = type.Identifier.ValueText;
                    if (name == CatalogTypeNames.CodesOf(known.CatalogName) || name == CatalogTypeNames.ErrorsOf(known.CatalogName))
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }

    /// <summary>
    /// What a diagnostic on a known code carries, made once per code: for ERRCAT101 the qualified
    /// constant (the code fix's property) and its display text; for ERRCAT102 (a deprecated code) the
    /// replacement's constant and code, and the message's end (reason and replacement).
    /// </summary>
    internal sealed class ConstantFix
    {
        public ConstantFix(KnownCode known)
        {
            if (known.Deprecation == null)
            {
                Properties = ImmutableDictionary<string, string?>.Empty.Add(ErrorCodeAnalyzer.ConstantProperty, known.QualifiedConstant);
                Display = known.DisplayConstant;
                DeprecationText = string.Empty;
                return;
            }

            // A deprecated code: the fix writes its replacement (the constant, or the code in a UTF-8 literal).
            Properties = known.ReplacementConstant == null
                ? ImmutableDictionary<string, string?>.Empty
                : ImmutableDictionary<string, string?>.Empty.Add(ErrorCodeAnalyzer.ConstantProperty, known.ReplacementConstant).Add(ErrorCodeAnalyzer.ReplacementCodeProperty, known.ReplacementCode);
            Display = known.DisplayConstant;
            string reason = known.Deprecation.Trim().TrimEnd('.');
            DeprecationText = (reason.Length == 0 ? string.Empty : ": " + reason)
                + (known.ReplacementDisplay == null ? string.Empty : $"; use {known.ReplacementDisplay} ('{known.ReplacementCode}')");
        }

        public ImmutableDictionary<string, string?> Properties { get; }

        public string Display { get; }

        /// <summary>The end of an ERRCAT102 message: the reason and the replacement.</summary>
        public string DeprecationText { get; }
    }
}
