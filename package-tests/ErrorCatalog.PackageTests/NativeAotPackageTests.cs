using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ErrorCatalog.Testing;
using Xunit;

namespace ErrorCatalog.PackageTests
{
    /// <summary>
    /// A fresh <c>dotnet new web</c> app with the CodeArts Req catalog, published with
    /// <c>PublishAot=true</c> (so the Request Delegate Generator is on too) and warnings as errors: the
    /// exception handler, <c>ToResult</c>, the HTTP client handler decoding a loopback answer and a
    /// <c>Log&lt;Name&gt;</c> call, plus a catalog library used in the README's minimal-API form. The
    /// native binary and the JIT build answer on 127.0.0.1:0 and must agree byte for byte.
    /// </summary>
    [Collection(PackageCollection.Name)]
    public sealed class NativeAotPackageTests
    {
        private const string LibraryCatalog = "catalog: Svc\nerrors:\n  - code: SV.1002\n    status: 409\n    name: Locked\n    message: Order {0} is locked.\n    parameters: [order]\n";

        /// <summary>
        /// The app. In-project catalog types are made by a generator, which RDG cannot see: those lambdas
        /// declare their return type (<c>IResult () =&gt;</c>). The library's types are in a referenced
        /// assembly, so the README's plain form (<c>() =&gt; ….ToResult(…)</c>) builds as it is.
        /// </summary>
        private const string Program = """
            using HuaweiCloud.CodeArtsReq;
            using Microsoft.Extensions.Logging;
            using Svc.Errors;

            var builder = WebApplication.CreateSlimBuilder(args);
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var sink = new LogSink();
            builder.Logging.AddProvider(sink);
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<CodeArtsReqExceptionHandler>();
            builder.Services.AddExceptionHandler<SvcExceptionHandler>();
            var app = builder.Build();
            app.UseExceptionHandler();

            app.MapGet("/throw", IResult () => throw CodeArtsReqErrors.InvalidFieldValue.ToException("due_date", "</script>\"\u4e2d\""));
            app.MapPost("/issues", IResult () => CodeArtsReqErrors.InvalidFieldValue.ToResult("due_date", "x"));
            app.MapGet("/library", () => SvcErrors.Locked.ToResult(42));
            app.MapGet("/library-throw", () => { throw SvcErrors.Locked.ToException(7); });
            app.MapGet("/client", async Task<string> () =>
            {
                using var client = new HttpClient(new CodeArtsReqHttpErrorHandler(new SocketsHttpHandler())) { BaseAddress = new Uri(app.Urls.First()) };
                try
                {
                    await client.GetAsync("/throw");
                    return "no exception";
                }
                catch (CodeArtsReqBadRequestException ex)
                {
                    return $"{ex.GetType().Name}|{ex.ErrorCode}|{ex.HttpStatus}|{ex.ErrorMessage}|{ex.Error?.Name}";
                }
            });
            app.MapGet("/log", string () =>
            {
                app.Logger.LogInvalidFieldValue("due_date", 42);
                return sink.Last;
            });

            await app.StartAsync();
            Console.WriteLine("LISTENING " + app.Urls.First());
            await app.WaitForShutdownAsync();

            sealed class LogSink : ILoggerProvider, ILogger
            {
                public string Last { get; private set; } = "";
                public ILogger CreateLogger(string categoryName) => this;
                public void Dispose() { }
                public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
                public bool IsEnabled(LogLevel logLevel) => true;
                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                {
                    if (eventId.Name != null)
                    {
                        Last = $"{logLevel}|{eventId.Id}|{eventId.Name}|{formatter(state, exception)}";
                    }
                }
            }
            """;

        private static readonly (string Method, string Path)[] s_requests =
        {
            ("GET", "/throw"), ("POST", "/issues"), ("GET", "/library"), ("GET", "/library-throw"), ("GET", "/client"), ("GET", "/log"),
        };

        private readonly PackageFixture _package;

        public NativeAotPackageTests(PackageFixture package)
        {
            _package = package;
        }

