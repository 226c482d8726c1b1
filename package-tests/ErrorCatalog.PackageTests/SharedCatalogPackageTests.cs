using System;
using System.IO;
using System.Linq;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// The README's layout for a shared catalog: a class library that owns the catalog (and an overlay) and sees no
    /// web framework, packed; a web app, a gRPC app and a console worker that add only that package. Each gets the
    /// integrations of the framework it sees generated in itself — the exception handler and <c>ToResult</c> over
    /// real Kestrel, <c>ToRpcException</c>/<c>FromRpcException</c> and the interceptor, the logging methods — with the
    /// same call forms as for a catalog of their own, and nothing the library already has is generated twice.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class SharedCatalogPackageTests
    {
        private const string Catalog = "catalog: Ledger\nnamespace: Fabrikam.Ledger\nerrors:\n  - code: LG.404\n    status: 404\n    message: Account {0} was not found.\n    parameters: [account]\n    description: The account does not exist.\n  - code: LG.409\n    status: 409\n    message: The ledger is closed.\n    grpcStatus: FailedPrecondition\n";

        private const string Overlay = "catalog: Ledger\nnamespace: Fabrikam.Ledger\nculture: zh-CN\nerrors:\n  - code: LG.404\n    message: 找不到账户 {0}。\n    description: 账户不存在。\n";

        private readonly PackageFixture _package;

        public SharedCatalogPackageTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public void A_library_without_web_framework_serves_a_web_app_a_grpc_app_and_a_worker()
        {
            string lib = _package.NewCatalogLibrary("fabrikam-ledger", "Fabrikam.Ledger", ("ledger.errors.yaml", Catalog), ("ledger.zh-CN.errors.yaml", Overlay));
            Dotnet.MustRun($"pack -c Release -tl:off -p:EmitCompilerGeneratedFiles=true -o \"{_package.Feed}\"", lib);
            string[] libraryFiles = Generated(lib);
            Assert.DoesNotContain(libraryFiles, f => f.Contains("AspNetCore", StringComparison.Ordinal) || f.Contains("Grpc", StringComparison.Ordinal) || f.EndsWith("LedgerLog.g.cs", StringComparison.Ordinal));
            Assert.Contains("Fabrikam.Ledger.LedgerException.Http.g.cs", libraryFiles); // net10.0 has HttpClient in the box

            // The web app: the handler registered before request localization, over Kestrel on a loopback port.
            string web = App("ledger-web", "web");
            File.WriteAllText(Path.Combine(web, "Program.cs"), """
                using Fabrikam.Ledger;
                var builder = WebApplication.CreateBuilder(args);
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                builder.Logging.ClearProviders();
                builder.Services.AddProblemDetails();
                builder.Services.AddExceptionHandler<LedgerExceptionHandler>();
                var app = builder.Build();
                app.UseExceptionHandler();
                string[] cultures = { "en-US", "zh-CN" };
                app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("en-US").AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
                app.MapGet("/accounts/{id}", (string id) => { throw LedgerErrors.AccountWasNotFound.ToException(id); });
                app.MapPost("/postings", () => LedgerErrors.TheLedgerIsClosed.ToResult());
                await app.StartAsync();
                var address = app.Urls.Single();
                using var client = new HttpClient();
                var request = new HttpRequestMessage(HttpMethod.Get, address + "/accounts/A-1");
                request.Headers.AcceptLanguage.ParseAdd("zh-CN");
                var response = await client.SendAsync(request);
                using (var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()))
                {
                    var json = body.RootElement;
                    Console.WriteLine($"{(int)response.StatusCode} {response.Content.Headers.ContentLanguage.Single()} {json.GetProperty("title")} {json.GetProperty("detail")} {json.GetProperty("error_code")} {json.GetProperty("error_msg")}");
                }

                response = await client.PostAsync(address + "/postings", null);
                var decoded = await LedgerException.FromResponseAsync(response);
                Console.WriteLine($"{decoded!.GetType().Name} {decoded.ErrorCode} {decoded.ErrorMessage}");
                await app.StopAsync();
                """);
            string[] webOutput = Run(web);
            Assert.Equal("404 zh-CN 账户不存在。 找不到账户 A-1。 LG.404 找不到账户 A-1。", webOutput[0]);
            Assert.Equal("LedgerConflictException LG.409 The ledger is closed.", webOutput[1]);
            string[] webFiles = Generated(web);
            Assert.Contains("Fabrikam.Ledger.LedgerException.AspNetCore.g.cs", webFiles);
            Assert.DoesNotContain("Fabrikam.Ledger.LedgerException.Http.g.cs", webFiles); // the library has it
            Assert.DoesNotContain(webFiles, f => f.EndsWith("LedgerErrors.g.cs", StringComparison.Ordinal));

            // The gRPC app: Grpc.StatusProto only (Grpc.Core.Api and google.rpc come with it).
            string grpc = App("ledger-grpc", "console", ("Grpc.StatusProto", "2.85.0"));
            File.WriteAllText(Path.Combine(grpc, "Program.cs"), """
                using Fabrikam.Ledger;
                using Grpc.Core;
                var rpc = LedgerErrors.AccountWasNotFound.ToException("A-2").ToRpcException();
                var info = rpc.GetRpcStatus()!.GetDetail<Google.Rpc.ErrorInfo>();
                Console.WriteLine($"{rpc.StatusCode} {info.Reason} {info.Domain} {info.Metadata["account"]}");
                var back = LedgerException.FromRpcException(LedgerErrors.TheLedgerIsClosed.ToException().ToRpcException());
                Console.WriteLine($"{back.GetType().Name} {back.ErrorCode} {typeof(LedgerGrpcInterceptor).IsPublic}");
                """);
            Assert.Equal(new[] { "NotFound LG.404 Fabrikam.Ledger A-2", "LedgerConflictException LG.409 False" }, Run(grpc));

            // The worker: logging, as a console app with Microsoft.Extensions.Logging sees it.
            string worker = App("ledger-worker", "console", ("Microsoft.Extensions.Logging.Console", "10.0.0"));
            File.WriteAllText(Path.Combine(worker, "Program.cs"), """
                using Fabrikam.Ledger;
                using Microsoft.Extensions.Logging;
                using (ILoggerFactory factory = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true)))
                {
                    ILogger logger = factory.CreateLogger("worker");
                    logger.LogAccountWasNotFound("A-3");
                    logger.LogLedgerError(LedgerErrors.TheLedgerIsClosed.ToException());
                }
                """);
            string[] workerOutput = Run(worker);
            Assert.Contains(workerOutput, line => line.Contains("LG.404: Account A-3 was not found.", StringComparison.Ordinal));
            Assert.Contains(workerOutput, line => line.Contains("LG.409: The ledger is closed.", StringComparison.Ordinal));
        }

        /// <summary>A fresh app of <paramref name="template"/> that adds the catalog package and the <paramref name="packages"/> named.</summary>
        private string App(string name, string template, params (string Id, string Version)[] packages)
        {
            string app = _package.NewWorkFolder(name);
            Dotnet.MustRun($"new {template} -n App -o . --no-restore", app);
            Dotnet.MustRun($"add package Fabrikam.Ledger --version {PackageFixture.TestVersion}", app);
            foreach ((string id, string version) in packages)
            {
                Dotnet.MustRun($"add package {id} --version {version} --no-restore", app);
            }

            return app;
        }

        private static string[] Run(string app)
        {
            Dotnet.MustRun("build -tl:off -p:EmitCompilerGeneratedFiles=true -warnaserror", app);
            return Dotnet.MustRun("run --no-build --no-launch-profile", app).Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }

        private static string[] Generated(string project)
            => Directory.GetFiles(Path.Combine(project, "obj"), "*.g.cs", SearchOption.AllDirectories).Select(Path.GetFileName).Where(f => f!.StartsWith("Fabrikam.", StringComparison.Ordinal)).Select(f => f!).ToArray();
    }
}
