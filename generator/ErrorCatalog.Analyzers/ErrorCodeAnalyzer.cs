using System.Collections.Generic;
using System.Collections.Immutable;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Lookup;
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
        /// <summary>Property of an ERRCAT100 diagnostic: the suggested codes, nearest first, separated by '|'.</summary>
        public const string CandidatesProperty = "Candidates";

        /// <summary>Property of an ERRCAT101 diagnostic: the fully qualified constant.</summary>
        public const string ConstantProperty = "Constant";

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
            helpLinkUri: DiagnosticIds.HelpLinkBase + DiagnosticIds.UnknownCode + ".md");

        public static readonly DiagnosticDescriptor UseConstant = new DiagnosticDescriptor(
            DiagnosticIds.UseConstant,
            "Use the generated error-code constant",
            "'{0}' can be written as {1}",
            DiagnosticIds.Category,
            DiagnosticSeverity.Info,
            isEnabledByDefault: true,
            description: "A string literal that is exactly a catalog code can be replaced by its generated constant, which the compiler checks.",
            helpLinkUri: DiagnosticIds.HelpLinkBase + DiagnosticIds.UseConstant + ".md");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(UnknownCode, UseConstant);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                CodeIndex? index = CatalogIndexCache.GetIndex(start.Options.AdditionalFiles, start.Options.AnalyzerConfigOptionsProvider.GlobalOptions, start.CancellationToken);
                if (index == null || index.IsEmpty)
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(
                    c => AnalyzeLiteral(c, index),
                    SyntaxKind.StringLiteralExpression,
                    SyntaxKind.Utf8StringLiteralExpression);
                start.RegisterSyntaxNodeAction(c => AnalyzeInterpolatedText(c, index), SyntaxKind.InterpolatedStringText);
            });
        }

        private static void AnalyzeLiteral(SyntaxNodeAnalysisContext context, CodeIndex index)
        {
            var literal = (LiteralExpressionSyntax)context.Node;
            SyntaxToken token = literal.Token;

            // The cheapest exit for most literals: no '.' in the literal's source text, so no code.
            // (Reading ValueText costs more than the whole callback of an empty analyzer; a code whose
            // '.' is written as an escape such as \u002E is not looked for.)
            if (!SourceContainsDot(literal.SyntaxTree, token.Span))
            {
                return;
            }

            string value = token.ValueText;
            if (value.IndexOf('.') < 0)
            {
                return;
            }

            if (literal.IsKind(SyntaxKind.StringLiteralExpression) && index.IsExactCode(value, out KnownCode known))
            {
                if (!IsInsideGeneratedCatalogType(literal, known))
                {
                    ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty.Add(ConstantProperty, known.QualifiedConstant);
                    context.ReportDiagnostic(Diagnostic.Create(UseConstant, literal.GetLocation(), properties, value, known.CatalogName + "ErrorCodes." + known.MemberName));
                }

                return;
            }

            ReportUnknownTokens(context, index, value, token);
        }

        /// <summary>Scans the literal's characters in the tree's text, without materialising its value.</summary>
        private static bool SourceContainsDot(SyntaxTree tree, TextSpan span)
        {
            if (!tree.TryGetText(out SourceText? text))
            {
                return true;
            }

            int end = span.End;
            for (int i = span.Start; i < end; i++)
            {
                if (text[i] == '.')
                {
                    return true;
                }
            }

            return false;
        }

        private static void AnalyzeInterpolatedText(SyntaxNodeAnalysisContext context, CodeIndex index)
        {
            var text = (InterpolatedStringTextSyntax)context.Node;
            SyntaxToken token = text.TextToken;
            if (token.ValueText.IndexOf('.') < 0)
            {
                return;
            }

            ReportUnknownTokens(context, index, token.ValueText, token);
        }

        private static void ReportUnknownTokens(SyntaxNodeAnalysisContext context, CodeIndex index, string value, SyntaxToken literalToken)
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
                string suggestion = candidates.Count > 0 ? $"; did you mean '{candidates[0]}'?" : string.Empty;
                IReadOnlyList<string> catalogs = index.CatalogsWithPrefix(token.Prefix);
                string catalogNames = catalogs.Count == 1 ? catalogs[0] : string.Join(" or ", catalogs);

                // The squiggle covers the token when it stands in the source as in the value (no escapes in it).
                Location location = context.Node.GetLocation();
                int offset = SourceOffset(value, sourceText, token);
                ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty;
                if (offset >= 0)
                {
                    location = Location.Create(context.Node.SyntaxTree, new TextSpan(sourceStart + offset, token.Length));
                    if (candidates.Count > 0)
                    {
                        properties = properties.Add(CandidatesProperty, string.Join("|", candidates));
                    }
                }

                context.ReportDiagnostic(Diagnostic.Create(UnknownCode, location, properties, token.Text, catalogNames, suggestion));
            }
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
                    if (name == known.CatalogName + "ErrorCodes" || name == known.CatalogName + "Errors")
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
