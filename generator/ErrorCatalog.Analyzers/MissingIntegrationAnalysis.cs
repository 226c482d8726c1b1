using System.Linq;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Lookup;
using ErrorCatalog.Core.Naming;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace ErrorCatalog.Analyzers
{
    /// <summary>
    /// ERRCAT103: a call that does not bind (the compiler's CS1061 or CS0117) to a method a framework integration
    /// generates for a catalog (<c>ToRpcException</c>, <c>ProducesErrors</c>, <c>ToResult</c>…), made on one of the
    /// catalog's types or with one of its descriptors: the integration is off because the project cannot see its
    /// framework, and the diagnostic names what to reference (<see cref="FrameworkIntegration.Needs"/>). Only invalid
    /// operations reach it, so code that compiles costs nothing.
    /// </summary>
    internal static class MissingIntegrationAnalysis
    {
        public static readonly DiagnosticDescriptor Descriptor = new DiagnosticDescriptor(
            DiagnosticIds.MissingIntegration,
            "Integration member not generated: a framework is missing",
            "'{0}' is generated for catalog {1} only when the project can see {2}; reference it, then build again",
            DiagnosticIds.Category,
            DiagnosticSeverity.Warning,
            isEnabledByDefault: true,
            description: "A call to a member that an ErrorCatalog framework integration generates does not compile, because the project does not reference that framework.",
            helpLinkUri: DiagnosticIds.HelpLinkFor(DiagnosticIds.MissingIntegration));

        public static void Analyze(OperationAnalysisContext context, CodeIndex index)
        {
            if (!(context.Operation.Syntax is InvocationExpressionSyntax invocation) || !(invocation.Expression is MemberAccessExpressionSyntax access))
            {
                return;
            }

            string name = access.Name.Identifier.ValueText;
            SemanticModel model = context.Operation.SemanticModel!;
            foreach (CatalogTypeNames catalog in index.Catalogs)
            {
                foreach (FrameworkIntegration integration in FrameworkIntegrations.All)
                {
                    if (!integration.Calls(catalog).Contains(name))
                    {
                        continue;
                    }

                    if (IsCatalogType(ReceiverType(model, access.Expression, context), catalog) || HasCatalogArgument(model, invocation, catalog, context))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(Descriptor, access.Name.GetLocation(), name, catalog.Catalog, integration.Needs));
                        return;
                    }
                }
            }
        }

        private static ITypeSymbol? ReceiverType(SemanticModel model, ExpressionSyntax receiver, OperationAnalysisContext context)
            => model.GetTypeInfo(receiver, context.CancellationToken).Type ?? model.GetSymbolInfo(receiver, context.CancellationToken).Symbol as ITypeSymbol;

        /// <summary>One of the catalog's types, or a type derived from its exception (the per-status exceptions).</summary>
        private static bool IsCatalogType(ITypeSymbol? type, CatalogTypeNames catalog)
        {
            for (ITypeSymbol? current = type; current != null; current = current.BaseType)
            {
                string name = current.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                if (name == catalog.ExceptionQualified || name == catalog.ErrorQualified || name == catalog.ErrorsQualified)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool HasCatalogArgument(SemanticModel model, InvocationExpressionSyntax invocation, CatalogTypeNames catalog, OperationAnalysisContext context)
        {
            foreach (ArgumentSyntax argument in invocation.ArgumentList.Arguments)
            {
                if (IsCatalogType(model.GetTypeInfo(argument.Expression, context.CancellationToken).Type, catalog))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
