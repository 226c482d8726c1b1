using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Analyzers;
using ErrorCatalog.Core.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.CodeFixes
{
    /// <summary>
    /// ERRCAT100: replace the unknown code with a suggested one (one action per candidate).
    /// ERRCAT101: replace the literal with its generated constant, simplified where a using allows.
    /// ERRCAT102: replace a deprecated code with its replacement's constant (the replacement's code in a UTF-8 literal).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ErrorCodeCodeFixProvider))]
    [Shared]
    public sealed class ErrorCodeCodeFixProvider : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.UnknownCode, DiagnosticIds.UseConstant, DiagnosticIds.DeprecatedCode);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (Diagnostic diagnostic in context.Diagnostics)
            {
                if (diagnostic.Id == DiagnosticIds.UnknownCode
                    && diagnostic.Properties.TryGetValue(ErrorCodeAnalyzer.CandidatesProperty, out string? candidates)
                    && candidates != null)
                {
                    foreach (string candidate in candidates.Split('|'))
                    {
                        context.RegisterCodeFix(
                            CodeAction.Create(
                                $"Replace with '{candidate}'",
                                ct => ReplaceTextAsync(context.Document, diagnostic.Location.SourceSpan, candidate, ct),
                                equivalenceKey: "ERRCAT100:" + candidate),
                            diagnostic);
                    }
                }
                else if ((diagnostic.Id == DiagnosticIds.UseConstant || diagnostic.Id == DiagnosticIds.DeprecatedCode)
                    && diagnostic.Properties.TryGetValue(ErrorCodeAnalyzer.ConstantProperty, out string? constant)
                    && constant != null)
                {
                    SyntaxNode? root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
                    if (root?.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
                    {
                        string shortName = constant.Substring(constant.LastIndexOf('.', constant.LastIndexOf('.') - 1) + 1);
                        if (literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
                        {
                            // A constant cannot stand for a UTF-8 literal: the replacement's code is written in it.
                            if (diagnostic.Properties.TryGetValue(ErrorCodeAnalyzer.ReplacementCodeProperty, out string? code) && code != null)
                            {
                                string text = literal.Token.Text;
                                int at = text.IndexOf(literal.Token.ValueText, System.StringComparison.Ordinal);
                                context.RegisterCodeFix(
                                    CodeAction.Create(
                                        $"Replace with '{code}'",
                                        ct => ReplaceTextAsync(context.Document, new TextSpan(literal.SpanStart + at, literal.Token.ValueText.Length), code, ct),
                                        equivalenceKey: "ERRCAT102:code"),
                                    diagnostic);
                            }

                            continue;
                        }

                        context.RegisterCodeFix(
                            CodeAction.Create(
                                $"Use {shortName}",
                                ct => ReplaceWithConstantAsync(context.Document, root, literal, constant),
                                equivalenceKey: diagnostic.Id),
                            diagnostic);
                    }
                }
            }
        }

        private static async Task<Document> ReplaceTextAsync(Document document, TextSpan span, string replacement, CancellationToken cancellationToken)
        {
            SourceText text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(new TextChange(span, replacement)));
        }

        private static Task<Document> ReplaceWithConstantAsync(Document document, SyntaxNode root, LiteralExpressionSyntax literal, string constant)
        {
            ExpressionSyntax replacement = SyntaxFactory.ParseExpression(constant)
                .WithTriviaFrom(literal)
                .WithAdditionalAnnotations(Simplifier.Annotation);
            return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement)));
        }
    }
}