        [Fact]
        public async Task A_web_app_publishes_with_native_aot_without_warnings_and_answers_as_the_jit_build_does()
        {
            MachineSetup.Ensure("Native AOT publishing (the ILCompiler links with the platform's toolchain)", Prerequisite.Command("clang", "clang"), Prerequisite.Library("libz.so", "zlib1g-dev"));
            string dir = _package.NewWorkFolder("aot-web");
            string app = CreateApp(dir);

            (int build, string buildOutput) = Dotnet.Run("build -c Release -tl:off", app);
            Assert.True(build == 0, buildOutput);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", buildOutput);
            (int publish, string publishOutput) = Dotnet.Run("publish -c Release -r linux-x64 -tl:off -o native", app);
            Assert.True(publish == 0, publishOutput);
            Assert.DoesNotMatch(@"warning [A-Z]+\d+", publishOutput);
            Assert.True(File.Exists(Path.Combine(app, "native", "App")), publishOutput);
            Assert.False(File.Exists(Path.Combine(app, "native", "App.dll")), "a native publish has no IL assembly");

            List<string> jit = await Answers("dotnet", Path.Combine(app, "bin", "Release", "net10.0", "App.dll"), app);
            List<string> native = await Answers(Path.Combine(app, "native", "App"), string.Empty, app);

            Assert.Equal(jit, native);
            Assert.True(jit[0].StartsWith("400 application/problem+json {\"type\":", StringComparison.Ordinal), jit[0]);
            Assert.True(jit[0].Contains("\"error_code\":\"PM.02175201\",\"error_msg\":\"Field due_date has invalid value </script>\\\"\u4e2d\\\".\"", StringComparison.Ordinal), jit[0]);
            Assert.True(jit[1].Contains("\"detail\":\"Field due_date has invalid value x.\"", StringComparison.Ordinal), jit[1]);
            Assert.True(jit[2].StartsWith("409 application/problem+json", StringComparison.Ordinal), jit[2]);
            Assert.True(jit[2].Contains("\"error_code\":\"SV.1002\",\"error_msg\":\"Order 42 is locked.\"", StringComparison.Ordinal), jit[2]);
            Assert.True(jit[3].Contains("\"error_msg\":\"Order 7 is locked.\"", StringComparison.Ordinal), jit[3]);
            Assert.Equal("200 text/plain; charset=utf-8 CodeArtsReqBadRequestException|PM.02175201|400|Field due_date has invalid value </script>\"\u4e2d\".|InvalidFieldValue", jit[4]);
            Assert.True(Regex.IsMatch(jit[5], @"^200 text/plain; charset=utf-8 Warning\|\d+\|InvalidFieldValue\|PM\.02175201: Field due_date has invalid value 42\.$"), jit[5]);
        }

        private string CreateApp(string dir)
        {
            string lib = Path.Combine(dir, "Svc.Errors");
            Directory.CreateDirectory(lib);
            File.WriteAllText(Path.Combine(lib, "Svc.Errors.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                    <IsAotCompatible>true</IsAotCompatible>
                    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                  </PropertyGroup>
                  <ItemGroup>
                    <FrameworkReference Include="Microsoft.AspNetCore.App" />
                    <PackageReference Include="ErrorCatalog.Generator" Version="{_package.Version}" PrivateAssets="none" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(lib, "svc.errors.yaml"), LibraryCatalog);

            string app = Path.Combine(dir, "App");
            Directory.CreateDirectory(app);
            Dotnet.MustRun("new web -n App -o . --no-restore", app);
            string project = Path.Combine(app, "App.csproj");
            File.WriteAllText(project, File.ReadAllText(project).Replace("</PropertyGroup>",
                "  <PublishAot>true</PublishAot>\n    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>\n  </PropertyGroup>\n  <ItemGroup>\n" +
                $"    <PackageReference Include=\"ErrorCatalog.Generator\" Version=\"{_package.Version}\" />\n" +
                "    <ProjectReference Include=\"../Svc.Errors/Svc.Errors.csproj\" />\n  </ItemGroup>", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.Combine(app, "catalog"));
            string repo = Dotnet.RepositoryRoot();
            File.Copy(Path.Combine(repo, "catalog", "codearts-req.errors.yaml"), Path.Combine(app, "catalog", "codearts-req.errors.yaml"));
            File.WriteAllText(Path.Combine(app, "Program.cs"), Program);
            return app;
        }

        /// <summary>Starts the app, asks every request, and returns "status content-type body" per request (traceId blanked).</summary>
        private static async Task<List<string>> Answers(string file, string arguments, string workingDirectory)
        {
            var start = new ProcessStartInfo(file, arguments)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using Process process = Process.Start(start)!;
            try
            {
                Task<string?> first = process.StandardOutput.ReadLineAsync();
                if (await Task.WhenAny(first, Task.Delay(TimeSpan.FromSeconds(60))) != first || first.Result is not string line || !line.StartsWith("LISTENING ", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{file} did not start: {(first.IsCompleted ? first.Result : "(no line in 60 s)")}");
                }

                using var client = new HttpClient { BaseAddress = new Uri(line.Substring("LISTENING ".Length)), Timeout = TimeSpan.FromSeconds(30) };
                var answers = new List<string>();
                foreach ((string method, string path) in s_requests)
                {
                    using HttpResponseMessage response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
                    string body = await response.Content.ReadAsStringAsync();
                    Assert.False(response.Content.Headers.Contains("Content-Language"));
                    answers.Add($"{(int)response.StatusCode} {response.Content.Headers.ContentType} {Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "\"traceId\":\"-\"")}");
                }

                return answers;
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
    }
}
