using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// Every C# block of README.md compiles against the packed package, in a fresh web app with the README's
    /// catalogs (<c>catalog/</c>'s CodeArts Req catalog and zh-CN overlay) and the packages its blocks use
    /// (Microsoft.AspNetCore.OpenApi, Grpc.AspNetCore, Grpc.StatusProto, FluentValidation, ErrorOr), with warnings as errors. Each block is
    /// preceded by a comment that says what it is: <c>&lt;!-- example: shape --&gt;</c> (every type and member it
    /// names exists: <c>X</c> read as <c>CodeArtsReq</c>, each checked with <c>nameof</c>), <c>&lt;!-- example: types --&gt;</c>
    /// (declarations, a file of their own) or <c>&lt;!-- example: method(parameters) --&gt;</c> (the block is the body of an async method with those
    /// parameters; its leading <c>using</c> lines go to the file). A block without that comment fails the test.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class ReadmeExampleTests
    {
        /// <summary>What the README's parameters stand for: the reader's own types.</summary>
        private const string StandIns = """
            namespace Readme
            {
                public sealed record ErrorBody(string ErrorCode, string? ErrorMessage);

                public sealed record IssueRequest(string? Title, string? DueDate);

                public sealed class ReqClient
                {
                    public ReqClient(System.Net.Http.HttpClient http) { }

                    public System.Threading.Tasks.Task GetIssueAsync(string id) => System.Threading.Tasks.Task.CompletedTask;
                }

                public sealed class IssuesClient
                {
                    public Grpc.Core.AsyncUnaryCall<object> CreateIssueAsync(object request) => throw new System.NotSupportedException();
                }
            }

            namespace Refit
            {
                public sealed class ApiException : System.Exception
                {
                    public string? Content { get; set; }
                }
            }
            """;

        private const string Usings = """
            using System;
            using System.Collections.Generic;
            using System.Globalization;
            using System.Net.Http;
            using System.Threading.Tasks;
            using FluentValidation;
            using Grpc.Core;
            using HuaweiCloud.CodeArtsReq;
            using Microsoft.AspNetCore.Builder;
            using Microsoft.AspNetCore.Http;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Logging;
            using Readme;
            """;

        private readonly PackageFixture _package;

        public ReadmeExampleTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void Every_csharp_block_of_the_readme_compiles_against_the_package()
        {
            string repo = Dotnet.RepositoryRoot();
            IReadOnlyList<(string Kind, string Code, int Line)> blocks = Blocks(File.ReadAllText(Path.Combine(repo, "README.md")));
            Assert.True(blocks.Count >= 10, $"{blocks.Count} blocks");

            string app = _package.NewWorkFolder("readme-examples");
            Dotnet.MustRun("new web -n ReadmeExamples -o . --no-restore", app);
            Dotnet.MustRun($"add package ErrorCatalog.Generator --version {_package.Version} --no-restore", app);
            Dotnet.MustRun("add package Microsoft.AspNetCore.OpenApi --version 10.0.15 --no-restore", app);
            Dotnet.MustRun("add package Grpc.AspNetCore --version 2.85.0 --no-restore", app);
            Dotnet.MustRun("add package Grpc.StatusProto --version 2.85.0 --no-restore", app);
            Dotnet.MustRun("add package FluentValidation --version 12.2.0 --no-restore", app);
            Dotnet.MustRun("add package ErrorOr --version 2.1.1 --no-restore", app);
            Directory.CreateDirectory(Path.Combine(app, "catalog"));
            foreach (string catalog in new[] { "codearts-req.errors.yaml", "codearts-req.zh-CN.errors.yaml" })
            {
                File.Copy(Path.Combine(repo, "catalog", catalog), Path.Combine(app, "catalog", catalog));
            }

            File.WriteAllText(Path.Combine(app, "StandIns.cs"), StandIns);
            for (int i = 0; i < blocks.Count; i++)
            {
                (string kind, string code, int line) = blocks[i];
                File.WriteAllText(Path.Combine(app, $"Readme{i + 1:00}.cs"), $"// README.md line {line}: {kind}\n" + (kind == "shape" ? Shape(code, i + 1) : kind == "types" ? Usings + "\n\n" + code + "\n" : Method(kind, code, i + 1)));
            }

            (int exit, string output) = Dotnet.Run("build -tl:off -warnaserror", app);
            Assert.True(exit == 0, output);
            Assert.Contains("0 Warning(s)", output);
        }

        /// <summary>The README's C# blocks, each with what the comment above it says it is, and its line.</summary>
        private static IReadOnlyList<(string Kind, string Code, int Line)> Blocks(string readme)
        {
            string[] lines = readme.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
            var blocks = new List<(string, string, int)>();
            for (int i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() != "```csharp")
                {
                    continue;
                }

                Match marker = Regex.Match(i > 0 ? lines[i - 1] : string.Empty, @"^<!-- example: (?<kind>.+) -->$");
                Assert.True(marker.Success, $"README.md line {i + 1}: a C# block without '<!-- example: shape -->', '<!-- example: types -->' or '<!-- example: method(...) -->' on the line above");
                int end = Array.FindIndex(lines, i + 1, l => l.Trim() == "```");
                blocks.Add((marker.Groups["kind"].Value, string.Join("\n", lines, i + 1, end - i - 1), i + 1));
                i = end;
            }

            return blocks;
        }

        /// <summary>A <c>method(…)</c> block: the body of an async method with those parameters.</summary>
        private static string Method(string kind, string code, int number)
        {
            Match method = Regex.Match(kind, @"^method\((?<parameters>.*)\)$");
            Assert.True(method.Success, "unknown example kind: " + kind);
            string[] lines = code.Split('\n');
            string[] usings = lines.TakeWhile(l => l.StartsWith("using ", StringComparison.Ordinal) || l.Length == 0).Where(l => l.Length > 0).ToArray();
            string body = string.Join("\n", lines.Skip(usings.Length).SkipWhile(l => l.Length == 0).Select(l => "        " + l));
            return $$"""
                {{Usings}}
                {{string.Join("\n", usings.Where(u => !Usings.Contains(u, StringComparison.Ordinal)))}}

                internal static partial class ReadmeExamples
                {
                    internal static async Task Example{{number}}({{method.Groups["parameters"].Value}})
                    {
                        await Task.CompletedTask; // the method is async whether the block awaits or not
                {{body}}
                    }
                }
                """;
        }

        /// <summary>
        /// A <c>shape</c> block: for each <c>class X…</c> it declares (<c>X</c> → <c>CodeArtsReq</c>), the type and each
        /// member it names, as <c>nameof</c> expressions that compile only when they exist.
        /// </summary>
        private static string Shape(string code, int number)
        {
            var names = new List<string>();
            string? type = null;
            string text = Regex.Replace(code, @"/\*.*?\*/", string.Empty);
            foreach (string raw in text.Split('\n'))
            {
                string line = Regex.Replace(raw, "//.*$", string.Empty);
                Match declaration = Regex.Match(line, @"\bclass\s+(?<name>X\w*)");
                if (declaration.Success)
                {
                    type = "CodeArtsReq" + declaration.Groups["name"].Value.Substring(1);
                    names.Add(type);
                    line = line.Substring(line.IndexOf('{') is int brace and >= 0 ? brace + 1 : line.Length);
                }

                foreach (string piece in line.Split(';'))
                {
                    string member = MemberName(piece);
                    if (type != null && member.Length > 0)
                    {
                        names.Add(type + "." + member);
                    }
                }
            }

            Assert.True(names.Count > 1, "a shape block that names nothing:\n" + code);
            return $$"""
                {{Usings}}

                internal static partial class ReadmeExamples
                {
                    internal static readonly string[] Shape{{number}} =
                    {
                {{string.Join(",\n", names.Select(n => $"        nameof({n})"))}}
                    };
                }
                """;
        }

        /// <summary>The member a declaration piece names: before its parameter list, <c>{ get; }</c> or <c>=</c>; else its last word.</summary>
        private static string MemberName(string piece)
        {
            string declaration = piece.Trim().TrimStart('{').Trim();
            if (declaration.Length == 0 || declaration == "}" || declaration.StartsWith("get", StringComparison.Ordinal))
            {
                return string.Empty;
            }

            int end = declaration.IndexOfAny(new[] { '(', '{', '=' });
            string head = (end < 0 ? declaration : declaration.Substring(0, end)).Trim();
            Match name = Regex.Match(head, @"(?<name>[A-Za-z_]\w*)$");
            return name.Success && head.Contains(' ', StringComparison.Ordinal) ? name.Groups["name"].Value : string.Empty;
        }
    }
}
