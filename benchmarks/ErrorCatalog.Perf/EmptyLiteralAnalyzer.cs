using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorCatalog.Perf
{
    /// <summary>The baseline: registers the same callbacks as ErrorCodeAnalyzer and does nothing in them.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyLiteralAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("PERF000", "never", "never", "Perf", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
                start.RegisterSyntaxNodeAction(_ => { }, SyntaxKind.InterpolatedStringText);
            });
        }
    }
}

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// A second, fairer floor: reads each literal's value and looks for a '.', the least any analyzer
    /// of string contents must do.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ValueReadingAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("PERF001", "never", "never", "Perf", DiagnosticSeverity.Hidden, true);

        public static long Sink;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start =>
            {
                start.RegisterSyntaxNodeAction(c => Sink += ((Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax)c.Node).Token.ValueText.IndexOf('.'), SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
                start.RegisterSyntaxNodeAction(c => Sink += ((Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax)c.Node).TextToken.ValueText.IndexOf('.'), SyntaxKind.InterpolatedStringText);
            });
        }
    }
}
