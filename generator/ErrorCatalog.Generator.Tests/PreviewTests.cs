using System;
using System.IO;
using System.Linq;
using ErrorCatalog.Generator.Tests.Infrastructure;
using ErrorCatalog.TestSupport;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary><c>errcat preview --frameworks</c> writes what the generator writes for a project that sees those frameworks.</summary>
    public class PreviewTests
    {
        [Fact]
        public void Errcat_preview_writes_the_generators_files_for_the_frameworks_named()
        {
            string root = DiagnosticTests.RepositoryRoot();
            string catalog = Path.Combine(root, "catalog", "codearts-req.errors.yaml");
            string overlay = Path.Combine(root, "catalog", "codearts-req.zh-CN.errors.yaml");

            // The generator, in a net8.0 compilation that sees HttpClient, System.Text.Json, DiagnosticSource and the logging abstractions.
            GeneratorResult generated = GeneratorHarness.Run(
                new AdditionalText[] { new InMemoryAdditionalText(catalog, File.ReadAllText(catalog)), new InMemoryAdditionalText(overlay, File.ReadAllText(overlay)) },
                TargetProfile.Net80Logging);
            var expected = generated.Sources.ToDictionary(s => s.HintName, s => s.SourceText.ToString());

            string output = Path.Combine(Path.GetTempPath(), "errcat-preview-" + Guid.NewGuid().ToString("N"));
            try
            {
                var stderr = new StringWriter();
                int exit = Cli.Cli.Run(new[] { "preview", catalog, overlay, "--frameworks", "http,logging,tracing", "-o", output }, TextWriter.Null, stderr, root);
                Assert.True(exit == 0, stderr.ToString());
                var previewed = Directory.GetFiles(output).ToDictionary(f => Path.GetFileName(f), File.ReadAllText);

                Assert.Equal(expected.Keys.OrderBy(k => k, StringComparer.Ordinal), previewed.Keys.OrderBy(k => k, StringComparer.Ordinal));
                Assert.Contains("HuaweiCloud.CodeArtsReq.CodeArtsReqLog.g.cs", previewed.Keys);
                Assert.Contains("HuaweiCloud.CodeArtsReq.CodeArtsReqException.Http.g.cs", previewed.Keys);
                Assert.Contains("HuaweiCloud.CodeArtsReq.CodeArtsReqErrors.Cultures.g.cs", previewed.Keys);
                Assert.DoesNotContain("HuaweiCloud.CodeArtsReq.CodeArtsReqException.AspNetCore.g.cs", previewed.Keys);
                foreach ((string name, string text) in expected)
                {
                    Assert.True(text == previewed[name], $"{name} differs between the generator and errcat preview");
                }

                // Without --frameworks: the core files and the culture API only.
                Directory.Delete(output, recursive: true);
                Assert.Equal(0, Cli.Cli.Run(new[] { "preview", catalog, overlay, "-o", output }, TextWriter.Null, TextWriter.Null, root));
                Assert.Equal(5, Directory.GetFiles(output).Length);
                Assert.Equal(2, Cli.Cli.Run(new[] { "preview", catalog, "--frameworks", "http,soap" }, TextWriter.Null, stderr, root));
                Assert.Contains("unknown framework 'soap' (http, aspnetcore, logging, tracing, httpclientfactory, openapi, grpc, fluentvalidation, erroror or all)", stderr.ToString(), StringComparison.Ordinal);
            }
            finally
            {
                if (Directory.Exists(output))
                {
                    Directory.Delete(output, recursive: true);
                }
            }
        }
    }
}
