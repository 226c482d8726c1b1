using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Contoso.Ledger;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>
    /// A catalog from a library that sees no framework (ErrorCatalog.SharedCatalog, netstandard2.0): this project
    /// sees ASP.NET Core, HttpClient, IHttpClientFactory, OpenAPI, logging and tracing, so the generator adds the
    /// catalog's integrations here — internal, with the call forms of an in-project catalog — over real Kestrel.
    /// The exception handler is registered before request localization: the answer's language still comes from
    /// the request.
    /// </summary>
    public sealed class SharedCatalogTests : IAsyncLifetime
    {
        private const string Hostile = "</script>\"\u202E\U0001F600";

        private WebApplication _app = null!;
        private Uri _address = null!;

        public async Task InitializeAsync()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<LedgerExceptionHandler>();
            builder.Services.AddOpenApi(o => o.AddOperationTransformer<LedgerOpenApiTransformer>());
            builder.Services.AddHttpClient("ledger").AddLedgerHttpErrorHandler();
            _app = builder.Build();
            _app.UseExceptionHandler();
            Loopback.UseCultures(_app);
            _app.MapOpenApi();
            _app.MapGet("/accounts", (string id) => { throw LedgerErrors.AccountWasNotFound.ToException(id); })
                .ProducesErrors(LedgerErrors.AccountWasNotFound);
            _app.MapPost("/postings", () => LedgerErrors.TheLedgerIsClosed.ToResult())
                .ProducesErrors(LedgerErrors.TheLedgerIsClosed, LedgerErrors.TooManyPostingsTryAgainInSeconds);
            _app.MapPost("/batch", () => new LedgerValidationException(new[] { LedgerErrors.AccountWasNotFound.ForField("from", "A-1"), LedgerErrors.TheLedgerIsClosed.ForField("period") }).ToResult());
            _app.MapPost("/batch-throw", () => { throw new LedgerValidationException(new[] { LedgerErrors.AccountWasNotFound.ForField("to", "A-2") }); });
            _address = await Loopback.StartAsync(_app);
        }

        public async Task DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        [Fact]
        public void The_library_has_the_catalog_and_this_project_the_integrations()
        {
            Assert.Equal("ErrorCatalog.SharedCatalog", typeof(LedgerErrors).Assembly.GetName().Name);
            foreach (Type type in new[] { typeof(LedgerExceptionHandler), typeof(LedgerAspNetCoreExtensions), typeof(LedgerHttpErrorHandler), typeof(LedgerHttpExtensions), typeof(LedgerTracingExtensions), typeof(LedgerLog), typeof(LedgerOpenApiTransformer) })
            {
                Assert.Same(typeof(SharedCatalogTests).Assembly, type.Assembly);
                Assert.False(type.IsPublic, type.Name + " is internal: it belongs to this project, not to the catalog's users");
            }
        }

        [Theory]
        [InlineData(null, "Account A-1 was not found.", "The account does not exist.", null)]
        [InlineData("zh-CN", "找不到账户 A-1。", "账户不存在。", "zh-CN")]
        public async Task A_thrown_error_is_answered_in_the_requests_language_whatever_the_middleware_order(string? language, string message, string title, string? contentLanguage)
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_address, "/accounts?id=A-1"));
            if (language != null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            using HttpResponseMessage response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(contentLanguage, response.Content.Headers.ContentLanguage.SingleOrDefault());
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("LG.0404", body.RootElement.GetProperty("error_code").GetString());
            Assert.Equal(message, body.RootElement.GetProperty("error_msg").GetString());
            Assert.Equal(message, body.RootElement.GetProperty("detail").GetString());
            Assert.Equal(title, body.RootElement.GetProperty("title").GetString());
            Assert.Equal("https://docs.example.com/ledger/errors#LG.0404", body.RootElement.GetProperty("type").GetString());
        }

        [Fact]
        public async Task The_client_handler_and_its_factory_registration_decode_the_answer_into_the_status_type()
        {
            HttpClient client = _app.Services.GetRequiredService<IHttpClientFactory>().CreateClient("ledger");
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, "/postings"));
            request.Headers.Add("X-Request-Id", "req-7");
            LedgerConflictException thrown = await Assert.ThrowsAsync<LedgerConflictException>(() => client.SendAsync(request));
            Assert.Same(LedgerErrors.TheLedgerIsClosed, thrown.Error);
            Assert.Equal("The ledger is closed.", thrown.ErrorMessage);
            Assert.Equal(409, thrown.HttpStatus);
            Assert.Contains("\"error_code\":\"LG.0409\"", thrown.ResponseBody, StringComparison.Ordinal);
            Assert.Null(thrown.RequestId); // the server echoes no X-Request-Id

            using var direct = new HttpClient(new LedgerHttpErrorHandler(new HttpClientHandler()));
            LedgerNotFoundException notFound = await Assert.ThrowsAsync<LedgerNotFoundException>(() => direct.GetAsync(new Uri(_address, "/accounts?id=" + Uri.EscapeDataString(Hostile))));
            Assert.Equal("Account " + Hostile + " was not found.", notFound.ErrorMessage);
        }

        [Theory]
        [InlineData("/batch", "zh-CN", "找不到账户 A-1。", 2)]
        [InlineData("/batch", null, "Account A-1 was not found.", 2)]
        [InlineData("/batch-throw", "zh-CN", "找不到账户 A-2。", 1)]
        public async Task The_librarys_field_errors_are_answered_and_decoded_here(string path, string? language, string first, int count)
        {
            using var client = new HttpClient(new LedgerHttpErrorHandler(new HttpClientHandler()));
            using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(_address, path));
            if (language != null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            LedgerValidationException thrown = await Assert.ThrowsAsync<LedgerValidationException>(() => client.SendAsync(request));
            Assert.Equal(count, thrown.FieldErrors.Count);
            Assert.Equal(first, thrown.FieldErrors[0].ErrorMessage);
            Assert.Same(LedgerErrors.AccountWasNotFound, thrown.FieldErrors[0].Error);
            Assert.Equal(404, thrown.HttpStatus); // the first field error's status
        }

        [Fact]
        public void Static_members_keep_their_call_form_on_the_librarys_exception()
        {
            LedgerException decoded = LedgerException.FromBody("{\"error_code\":\"LG.0429\",\"error_msg\":\"Too many postings; try again in 3 seconds.\"}");
            LedgerTooManyRequestsException typed = Assert.IsType<LedgerTooManyRequestsException>(decoded);
            Assert.True(typed.IsRetryable);
            Assert.Equal("Too many postings; try again in 3 seconds.", typed.ErrorMessage);
            Assert.StartsWith("{\"error_code\"", decoded.ResponseBody, StringComparison.Ordinal);

            LedgerException unknown = LedgerException.FromBody("not json", 502);
            Assert.Null(unknown.Error);
            Assert.Equal(502, unknown.HttpStatus);
            Assert.Equal("not json", unknown.ResponseBody);
        }

        [Fact]
        public void Problem_details_tracing_and_logging_work_on_the_librarys_types()
        {
            LedgerException error = LedgerErrors.TooManyPostingsTryAgainInSeconds.ToException(30);
            Microsoft.AspNetCore.Mvc.ProblemDetails problem = error.ToProblemDetails(null);
            Assert.Equal(429, problem.Status);
            Assert.Equal("Too many postings; try again in 30 seconds.", problem.Detail);
            Assert.Equal("LG.0429", problem.Extensions["error_code"]);

            using var activity = new Activity("posting");
            error.RecordOn(activity);
            Assert.Equal("LG.0429", activity.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Error, activity.Status);

            var logger = new RecordingLogger();
            logger.LogTheLedgerIsClosed();
            logger.LogLedgerError(error);
            Assert.Equal(new[] { "LG.0409: The ledger is closed.", "LG.0429: Too many postings; try again in 30 seconds." }, logger.Messages);
        }

        [Fact]
        public async Task The_api_description_lists_the_codes_of_the_librarys_errors()
        {
            using var client = new HttpClient();
            using JsonDocument document = JsonDocument.Parse(await client.GetStringAsync(new Uri(_address, "/openapi/v1.json")));
            JsonElement responses = document.RootElement.GetProperty("paths").GetProperty("/postings").GetProperty("post").GetProperty("responses");
            Assert.Equal("LG.0409", responses.GetProperty("409").GetProperty("x-error-codes")[0].GetProperty("code").GetString());
            Assert.Equal("LG.0429", responses.GetProperty("429").GetProperty("x-error-codes")[0].GetProperty("code").GetString());
        }

        private sealed class RecordingLogger : ILogger
        {
            public System.Collections.Generic.List<string> Messages { get; } = new System.Collections.Generic.List<string>();

            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Messages.Add(formatter(state, exception));
        }
    }
}
