using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorCatalog.Perf
{
    /// <summary>
    /// A reference: registers a callback per string literal and interpolated-string text (the design
    /// ErrorCodeAnalyzer had first) and does nothing in it.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyLiteralAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("PERF000", "never", "never", "Perf", DiagnosticSeverity.Warning, true);

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
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("PERF001", "never", "never", "Perf", DiagnosticSeverity.Warning, true);

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

namespace ErrorCatalog.Perf
{
    /// <summary>The baseline of issue 4: registers the same callbacks as ErrorCodeAnalyzer (one syntax-tree action, after a compilation start) and does nothing in them.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyTreeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Never = new DiagnosticDescriptor("PERF002", "never", "never", "Perf", DiagnosticSeverity.Warning, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Never);

        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationStartAction(start => start.RegisterSyntaxTreeAction(_ => { }));
        }
    }
}
