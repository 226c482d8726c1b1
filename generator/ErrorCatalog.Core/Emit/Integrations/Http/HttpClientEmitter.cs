namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XException.Http.g.cs</c>, emitted only when the compilation can see HttpClient and
    /// System.Text.Json (<see cref="FrameworkIntegrations.HttpClient"/>): error responses decoded into the most
    /// specific exception (<c>FromResponseAsync</c>, <c>ThrowIfErrorAsync</c>, <c>FromBody</c>), the
    /// request id and body excerpt kept on the exception, and <c>XHttpErrorHandler</c> for HttpClient
    /// pipelines. Bad bodies never throw: they give a plain exception that keeps what was received.
    /// C# 7.3 syntax, for netstandard2.0 consumers that reference System.Text.Json.
    /// </summary>
    internal static class HttpClientEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string exception = c.Names.ExceptionQualified;
            SourceFile.Start(w, c.Options);
            ExternalForm.Open(w, c, c.Names.HttpExtensions, "HTTP client errors"); // in-project, [GeneratedCode] stands on the declaration in XException.g.cs
            w.Block($$"""
                /// <summary>The most bytes of a response body read to decode it (1 MiB); the rest is not read.</summary>
                private const int MaxBodyBytes = 1024 * 1024;

                /// <summary>The most characters of a body kept in {{ExternalForm.See(c, "ResponseBody")}}.</summary>
                private const int MaxExcerptChars = 4096;

                """);
            bool block = WriteReceivedMembers(w, c);
            w.Block($$"""
                /// <summary>
                /// Reads an error response into the most specific exception: a known code gives its HTTP status
                /// type with <see cref="{{ExternalForm.Cref(c, "Error")}}"/> set; any other body a plain exception that keeps the status, the
                /// request id and the body excerpt. At most 1 MiB of the body is read.
                /// </summary>
                /// <param name="response">The response.</param>
                /// <param name="cancellationToken">Cancels reading the body.</param>
                /// <returns>Null for a success status; otherwise the exception, ready to throw.</returns>
                public static async global::System.Threading.Tasks.Task<{{exception}}{{q}}> FromResponseAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
                {
                    if (response == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(response));
                    }

                    if (response.IsSuccessStatusCode)
                    {
                        return null;
                    }

                    byte[] body = await ReadBodyAsync(response.Content, cancellationToken).ConfigureAwait(false);
                    global::System.Net.Http.Headers.MediaTypeHeaderValue{{q}} contentType = response.Content == null ? null : response.Content.Headers.ContentType;
                    bool problem = contentType != null && string.Equals(contentType.MediaType, "application/problem+json", global::System.StringComparison.OrdinalIgnoreCase);
                    return Decode(body, body.Length, (int)response.StatusCode, RequestIdOf(response), problem, Excerpt(body));
                }

                /// <summary>Throws what {{ExternalForm.See(c, "FromResponseAsync")}} returns for an error response; returns for a success status.</summary>
                /// <param name="response">The response.</param>
                /// <param name="cancellationToken">Cancels reading the body.</param>
                /// <returns>A task that completes when the response is a success.</returns>
                public static async global::System.Threading.Tasks.Task ThrowIfErrorAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
                {
                    {{exception}}{{q}} error = await {{(c.External ? ExternalForm.Static(c, c.Names.HttpExtensions, "FromResponseAsync") : "FromResponseAsync")}}(response, cancellationToken).ConfigureAwait(false);
                    if (error != null)
                    {
                        throw error;
                    }
                }

                /// <summary>Decodes an error body already read (a Refit <c>ApiException.Content</c>, a log line) into the most specific exception.</summary>
                /// <param name="body">The body text; may be null.</param>
                /// <param name="httpStatus">The HTTP status received, or null to take the catalog's for a known code.</param>
                /// <returns>The exception, ready to throw.</returns>
                public static {{exception}} FromBody(string{{q}} body, int? httpStatus = null)
                {
                    string text = body ?? string.Empty;
                    byte[] bytes = global::System.Buffers.ArrayPool<byte>.Shared.Rent(global::System.Text.Encoding.UTF8.GetMaxByteCount(text.Length));
                    try
                    {
                        int length = global::System.Text.Encoding.UTF8.GetBytes(text, 0, text.Length, bytes, 0);
                        return Decode(bytes, length, httpStatus, null, false, Excerpt(text));
                    }
                    finally
                    {
                        global::System.Buffers.ArrayPool<byte>.Shared.Return(bytes);
                    }
                }
                """);
            if (block)
            {
                w.Close();
            }

            w.Block($$"""

                private static {{exception}} Decode(byte[] body, int length, int? httpStatus, string{{q}} requestId, bool problem, string excerpt)
                {
                    string{{q}} code;
                    string{{q}} message;
                    global::System.Collections.Generic.List<{{c.Names.FieldErrorQualified}}>{{q}} fields;
                    {{exception}} exception = TryReadFieldErrors(body, length, out fields)
                        ? new {{c.Names.ValidationExceptionQualified}}(fields{{(c.Options.NullableAnnotations ? "!" : string.Empty)}}, httpStatus)
                        : TryReadError(body, length, problem, out code, out message) && code != null && code.Length > 0
                            ? {{(c.External ? exception + "." : string.Empty)}}FromResponse(code, message, httpStatus)
                            : new {{exception}}(string.Empty, message, httpStatus, null);
                """);
            if (c.External)
            {
                // The library's exception has no such properties: what was received travels in Exception.Data.
                w.Block("""
                        if (requestId != null)
                        {
                            exception.Data[RequestIdKey] = requestId;
                        }

                        exception.Data[ResponseBodyKey] = excerpt;
                    """);
            }
            else
            {
                w.Block("""
                        exception.RequestId = requestId;
                        exception.ResponseBody = excerpt;
                    """);
            }

            w.Block("""
                    return exception;
                }

                """);
            HttpBodyReaderEmitter.Emit(w, q);
            w.Line();
            HttpFieldErrorsEmitter.Emit(w, c);
            w.Close();
            w.Line();
            WriteHandler(w, c);
            return SourceFile.End(w, c.Options);
        }

        /// <summary>
        /// <c>RequestId</c> and <c>ResponseBody</c>, then opens the static members' block where there is one (true).
        /// In-project they are properties of the exception; for a reference catalog they read <c>Exception.Data</c>:
        /// extension properties under C# 14, else extension methods of the same names.
        /// </summary>
        private static bool WriteReceivedMembers(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            const string RequestIdDoc = "/// <summary>The <c>X-Request-Id</c> header of the response, or null when it had none (or the exception was not made from a response).</summary>";
            const string ResponseBodyDoc = "/// <summary>The first 4,096 characters of the response body as received, for logs and support tickets; null when the exception was not made from a body.</summary>";
            if (!c.External)
            {
                w.Block($$"""
                    {{RequestIdDoc}}
                    public string{{q}} RequestId { get; private set; }

                    {{ResponseBodyDoc}}
                    public string{{q}} ResponseBody { get; private set; }

                    """);
                return false;
            }

            w.Block($$"""
                private const string RequestIdKey = "{{c.Names.Exception}}.RequestId";

                private const string ResponseBodyKey = "{{c.Names.Exception}}.ResponseBody";

                """);
            if (c.Options.ExtensionBlocks)
            {
                w.Block($$"""
                    extension({{c.Names.ExceptionQualified}} exception)
                    {
                        {{RequestIdDoc}}
                        public string{{q}} RequestId => exception.Data[RequestIdKey] as string;

                        {{ResponseBodyDoc}}
                        public string{{q}} ResponseBody => exception.Data[ResponseBodyKey] as string;
                    }

                    """);
            }
            else
            {
                w.Block($$"""
                    {{RequestIdDoc}}
                    /// <param name="exception">The exception.</param>
                    /// <returns>The request id.</returns>
                    public static string{{q}} RequestId(this {{c.Names.ExceptionQualified}} exception)
                    {
                        return exception.Data[RequestIdKey] as string;
                    }

                    {{ResponseBodyDoc}}
                    /// <param name="exception">The exception.</param>
                    /// <returns>The body excerpt.</returns>
                    public static string{{q}} ResponseBody(this {{c.Names.ExceptionQualified}} exception)
                    {
                        return exception.Data[ResponseBodyKey] as string;
                    }

                    """);
            }

            return ExternalForm.OpenStatics(w, c);
        }

        private static void WriteHandler(CodeWriter w, EmitContext c)
        {
            string handler = c.Names.HttpErrorHandler;
            w.Block($$"""
                /// <summary>
                /// An HttpClient handler that turns every non-success response into the catalog's exception
                /// ({{(c.External ? $"<c>{c.Names.Exception}.FromResponseAsync</c>" : $"<see cref=\"{c.Names.ExceptionQualified}.FromResponseAsync\"/>")}}), so
                /// <c>services.AddHttpClient&lt;T&gt;().AddHttpMessageHandler&lt;{{handler}}&gt;()</c> just works.
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} sealed partial class {{handler}} : global::System.Net.Http.DelegatingHandler
                {
                    /// <summary>Creates the handler for a pipeline that sets its inner handler (<c>AddHttpMessageHandler</c>).</summary>
                    public {{handler}}()
                    {
                    }

                    /// <summary>Creates the handler over an inner handler.</summary>
                    /// <param name="innerHandler">The handler that sends the requests.</param>
                    public {{handler}}(global::System.Net.Http.HttpMessageHandler innerHandler)
                        : base(innerHandler)
                    {
                    }

                    /// <summary>Sends the request; a non-success response is read, disposed and thrown as the catalog's exception.</summary>
                    /// <param name="request">The request.</param>
                    /// <param name="cancellationToken">Cancels the request and the reading of an error body.</param>
                    /// <returns>The success response.</returns>
                    protected override async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> SendAsync(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)
                    {
                        global::System.Net.Http.HttpResponseMessage response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
                        if (response.IsSuccessStatusCode)
                        {
                            return response;
                        }

                        {{c.Names.ExceptionQualified}}{{c.NullableMark}} error;
                        using (response)
                        {
                            error = await {{ExternalForm.Static(c, c.Names.HttpExtensions, "FromResponseAsync")}}(response, cancellationToken).ConfigureAwait(false);
                        }

                        throw error{{(c.Options.NullableAnnotations ? "!" : string.Empty)}};
                    }
                }
                """);
        }
    }
}
