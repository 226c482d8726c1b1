using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ErrorCatalog.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// The client side of errors on the wire, generated when the compilation sees HttpClient and
    /// System.Text.Json: error bodies of every shape decode into the most specific exception, and bad
    /// bodies give a plain exception that keeps what was received instead of throwing.
    /// </summary>
    public class HttpClientTests
    {
        private const string Yaml = "catalog: Wire\nerrors:\n  - code: W.1\n    status: 404\n    message: Item {0} was not found.\n  - code: W.2\n    status: 400\n    message: Bad request.\n";

        private static readonly Lazy<Assembly> s_assembly = new Lazy<Assembly>(() =>
        {
            GeneratorResult result = GeneratorHarness.Run(Yaml);
            Assert.Empty(result.CompilationDiagnostics);
            return GeneratedCodeTests.Load(result.Output);
        });

        private static Type Exception => s_assembly.Value.GetType("Consumer.App.WireException")!;

        private static Exception FromBody(string? body, int? status)
            => (Exception)Exception.GetMethod("FromBody")!.Invoke(null, new object?[] { body, status })!;

        private static async Task<Exception?> FromResponseAsync(HttpResponseMessage response)
            => await (Task<Exception?>)ConvertTask(Exception.GetMethod("FromResponseAsync")!.Invoke(null, new object?[] { response, CancellationToken.None })!);

        private static async Task<Exception?> ConvertTask(object task)
        {
            await (Task)task;
            return (Exception?)task.GetType().GetProperty("Result")!.GetValue(task);
        }

        private static object? Get(Exception exception, string property) => exception.GetType().GetProperty(property)!.GetValue(exception);

        [Theory]
        [InlineData("{\"error_code\":\"W.1\",\"error_msg\":\"Item 7 was not found.\"}", "WireNotFoundException", "W.1", "Item 7 was not found.")]
        [InlineData("{\"error\":{\"code\":\"W.2\",\"message\":\"nested\"},\"request\":[1,{\"x\":null}]}", "WireBadRequestException", "W.2", "nested")]
        [InlineData("{\"errorCode\":\"W.2\",\"errorMsg\":\"camel\"}", "WireBadRequestException", "W.2", "camel")]
        [InlineData("{\"errorCode\":\"W.2\",\"errorMessage\":\"camel long\"}", "WireBadRequestException", "W.2", "camel long")]
        [InlineData("\uFEFF{\"error_code\":\"W.1\",\"error_msg\":\"after a BOM\"}", "WireNotFoundException", "W.1", "after a BOM")]
        [InlineData("{\"error_code\":\"W.1\",\"error_code\":\"W.2\",\"error_msg\":\"first wins\"}", "WireNotFoundException", "W.1", "first wins")]
        [InlineData("{\"error_code\":1001,\"error_msg\":\"a number\"}", "WireException", "1001", "a number")]
        [InlineData("{\"error_code\":\"X.9\",\"error_msg\":\"not in the catalog\"}", "WireException", "X.9", "not in the catalog")]
        public void Every_body_shape_decodes_into_the_most_specific_exception(string body, string type, string code, string message)
        {
            Exception exception = FromBody(body, 418);
            Assert.Equal(type, exception.GetType().Name);
            Assert.Equal(code, Get(exception, "ErrorCode"));
            Assert.Equal(message, Get(exception, "ErrorMessage"));
            Assert.Equal(418, Get(exception, "HttpStatus")); // always the status received
            Assert.Equal(body.TrimStart('\uFEFF'), Get(exception, "ResponseBody"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   \n ")]
        [InlineData("null")]
        [InlineData("[{\"error_code\":\"W.1\"}]")]
        [InlineData("<html><body><h1>502 Bad Gateway</h1></body></html>")]
        [InlineData("upstream connect error or disconnect/reset before headers")]
        [InlineData("{\"error_code\":\"W.1\",\"error_msg\":\"trunc")]
        [InlineData("{\"error_code\":{\"nested\":true},\"error_msg\":[1]}")]
        [InlineData("{\"error_code\":\"W.1\"} trailing")]
        public void A_bad_body_gives_a_plain_exception_that_keeps_what_was_received(string body)
        {
            Exception exception = FromBody(body, 502);
            Assert.Equal("WireException", exception.GetType().Name);
            Assert.Equal(string.Empty, Get(exception, "ErrorCode"));
            Assert.Equal(502, Get(exception, "HttpStatus"));
            Assert.Equal(body, Get(exception, "ResponseBody"));
            Assert.Null(Get(exception, "Error"));
        }

        [Fact]
        public void Nesting_deeper_than_the_reader_allows_is_a_plain_exception()
        {
            string body = "{\"error_code\":\"W.1\",\"x\":" + new string('[', 500) + new string(']', 500) + "}";
            Exception exception = FromBody(body, 500);
            Assert.Equal("WireException", exception.GetType().Name);
            Assert.Equal(string.Empty, Get(exception, "ErrorCode"));
            Assert.Equal(body, Get(exception, "ResponseBody"));
        }

        [Fact]
        public async Task A_response_gives_the_status_type_the_request_id_and_the_problem_detail()
        {
            var response = new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent("{\"type\":\"about:blank\",\"title\":\"Not found\",\"status\":404,\"detail\":\"Item 3 was not found.\",\"error_code\":\"W.1\",\"error_msg\":\"other\"}", Encoding.UTF8, "application/problem+json"),
            };
            response.Headers.Add("X-Request-Id", "req-42");
            Exception exception = (await FromResponseAsync(response))!;
            Assert.Equal("WireNotFoundException", exception.GetType().Name);
            Assert.Equal("Item 3 was not found.", Get(exception, "ErrorMessage"));
            Assert.Equal("req-42", Get(exception, "RequestId"));
            Assert.Equal(404, Get(exception, "HttpStatus"));

            Assert.Null(await FromResponseAsync(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}") }));
        }

        [Fact]
        public async Task Invalid_utf8_and_a_huge_body_never_throw_and_at_most_1_MiB_is_read()
        {
            byte[] invalid = Encoding.UTF8.GetBytes("{\"error_code\":\"W.\u00001\"}");
            invalid[16] = 0xFF;
            Exception bad = (await FromResponseAsync(new HttpResponseMessage(HttpStatusCode.BadGateway) { Content = new ByteArrayContent(invalid) }))!;
            Assert.Equal("WireException", bad.GetType().Name);
            Assert.Equal(string.Empty, Get(bad, "ErrorCode"));
            Assert.Contains("\uFFFD", (string)Get(bad, "ResponseBody")!);

            var huge = new CountingStream(5 * 1024 * 1024);
            Exception big = (await FromResponseAsync(new HttpResponseMessage(HttpStatusCode.InternalServerError) { Content = new StreamContent(huge) }))!;
            Assert.Equal("WireException", big.GetType().Name);
            Assert.Equal(500, Get(big, "HttpStatus"));
            Assert.Equal(4096, ((string)Get(big, "ResponseBody")!).Length);
            Assert.InRange(huge.BytesRead, 1, 1024 * 1024);
        }

        [Fact]
        public void The_client_file_is_csharp_7_3()
        {
            // net8.0 references (HttpClient and System.Text.Json visible) compiled at C# 7.3, as a
            // netstandard2.0 library that references System.Text.Json would compile it.
            var parse = new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp7_3, Microsoft.CodeAnalysis.DocumentationMode.Diagnose, preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NET5_0_OR_GREATER" });
            Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.CreateCompilation(TargetProfile.Net80NullableDisabled)
                .RemoveAllSyntaxTrees()
                .AddSyntaxTrees(Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText("namespace Consumer.App { internal static class Placeholder { } }", parse));
            Microsoft.CodeAnalysis.GeneratorDriver driver = Microsoft.CodeAnalysis.CSharp.CSharpGeneratorDriver.Create(
                new[] { new ErrorCatalogGenerator().AsSourceGenerator() },
                new[] { new ErrorCatalog.TestSupport.InMemoryAdditionalText("/p/wire.errors.yaml", Yaml) },
                parse,
                new TestOptionsProvider(new System.Collections.Generic.Dictionary<string, string> { ["build_property.RootNamespace"] = "Consumer.App" }));
            driver.RunGeneratorsAndUpdateCompilation(compilation, out Microsoft.CodeAnalysis.Compilation output, out _);
            Assert.Contains(output.SyntaxTrees, t => t.FilePath.EndsWith("WireException.Http.g.cs", StringComparison.Ordinal));
            Assert.Empty(output.GetDiagnostics());
        }

        [Fact]
        public async Task The_handler_throws_the_typed_exception_for_an_error_response()
        {
            Type handlerType = s_assembly.Value.GetType("Consumer.App.WireHttpErrorHandler")!;
            var inner = new StubHandler(new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = new StringContent("{\"error_code\":\"W.2\",\"error_msg\":\"Bad request.\"}") });
            using var client = new HttpClient((HttpMessageHandler)Activator.CreateInstance(handlerType, inner)!);
            Exception thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.GetAsync("http://127.0.0.1/items"));
            Assert.Equal("WireBadRequestException", thrown.GetType().Name);
            Assert.Equal("W.2", Get(thrown, "ErrorCode"));
            Assert.True(inner.Response.Content is StringContent);
        }

        private sealed class StubHandler : HttpMessageHandler
        {
            public StubHandler(HttpResponseMessage response) => Response = response;

            public HttpResponseMessage Response { get; }

            protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) => Task.FromResult(Response);
        }

        /// <summary>A body of <c>length</c> bytes of 'x' that counts what was read of it.</summary>
        private sealed class CountingStream : Stream
        {
            private readonly long _length;

            public CountingStream(long length) => _length = length;

            public long BytesRead { get; private set; }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                int n = (int)Math.Min(count, _length - BytesRead);
                buffer.AsSpan(offset, n).Fill((byte)'x');
                BytesRead += n;
                return n;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
