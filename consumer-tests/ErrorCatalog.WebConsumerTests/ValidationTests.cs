using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>
    /// Many errors in one answer, over real Kestrel: a <c>CodeArtsReqValidationException</c> of 1, 3 and 200 field errors,
    /// thrown through the handler (with and without <c>IProblemDetailsService</c>) and returned by <c>ToResult</c>, in three
    /// languages, with hostile fields and arguments: the first error's members, ASP.NET Core's <c>errors</c> map and
    /// <c>violations</c> in order; the HTTP client handler decodes what the server wrote into typed field errors, and a
    /// codes-less <c>Results.ValidationProblem</c> into field errors with empty codes.
    /// </summary>
    public sealed class ValidationTests : IAsyncLifetime
    {
        private static readonly string[] HostileFields = { "</script>\"\u202E", "items[0].due_date", "\U0001F600 名称", "a\u0000b" };

        private readonly List<WebApplication> _apps = new List<WebApplication>();
        private Uri _withService = null!;
        private Uri _withoutService = null!;
        private Uri _escapedWithService = null!;
        private Uri _escapedWithoutService = null!;

        public async Task InitializeAsync()
        {
            _withService = await StartAsync(problemDetails: true);
            _withoutService = await StartAsync(problemDetails: false);
            _escapedWithService = await StartAsync(problemDetails: true, escaped: true);
            _escapedWithoutService = await StartAsync(problemDetails: false, escaped: true);
        }

        public async Task DisposeAsync()
        {
            foreach (WebApplication app in _apps)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        private async Task<Uri> StartAsync(bool problemDetails, bool escaped = false)
        {
            WebApplicationBuilder builder = Loopback.Builder();
            if (escaped)
            {
                // ASP.NET Core writes JSON with the relaxed encoder (Chinese as UTF-8); an app can ask for \uXXXX escapes.
                builder.Services.ConfigureHttpJsonOptions(options => options.SerializerOptions.Encoder = JavaScriptEncoder.Default);
            }

            if (problemDetails)
            {
                builder.Services.AddProblemDetails();
            }

            builder.Services.AddExceptionHandler<CodeArtsReqExceptionHandler>();
            WebApplication app = builder.Build();
            if (problemDetails)
            {
                app.UseExceptionHandler();
            }
            else
            {
                // Without IProblemDetailsService the handler writes the body itself (Utf8JsonWriter); the middleware
                // then wants a fallback of its own, which a catalog exception never reaches.
                app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = context => Task.CompletedTask });
            }

            Loopback.UseCultures(app);
            app.MapGet("/throw/{count:int}", (int count) => { throw new CodeArtsReqValidationException(FieldErrors(count)); });
            app.MapGet("/result/{count:int}", (int count) => new CodeArtsReqValidationException(FieldErrors(count)).ToResult());
            app.MapGet("/plain", () => Results.ValidationProblem(new Dictionary<string, string[]> { ["title"] = new[] { "The title is required.", "Too short." }, ["due"] = new[] { "Bad date." } }));
            _apps.Add(app);
            return await Loopback.StartAsync(app);
        }

        /// <summary>Field i: an invalid value (even i) or a missing field (odd i), fields repeating so the map groups them.</summary>
        private static IEnumerable<CodeArtsReqFieldError> FieldErrors(int count)
            => Enumerable.Range(0, count).Select(i => i % 2 == 0
                ? CodeArtsReqErrors.InvalidFieldValue.ForField(HostileFields[i % HostileFields.Length], "due_date", "<x" + i + ">\"")
                : CodeArtsReqErrors.MissingRequiredField.ForField(HostileFields[i % HostileFields.Length], "title\u202E" + i));

        /// <summary>The message of field i in a language, from the catalog's templates written out again here.</summary>
        private static string Expected(int i, bool chinese)
            => i % 2 == 0
                ? string.Format(chinese ? "字段 {0} 的值 {1} 无效。" : "Field {0} has invalid value {1}.", "due_date", "<x" + i + ">\"")
                : string.Format(chinese ? "缺少必填字段 {0}。" : "Missing required field {0}.", "title\u202E" + i);

        public static IEnumerable<object?[]> Cases()
        {
            foreach (int count in new[] { 1, 3, 200 })
            {
                foreach (string path in new[] { "throw", "result" })
                {
                    foreach ((string? language, bool chinese) in new[] { ((string?)null, false), ("zh-CN", true), ("de", false) })
                    {
                        yield return new object?[] { count, path, language, chinese, true };
                    }
                }

                yield return new object?[] { count, "throw", "zh-CN", true, false };
                yield return new object?[] { count, "result", "zh-CN", true, false };
                yield return new object?[] { count, "result", null, false, false };
            }
        }

        [Theory]
        [MemberData(nameof(Cases))]
        public async Task Field_errors_are_answered_in_order_with_their_codes(int count, string path, string? language, bool chinese, bool service)
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(service ? _withService : _withoutService, $"/{path}/{count}"));
            if (language != null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            using HttpResponseMessage response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(chinese ? "zh-CN" : null, response.Content.Headers.ContentLanguage.SingleOrDefault());
            string text = await response.Content.ReadAsStringAsync();
            using JsonDocument body = JsonDocument.Parse(text);
            JsonElement root = body.RootElement;
            Assert.Equal(400, root.GetProperty("status").GetInt32());
            Assert.Equal("PM.02175201", root.GetProperty("error_code").GetString());
            Assert.Equal(Expected(0, chinese), root.GetProperty("error_msg").GetString());
            Assert.Equal(Expected(0, chinese), root.GetProperty("detail").GetString());

            JsonElement[] violations = root.GetProperty("violations").EnumerateArray().ToArray();
            Assert.Equal(count, violations.Length);
            var map = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            for (int i = 0; i < count; i++)
            {
                string field = HostileFields[i % HostileFields.Length];
                Assert.Equal(field, violations[i].GetProperty("field").GetString());
                Assert.Equal(i % 2 == 0 ? "PM.02175201" : "PM.02175200", violations[i].GetProperty("error_code").GetString());
                Assert.Equal(Expected(i, chinese), violations[i].GetProperty("error_msg").GetString());
                if (!map.TryGetValue(field, out List<string>? messages))
                {
                    map.Add(field, messages = new List<string>());
                }

                messages.Add(Expected(i, chinese));
            }

            JsonElement errors = root.GetProperty("errors");
            Assert.Equal(map.Keys, errors.EnumerateObject().Select(p => p.Name));
            foreach (KeyValuePair<string, List<string>> pair in map)
            {
                Assert.Equal(pair.Value, errors.GetProperty(pair.Key).EnumerateArray().Select(m => m.GetString()));
            }
        }

        /// <summary>
        /// Without <c>IProblemDetailsService</c> the handler and <c>ToResult</c> write the body themselves, straight from the
        /// exception; with it ASP.NET Core serializes the <c>ProblemDetails</c>. Byte for byte the same members in the same
        /// order, but for what the service adds (<c>type</c> by status, <c>traceId</c>), under ASP.NET Core's default
        /// encoder (Chinese as UTF-8) and under an app's escaping one.
        /// </summary>
        [Theory]
        [InlineData("result", 1, "zh-CN", false)]
        [InlineData("result", 3, null, false)]
        [InlineData("result", 40, "zh-CN", false)]
        [InlineData("throw", 40, "zh-CN", false)]
        [InlineData("result", 3, "zh-CN", true)]
        [InlineData("throw", 200, "zh-CN", true)]
        public async Task Written_by_hand_or_by_the_service_the_body_is_the_same(string path, int count, string? language, bool escaped)
        {
            (string withService, _) = await GetAsync(new Uri(escaped ? _escapedWithService : _withService, $"/{path}/{count}"), language);
            (string withoutService, HttpResponseMessage response) = await GetAsync(new Uri(escaped ? _escapedWithoutService : _withoutService, $"/{path}/{count}"), language);
            Assert.Equal(language, response.Content.Headers.ContentLanguage.SingleOrDefault());
            Assert.Equal(Members(withService).Where(m => m.Name != "type" && m.Name != "traceId"), Members(withoutService));
            Assert.Equal(!escaped && language != null, withoutService.Contains("字段", StringComparison.Ordinal));
            Assert.Equal(escaped && language != null, withoutService.Contains("\\u5B57\\u6BB5", StringComparison.Ordinal));
        }

        private static async Task<(string Body, HttpResponseMessage Response)> GetAsync(Uri uri, string? language)
        {
            using var client = new HttpClient();
            using var request = new HttpRequestMessage(HttpMethod.Get, uri);
            if (language != null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            HttpResponseMessage response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            return (await response.Content.ReadAsStringAsync(), response);
        }

        /// <summary>The body's members in order, each with its value's JSON text as written (escapes included).</summary>
        private static IEnumerable<(string Name, string Raw)> Members(string body)
        {
            using JsonDocument document = JsonDocument.Parse(body);
            return document.RootElement.EnumerateObject().Select(p => (p.Name, p.Value.GetRawText())).ToList();
        }

        [Fact]
        public void The_result_reads_as_a_problem_result()
        {
            CultureInfo before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
            IResult result;
            try
            {
                result = new CodeArtsReqValidationException(FieldErrors(5)).ToResult();
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }

            Assert.Equal(400, Assert.IsAssignableFrom<IStatusCodeHttpResult>(result).StatusCode);
            Assert.Equal("application/problem+json", Assert.IsAssignableFrom<IContentTypeHttpResult>(result).ContentType);
            var problem = Assert.IsType<HttpValidationProblemDetails>(Assert.IsAssignableFrom<IValueHttpResult<Microsoft.AspNetCore.Mvc.ProblemDetails>>(result).Value);
            Assert.Equal(Expected(0, chinese: true), problem.Detail);
            Assert.Equal(new[] { Expected(0, chinese: true), Expected(4, chinese: true) }, problem.Errors[HostileFields[0]]);
            Assert.Same(problem.GetType(), Assert.IsAssignableFrom<IValueHttpResult>(result).Value!.GetType());
            CodeArtsReqError notFound = CodeArtsReqErrors.All.First(e => e.HttpStatus == 404);
            Assert.Equal(404, Assert.IsAssignableFrom<IStatusCodeHttpResult>(notFound.ToResult(Enumerable.Repeat<object?>("x", notFound.ParameterCount).ToArray())).StatusCode);
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(200)]
        public async Task The_client_decodes_what_the_server_wrote_into_typed_field_errors(int count)
        {
            using var client = new HttpClient(new CodeArtsReqHttpErrorHandler(new HttpClientHandler()));
            CodeArtsReqValidationException thrown = await Assert.ThrowsAsync<CodeArtsReqValidationException>(() => client.GetAsync(new Uri(_withService, "/throw/" + count)));
            Assert.Equal(count, thrown.FieldErrors.Count);
            Assert.Equal(400, thrown.HttpStatus);
            Assert.Same(CodeArtsReqErrors.InvalidFieldValue, thrown.Error);
            Assert.Equal("PM.02175201", thrown.ErrorCode);
            for (int i = 0; i < count; i++)
            {
                CodeArtsReqFieldError field = thrown.FieldErrors[i];
                Assert.Equal(HostileFields[i % HostileFields.Length], field.Field);
                Assert.Same(i % 2 == 0 ? CodeArtsReqErrors.InvalidFieldValue : CodeArtsReqErrors.MissingRequiredField, field.Error);
                Assert.Equal(Expected(i, chinese: false), field.ErrorMessage);
            }
        }

        [Fact]
        public async Task A_validation_problem_without_codes_decodes_to_field_errors_with_their_messages()
        {
            using var client = new HttpClient(new CodeArtsReqHttpErrorHandler(new HttpClientHandler()));
            CodeArtsReqValidationException thrown = await Assert.ThrowsAsync<CodeArtsReqValidationException>(() => client.GetAsync(new Uri(_withService, "/plain")));
            Assert.Equal(new[] { ("title", "The title is required."), ("title", "Too short."), ("due", "Bad date.") }, thrown.FieldErrors.Select(f => (f.Field, f.ErrorMessage!)));
            Assert.All(thrown.FieldErrors, f => Assert.Equal(string.Empty, f.ErrorCode));
            Assert.All(thrown.FieldErrors, f => Assert.Null(f.Error));
            Assert.Null(thrown.Error);
            Assert.Equal(400, thrown.HttpStatus);
            Assert.Contains("\"errors\"", thrown.ResponseBody, StringComparison.Ordinal);
        }

        [Fact]
        public void The_model_keeps_the_first_error_first_and_checks_what_it_is_given()
        {
            var exception = new CodeArtsReqValidationException(new[]
            {
                CodeArtsReqErrors.ResourceNotFound.ForField("id"),
                new CodeArtsReqFieldError("name", "XX.1", "foreign"),
            });
            Assert.Same(CodeArtsReqErrors.ResourceNotFound, exception.Error);
            Assert.Equal(CodeArtsReqErrors.ResourceNotFound.HttpStatus, exception.HttpStatus);
            Assert.Null(exception.FieldErrors[1].Error);
            Assert.Equal("XX.1", exception.FieldErrors[1].ErrorCode);
            Assert.Equal(400, new CodeArtsReqValidationException(new[] { new CodeArtsReqFieldError("name", "XX.1", "foreign") }).HttpStatus);
            Assert.Throws<ArgumentException>(() => new CodeArtsReqValidationException(Array.Empty<CodeArtsReqFieldError>()));
            Assert.Throws<ArgumentException>(() => CodeArtsReqErrors.InvalidFieldValue.ForField("due_date", "only one"));
            Assert.Equal(new object?[] { "due_date", 7 }, CodeArtsReqErrors.InvalidFieldValue.ForField("f", "due_date", 7).Arguments);
        }
    }
}
