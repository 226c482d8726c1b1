using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// Many errors in one answer, three field errors. Answer: <c>XValidationException.ToResult()</c> written to a response
    /// body, against the same body by hand (<c>Results.ValidationProblem</c> with <c>error_code</c>, <c>error_msg</c> and a
    /// <c>violations</c> extension of anonymous objects). Decode: <c>FromBody</c> of that body against a hand-written
    /// <c>JsonDocument</c> read of its <c>violations</c> into the same field errors and exception.
    /// </summary>
    [MemoryDiagnoser]
    public class ValidationBenchmarks
    {
        private static readonly ServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

        private string _body = string.Empty;

        [GlobalSetup]
        public void Setup()
        {
            var context = Context();
            Generated_ToResult_written(context).GetAwaiter().GetResult();
            _body = System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray());
        }

        private static DefaultHttpContext Context() => new DefaultHttpContext { RequestServices = Services, Response = { Body = new MemoryStream() } };

        [Benchmark(Baseline = true)]
        public Task HandWritten_ValidationProblem() => HandWritten(Context());

        [Benchmark]
        public Task Generated_ToResult() => Generated_ToResult_written(Context());

        [Benchmark]
        public CodeArtsReqException HandWritten_JsonDocument_Decode()
        {
            using JsonDocument document = JsonDocument.Parse(_body);
            var fields = new List<CodeArtsReqFieldError>();
            foreach (JsonElement violation in document.RootElement.GetProperty("violations").EnumerateArray())
            {
                fields.Add(new CodeArtsReqFieldError(violation.GetProperty("field").GetString()!, violation.GetProperty("error_code").GetString()!, violation.GetProperty("error_msg").GetString()));
            }

            return new CodeArtsReqValidationException(fields, 400);
        }

        [Benchmark]
        public CodeArtsReqException Generated_FromBody_Decode() => CodeArtsReqException.FromBody(_body, 400);

        private static Task Generated_ToResult_written(HttpContext context)
            => new CodeArtsReqValidationException(new[]
            {
                CodeArtsReqErrors.MissingRequiredField.ForField("title", "title"),
                CodeArtsReqErrors.InvalidFieldValue.ForField("due_date", "due_date", "tomorrow"),
                CodeArtsReqErrors.InvalidFieldValue.ForField("size", "size", "-1"),
            }).ToResult().ExecuteAsync(context);

        /// <summary>The same answer as a user writes it with ASP.NET Core alone.</summary>
        private static Task HandWritten(HttpContext context)
        {
            string title = CodeArtsReqErrors.MissingRequiredField.Format("title");
            string dueDate = CodeArtsReqErrors.InvalidFieldValue.Format("due_date", "tomorrow");
            string size = CodeArtsReqErrors.InvalidFieldValue.Format("size", "-1");
            var errors = new Dictionary<string, string[]> { ["title"] = new[] { title }, ["due_date"] = new[] { dueDate }, ["size"] = new[] { size } };
            var extensions = new Dictionary<string, object?>
            {
                ["error_code"] = CodeArtsReqErrors.MissingRequiredField.Code,
                ["error_msg"] = title,
                ["violations"] = new[]
                {
                    new { field = "title", error_code = CodeArtsReqErrors.MissingRequiredField.Code, error_msg = title },
                    new { field = "due_date", error_code = CodeArtsReqErrors.InvalidFieldValue.Code, error_msg = dueDate },
                    new { field = "size", error_code = CodeArtsReqErrors.InvalidFieldValue.Code, error_msg = size },
                },
            };
            return Results.ValidationProblem(errors, title, title: CodeArtsReqErrors.MissingRequiredField.Description, extensions: extensions).ExecuteAsync(context);
        }
    }
}
