using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ErrorCatalog.Core.Emit.Integrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ErrorCatalog.GrpcConsumerTests
{
    /// <summary>
    /// <c>errcat preview --frameworks X</c> writes files that compile on their own for every single framework
    /// and for <c>all</c>: a framework that uses another's file (IHttpClientFactory's registration: the HTTP
    /// client's handler) brings it along. Compiled against this project's references, which see every framework.
    /// </summary>
    public class PreviewCompileTests
    {
        public static IEnumerable<object[]> Frameworks()
            => FrameworkIntegrations.All.Select(i => new object[] { i.Name }).Append(new object[] { "all" });

        [Theory]
        [MemberData(nameof(Frameworks))]
        public void Errcat_preview_of_each_framework_compiles(string frameworks)
        {
            string root = RepositoryRoot();
            string catalog = Path.Combine(root, "catalog", "codearts-req.errors.yaml");
            string overlay = Path.Combine(root, "catalog", "codearts-req.zh-CN.errors.yaml");
            string output = Path.Combine(Path.GetTempPath(), "errcat-preview-compile-" + Guid.NewGuid().ToString("N"));
            try
            {
                var stderr = new StringWriter();
                int exit = Cli.Cli.Run(new[] { "preview", catalog, overlay, "--frameworks", frameworks, "-o", output }, TextWriter.Null, stderr, root);
                Assert.True(exit == 0, stderr.ToString());
                string[] files = Directory.GetFiles(output, "*.g.cs");
                FrameworkIntegration? only = FrameworkIntegrations.All.FirstOrDefault(i => i.Name == frameworks);
                IEnumerable<FrameworkIntegration> expected = only == null ? FrameworkIntegrations.All : only.Requires.Append(only);
                foreach (FrameworkIntegration integration in expected)
                {
                    Assert.Contains(files, f => Path.GetFileName(f).EndsWith("." + integration.FileName(new Core.Naming.CatalogTypeNames("CodeArtsReq", "HuaweiCloud.CodeArtsReq")), StringComparison.Ordinal));
                }

                CSharpCompilation compilation = CSharpCompilation.Create(
                    "Preview_" + frameworks,
                    files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), f)),
                    References(),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                        .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress })); // as the SDK's NoWarn does
                Diagnostic[] problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToArray();
                Assert.True(problems.Length == 0, $"--frameworks {frameworks}: {files.Length} files\n" + string.Join("\n", problems.Take(20)));
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }

        /// <summary>Everything this test process may load (the shared frameworks and the project's packages) but itself, which holds the generated types.</summary>
        private static IEnumerable<MetadataReference> References()
            => ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
                .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
                .Where(path => !string.Equals(Path.GetFileName(path), Path.GetFileName(typeof(PreviewCompileTests).Assembly.Location), StringComparison.OrdinalIgnoreCase))
                .Select(path => MetadataReference.CreateFromFile(path));

        private static string RepositoryRoot()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "ErrorCatalog.sln")))
            {
                dir = Path.GetDirectoryName(dir);
            }

            return dir ?? throw new InvalidOperationException("ErrorCatalog.sln not found above " + AppContext.BaseDirectory);
        }
    }
}
