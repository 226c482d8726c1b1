using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using ErrorOr;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>
    /// ErrorOr with catalog codes: each entry as an <c>ErrorOr.Error</c> (type from its status, status and arguments in its
    /// metadata) and found again; a list of them — field errors of the catalog and a foreign one — answered over Kestrel as
    /// the validation answer, in the request's language, and decoded by the client.
    /// </summary>
    public sealed class ErrorOrTests : IAsyncLifetime
    {
        private WebApplication _app = null!;
        private Uri _address = null!;

        private static List<Error> Errors() => new List<Error>
        {
            CodeArtsReqErrors.InvalidFieldValue.ForField("due", "due_date", "</x>").ToErrorOr(),
            CodeArtsReqErrors.MissingRequiredField.ForField("title", "title").ToErrorOr(),
            Error.Validation("Foreign.Code", "A rule of another library."),
        };

        public async Task InitializeAsync()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            _app = builder.Build();
            Loopback.UseCultures(_app);
            _app.MapGet("/errors", () => Errors().ToResult());
            _address = await Loopback.StartAsync(_app);
        }

        public async Task DisposeAsync()
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        /// <summary>The documented table, written out again here.</summary>
        private static ErrorType Expected(int status) => status switch
        {
            400 => ErrorType.Validation,
            401 => ErrorType.Unauthorized,
            403 => ErrorType.Forbidden,
            404 => ErrorType.NotFound,
            409 => ErrorType.Conflict,
            >= 400 and < 500 => ErrorType.Failure,
            _ => ErrorType.Unexpected,
        };

        [Fact]
        public void Every_entry_becomes_an_ErrorOr_error_and_is_found_again()
        {
            foreach (CodeArtsReqError entry in CodeArtsReqErrors.All)
            {
                object?[] args = Enumerable.Range(0, entry.ParameterCount).Select(i => (object?)("a" + i)).ToArray();
                Error error = entry.ToErrorOr(args);
                Assert.Equal(entry.Code, error.Code);
                Assert.Equal(entry.Format(args), error.Description);
                Assert.Equal(Expected(entry.HttpStatus), error.Type);
                Assert.Equal(entry.HttpStatus, error.Metadata!["status"]);
                Assert.Equal(args, (object?[])error.Metadata["arguments"]);
                Assert.Same(entry, CodeArtsReqErrors.Find(error));
            }

            Assert.Null(CodeArtsReqErrors.Find(Error.NotFound("Other.404", "not ours")));
            Assert.Throws<ArgumentException>(() => CodeArtsReqErrors.InvalidFieldValue.ToErrorOr("only one"));
            Error field = CodeArtsReqErrors.MissingRequiredField.ForField("items[0].sku", "sku").ToErrorOr();
            Assert.Equal("items[0].sku", field.Metadata!["field"]);
        }

        [Theory]
        [InlineData(null, "Field due_date has invalid value </x>.", "Missing required field title.")]
        [InlineData("zh-CN", "字段 due_date 的值 </x> 无效。", "缺少必填字段 title。")]
        public async Task A_list_of_errors_is_the_validation_answer_and_decodes_back(string? language, string first, string second)
        {
            using var client = new HttpClient(new CodeArtsReqHttpErrorHandler(new HttpClientHandler()));
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_address, "/errors"));
            if (language != null)
            {
                request.Headers.AcceptLanguage.ParseAdd(language);
            }

            CodeArtsReqValidationException thrown = await Assert.ThrowsAsync<CodeArtsReqValidationException>(() => client.SendAsync(request));
            Assert.Equal(new[] { ("due", "PM.02175201", first), ("title", "PM.02175200", second), (string.Empty, "Foreign.Code", "A rule of another library.") },
                thrown.FieldErrors.Select(f => (f.Field, f.ErrorCode, f.ErrorMessage!)));
            Assert.Same(CodeArtsReqErrors.InvalidFieldValue, thrown.FieldErrors[0].Error);
            Assert.Null(thrown.FieldErrors[2].Error);
            Assert.Equal(400, thrown.HttpStatus);
        }
    }
}
