using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.Tasks;
using FluentValidation;
using FluentValidation.Results;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>The request the FluentValidation tests validate.</summary>
    public sealed record IssueRequest(string? Title, string? DueDate, int Size);

    /// <summary>A real validator: two rules fail with catalog errors, one with FluentValidation's own code.</summary>
    public sealed class IssueValidator : AbstractValidator<IssueRequest>
    {
        public IssueValidator()
        {
            RuleFor(x => x.Title).NotEmpty().WithError(CodeArtsReqErrors.MissingRequiredField, x => "title");
            RuleFor(x => x.DueDate).Matches(@"^\d{4}-\d{2}-\d{2}$").WithError(CodeArtsReqErrors.InvalidFieldValue, x => "due_date", x => x.DueDate);
            RuleFor(x => x.Size).InclusiveBetween(1, 10);
        }
    }

    /// <summary>
    /// FluentValidation with catalog codes over real Kestrel: <c>WithError</c> sets each failure's code and message (in the
    /// current UI culture), <c>ToFieldErrors</c> keeps the entries, and the exception handler answers
    /// <c>ValidateAndThrow</c>'s exception with the field errors in the request's language; a failure without a catalog
    /// code keeps its own; an exception without any code of the catalog is left to the next handler.
    /// </summary>
    public sealed class FluentValidationTests : IAsyncLifetime
    {
        private const string HostileDate = "</script>\"\u202E\U0001F600";

        private WebApplication _app = null!;
        private HttpClient _client = null!;

        public async Task InitializeAsync()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<CodeArtsReqExceptionHandler>();
            _app = builder.Build();
            _app.UseExceptionHandler();
            Loopback.UseCultures(_app);
            var validator = new IssueValidator();
            _app.MapPost("/throw", (IssueRequest request) => { validator.ValidateAndThrow(request); return "valid"; });
            _app.MapPost("/result", (IssueRequest request) => new CodeArtsReqValidationException(validator.Validate(request).ToFieldErrors()).ToResult());
            _app.MapPost("/foreign", (IssueRequest request) => { new InlineValidator<IssueRequest> { v => v.RuleFor(x => x.Size).GreaterThan(100) }.ValidateAndThrow(request); return "valid"; });
            _client = new HttpClient { BaseAddress = await Loopback.StartAsync(_app) };
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        [Fact]
        public void A_failure_carries_the_catalog_code_and_its_message_in_the_current_ui_culture()
        {
            CultureInfo before = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
                ValidationResult result = new IssueValidator().Validate(new IssueRequest("", "tomorrow", 5));
                Assert.Equal(new[] { ("Title", "PM.02175200", "缺少必填字段 title。"), ("DueDate", "PM.02175201", "字段 due_date 的值 tomorrow 无效。") }, result.Errors.Select(f => (f.PropertyName, f.ErrorCode, f.ErrorMessage)));

                CodeArtsReqFieldError[] fields = result.ToFieldErrors().ToArray();
                Assert.Same(CodeArtsReqErrors.MissingRequiredField, fields[0].Error);
                Assert.Equal(new object?[] { "due_date", "tomorrow" }, fields[1].Arguments);
                Assert.Equal("Field due_date has invalid value tomorrow.", fields[1].ErrorMessage); // kept neutral: an answer localizes it again
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }

            Assert.Throws<ArgumentException>(() => new InlineValidator<IssueRequest> { v => v.RuleFor(x => x.Title).NotEmpty().WithError(CodeArtsReqErrors.InvalidFieldValue, x => "title") });
        }

        [Theory]
        [InlineData("/throw", null, false)]
        [InlineData("/throw", "zh-CN", true)]
        [InlineData("/result", "zh-CN", true)]
        [InlineData("/result", "de", false)]
        public async Task A_real_request_body_is_answered_with_every_failure_in_order(string path, string? language, bool chinese)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new IssueRequest(null, HostileDate, 42)) };
            if (language != null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            using HttpResponseMessage response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(chinese ? "zh-CN" : null, response.Content.Headers.ContentLanguage.SingleOrDefault());
            using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            string missing = chinese ? "缺少必填字段 title。" : "Missing required field title.";
            string invalid = chinese ? $"字段 due_date 的值 {HostileDate} 无效。" : $"Field due_date has invalid value {HostileDate}.";
            Assert.Equal("PM.02175200", body.RootElement.GetProperty("error_code").GetString());
            Assert.Equal(missing, body.RootElement.GetProperty("error_msg").GetString());
            JsonElement[] violations = body.RootElement.GetProperty("violations").EnumerateArray().ToArray();
            Assert.Equal(new[] { ("Title", "PM.02175200", missing), ("DueDate", "PM.02175201", invalid), ("Size", "InclusiveBetweenValidator", OwnMessage(language)) },
                violations.Select(v => (v.GetProperty("field").GetString()!, v.GetProperty("error_code").GetString()!, v.GetProperty("error_msg").GetString()!)));
            Assert.Equal(new[] { invalid }, body.RootElement.GetProperty("errors").GetProperty("DueDate").EnumerateArray().Select(e => e.GetString()));
        }

        /// <summary>FluentValidation's own message for the size rule in the request's language: what a failure without a catalog code keeps.</summary>
        private static string OwnMessage(string? language)
        {
            CultureInfo before = CultureInfo.CurrentUICulture;
            try
            {
                CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language ?? "en-US");
                return new IssueValidator().Validate(new IssueRequest("t", "2026-01-01", 42)).Errors.Single().ErrorMessage;
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }

        [Fact]
        public async Task An_exception_without_a_code_of_the_catalog_is_left_to_the_next_handler()
        {
            using HttpResponseMessage response = await _client.PostAsync("/foreign", JsonContent.Create(new IssueRequest("t", "2026-01-01", 5)));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.DoesNotContain("violations", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }
}
