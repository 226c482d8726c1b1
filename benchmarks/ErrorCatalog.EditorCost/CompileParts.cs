using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.EditorCost
{
    /// <summary>
    /// <c>-- --compile-parts</c>: what of the generated code a command-line build spends its time on —
    /// parse, bind and emit of the 10,000-entry synthetic catalog's code (doc comments as trivia, as
    /// <c>dotnet build</c> has them), with parts removed or reshaped, variants alternated (ms, median of 6).
    /// </summary>
    internal static class CompileParts
    {
        public static void Run(List<SyntaxTree> generated)
        {
            var texts = generated.Select(t => (t.FilePath, Text: t.ToString())).ToList();
            var variants = new List<(string, List<(string, string)>)>
            {
                ("shipped", texts),
                ("no doc comments", texts.Select(t => (t.FilePath, Regex.Replace(t.Text, @"(?m)^\s*///.*\n", string.Empty))).ToList()),
                ("no formatters", texts.Select(t => (t.FilePath, RemoveMembers(t.Text, m => m is MethodDeclarationSyntax d && d.Identifier.Text.StartsWith("Format", StringComparison.Ordinal) && d.Identifier.Text.Length > 6 && d.ParameterList.Parameters.Count > 0 && !d.Modifiers.Any(SyntaxKind.PrivateKeyword)))).ToList()),
                ("formatters: Compose only", texts.Select(t => (t.FilePath, Regex.Replace(t.Text, @"(?s)#if NET6_0_OR_GREATER\n\s*global::System.Span<char> buffer.*?#else\n(.*?)#endif", "$1"))).ToList()),
                ("nullable flow analysis on (no #nullable disable warnings)", texts.Select(t => (t.FilePath, t.Text.Replace("#nullable disable warnings\n", string.Empty))).ToList()),
                ("no properties", texts.Select(t => (t.FilePath, RemoveMembers(t.Text, m => m is PropertyDeclarationSyntax p && p.ExpressionBody != null && p.ExpressionBody.Expression.ToString().StartsWith("AllArray", StringComparison.Ordinal)))).ToList()),
                ("no constants", texts.Select(t => (t.FilePath, RemoveMembers(t.Text, m => m is FieldDeclarationSyntax f && f.Modifiers.Any(SyntaxKind.ConstKeyword) && f.Modifiers.Any(SyntaxKind.PublicKeyword)))).ToList()),
            };
            var times = variants.ToDictionary(v => v.Item1, _ => new List<double>());
            for (int round = 0; round < 8; round++)
            {
                foreach (var (name, files) in variants)
                {
                    // The same measurement as the peer benchmark's compile cost: parse, bind and emit to memory.
                    double ms = Benchmarking.CompileCost.Compile(files.Select(f => (f.Item1, SourceText.From(f.Item2))).ToList(), DocumentationMode.None);
                    if (round > 1)
                    {
                        times[name].Add(ms);
                    }
                }
            }

            foreach (var (name, _) in variants)
            {
                Console.WriteLine($"  {name,-60} {Program.Median(times[name]),8:F1}");
            }
        }

        private static string RemoveMembers(string text, Func<MemberDeclarationSyntax, bool> remove)
            => Parts.Remove(CSharpSyntaxTree.ParseText(text, Program.Parse), remove).ToString();
    }
}
