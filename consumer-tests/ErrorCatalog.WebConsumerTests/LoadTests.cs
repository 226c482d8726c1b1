using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Acme.Shop;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>
    /// A bounded load on loopback: 20,000 requests, 64 at a time, mixing thrown and returned catalog errors,
    /// languages and hostile arguments (chosen by index: a NUL cannot travel in a URL). Every answer's status and body is checked, none is dropped, and
    /// nothing is logged at warning or above. (Speed is measured by a benchmark, not here.)
    /// </summary>
    public sealed class LoadTests : IAsyncLifetime
    {
        private const int Requests = 20_000;
        private const int Concurrency = 64;
        private static readonly string[] s_hostile = { "</script>\"x\"", "nul\u0000here", "\u202Eltr\u202C", "emoji \U0001F600", "plain" };
        private static readonly string?[] s_languages = { null, "zh-CN", "zh-Hans-CN", "zh", "de", "fr;q=0.5, zh;q=0.9" };

        private readonly LogCounter _logs = new LogCounter();
        private WebApplication _app = null!;
        private HttpClient _client = null!;

        public async Task InitializeAsync()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Logging.AddProvider(_logs);
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<ShopExceptionHandler>();
            builder.Services.AddExceptionHandler<CodeArtsReqExceptionHandler>();
            _app = builder.Build();
            Loopback.UseCultures(_app);
            _app.UseExceptionHandler();
            _app.MapGet("/throw/{code}/{arg:int}", (string code, int arg) =>
            {
                object?[] args = Arguments(code, s_hostile[arg]);
                throw ShopErrors.Find(code) is ShopError shop ? shop.ToException(args) : CodeArtsReqErrors.Find(code)!.ToException(args);
            });
            _app.MapGet("/result/{code}/{arg:int}", (string code, int arg) =>
            {
                object?[] args = Arguments(code, s_hostile[arg]);
                return ShopErrors.Find(code) is ShopError shop ? shop.ToResult(args) : CodeArtsReqErrors.Find(code)!.ToResult(args);
            });
            Uri address = await Loopback.StartAsync(_app);
            _client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        [Fact]
        public async Task Twenty_thousand_requests_sixty_four_at_a_time_every_answer_checked()
        {
            string[] codes = ShopErrors.All.Select(e => e.Code).Concat(CodeArtsReqErrors.All.Select(e => e.Code)).ToArray();
            var failures = new ConcurrentQueue<string>();
            int answered = 0;
            int localized = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, Requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, cancellationToken) =>
            {
                string code = codes[i % codes.Length];
                int hostile = (i / codes.Length) % s_hostile.Length;
                string arg = s_hostile[hostile];
                string? language = s_languages[i % s_languages.Length];
                string path = (i % 2 == 0 ? "/throw/" : "/result/") + Uri.EscapeDataString(code) + "/" + hostile.ToString(CultureInfo.InvariantCulture);
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                if (language != null)
                {
                    request.Headers.TryAddWithoutValidation("Accept-Language", language);
                }

                using HttpResponseMessage response = await _client.SendAsync(request, cancellationToken);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                Interlocked.Increment(ref answered);
                if (response.Content.Headers.ContentLanguage.Count > 0)
                {
                    Interlocked.Increment(ref localized);
                }

                string? problem = Check(code, arg, language, (int)response.StatusCode, response.Content.Headers.ContentLanguage.FirstOrDefault(), body);
                if (problem != null)
                {
                    failures.Enqueue($"{path} ({language}): {problem}");
                }
            });

            Assert.Equal(Requests, answered);
            Assert.InRange(localized, 1, Requests - 1); // the mix holds translated and neutral answers (477 of 20,000 here)
            Assert.True(failures.IsEmpty, $"{failures.Count} wrong answers, the first: {failures.FirstOrDefault()}");
            Assert.True(_logs.WarningsOrWorse == 0, $"{_logs.WarningsOrWorse} log entries at warning or above, the first: {_logs.First}");
        }

        /// <summary>What the answer must be, computed from the catalog's own API; null when it is.</summary>
        private static string? Check(string code, string arg, string? acceptLanguage, int status, string? contentLanguage, string body)
        {
            object?[] args = Arguments(code, arg);
            CultureInfo culture = CultureInfo.GetCultureInfo(acceptLanguage switch { null => "en-US", "fr;q=0.5, zh;q=0.9" => "zh", _ => acceptLanguage });
            (int expectedStatus, Microsoft.AspNetCore.Mvc.ProblemDetails neutral, Microsoft.AspNetCore.Mvc.ProblemDetails expected) = ShopErrors.Find(code) is ShopError shop
                ? (shop.HttpStatus, shop.ToException(args).ToProblemDetails(null), shop.ToException(args).ToProblemDetails(culture))
                : (CodeArtsReqErrors.Find(code)!.HttpStatus, CodeArtsReqErrors.Find(code)!.ToException(args).ToProblemDetails(null), CodeArtsReqErrors.Find(code)!.ToException(args).ToProblemDetails(culture));
            if (status != expectedStatus)
            {
                return $"status {status}";
            }

            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            if (root.GetProperty("error_code").GetString() != code || root.GetProperty("detail").GetString() != expected.Detail
                || root.GetProperty("error_msg").GetString() != expected.Detail || root.GetProperty("title").GetString() != expected.Title)
            {
                return "body " + body;
            }

            // Content-Language whenever any text came from an overlay: the message, or only the description (the title).
            bool translated = expected.Detail != neutral.Detail || expected.Title != neutral.Title;
            return translated == (contentLanguage != null) ? null : $"Content-Language '{contentLanguage}'";
        }

        private static object?[] Arguments(string code, string arg)
        {
            if (code == "SH.0001")
            {
                return new object?[] { arg.Length, arg };
            }

            int count = ShopErrors.Find(code)?.ParameterCount ?? CodeArtsReqErrors.Find(code)!.ParameterCount;
            return Enumerable.Repeat<object?>(arg, count).ToArray();
        }

        /// <summary>Counts what the app logs at warning or above.</summary>
        private sealed class LogCounter : ILoggerProvider, ILogger
        {
            private int _count;

            public int WarningsOrWorse => _count;

            public string? First { get; private set; }

            public ILogger CreateLogger(string categoryName) => this;

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel >= LogLevel.Warning && Interlocked.Increment(ref _count) == 1)
                {
                    First = $"{logLevel} {eventId}: {formatter(state, exception)}";
                }
            }

            public void Dispose()
            {
            }
        }
    }
}
