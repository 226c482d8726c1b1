using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ErrorCatalog.EditorCost
{
    /// <summary>
    /// What of the generated code a whole-project editor spends its time on: the in-project layout with
    /// parts of the generated code removed or reshaped, alternated with the code as shipped.
    /// </summary>
    internal static class Parts
    {
        public static void Run(List<SyntaxTree> generated, int rounds, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            var variants = new (string Name, List<SyntaxTree> Trees, List<MetadataReference> References)[]
            {
                ("the app alone", new List<SyntaxTree>(), Program.References),
                ("app + generated code as shipped", generated, Program.References),
                ("without the descriptor properties", generated.Select(t => Remove(t, m => m is PropertyDeclarationSyntax p && p.ExpressionBody != null && p.ExpressionBody.Expression.ToString().StartsWith("AllArray", StringComparison.Ordinal))).ToList(), Program.References),
                ("without the constants", generated.Select(t => Remove(t, m => m is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.ConstKeyword) && f.Modifiers.Any(SyntaxKind.PublicKeyword))).ToList(), Program.References),
                ("without the typed formatters", generated.Select(t => Remove(t, m => m is MethodDeclarationSyntax d && d.Identifier.Text.StartsWith("Format", StringComparison.Ordinal) && d.Identifier.Text.Length > 6 && d.ParameterList.Parameters.Count > 0 && !d.Modifiers.Any(SyntaxKind.PrivateKeyword))).ToList(), Program.References),
                ("properties as auto-properties set in a static constructor", generated.Select(AutoProperties).ToList(), Program.References),
                ("properties as get-only auto-properties", generated.Select(t => Replace(t, @"public static (\S+) (\w+) => AllArray\[(\d+)\];", "public static $1 $2 { get; } = AllArray[$3];")).ToList(), Program.References),
                ("nullable flow analysis on (no #nullable disable warnings)", generated.Select(t => Replace(t, @"#nullable disable warnings\n", string.Empty)).ToList(), Program.References),
                ("without doc comments", generated.Select(t => Replace(t, @"(?m)^\s*///.*\n", string.Empty)).ToList(), Program.References),
            };
            variants = variants.Concat(generated.Select(file => ("without " + System.IO.Path.GetFileName(file.FilePath), generated.Where(t => t != file).ToList(), Program.References))).ToArray();
            Console.WriteLine($"what of the generated code costs, {generated.Count} files (ms, median):");
            foreach (bool withAnalyzers in new[] { false, true })
            {
                Dictionary<string, List<double>> times = Program.Measure(variants, rounds, document: false, withAnalyzers ? analyzers : ImmutableArray<DiagnosticAnalyzer>.Empty);
                foreach ((string name, _, _) in variants)
                {
                    Console.WriteLine($"  {(withAnalyzers ? "+ SDK analyzers" : "compiler"),-16} {name,-40} {Program.Median(times[name]),8:F1}");
                }
            }
        }

        internal static SyntaxTree Remove(SyntaxTree tree, Func<MemberDeclarationSyntax, bool> remove)
        {
            SyntaxNode root = tree.GetRoot();
            var members = root.DescendantNodes().OfType<MemberDeclarationSyntax>().Where(m => m is not BaseNamespaceDeclarationSyntax && m is not TypeDeclarationSyntax && remove(m)).ToList();
            return CSharpSyntaxTree.ParseText(root.RemoveNodes(members, SyntaxRemoveOptions.KeepNoTrivia)!.ToFullString(), Program.Parse, tree.FilePath);
        }

        private static SyntaxTree AutoProperties(SyntaxTree tree)
        {
            var matches = Regex.Matches(tree.ToString(), @"public static (\S+) (\w+) => AllArray\[(\d+)\];");
            if (matches.Count == 0)
            {
                return tree;
            }

            string text = Regex.Replace(tree.ToString(), @"public static (\S+) (\w+) => AllArray\[(\d+)\];", "public static $1 $2 { get; }");
            string assignments = string.Concat(matches.Select(m => $"            {m.Groups[2].Value} = AllArray[{m.Groups[3].Value}];\n"));
            string type = Regex.Match(text, @"public static partial class (\w+Errors)\b").Groups[1].Value;
            text = Regex.Replace(text, @"(public static partial class \w+Errors\s*\{)", "$1\n        static " + type + "()\n        {\n" + assignments + "        }\n");
            return CSharpSyntaxTree.ParseText(text, Program.Parse, tree.FilePath);
        }

        private static SyntaxTree Replace(SyntaxTree tree, string pattern, string replacement)
            => CSharpSyntaxTree.ParseText(Regex.Replace(tree.ToString(), pattern, replacement), Program.Parse, tree.FilePath);
    }
}
