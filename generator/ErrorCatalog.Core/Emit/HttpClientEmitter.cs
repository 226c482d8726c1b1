namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XException.Http.g.cs</c>, emitted only when the compilation can see HttpClient and
    /// System.Text.Json (<see cref="Frameworks.HttpClient"/>): error responses decoded into the most
    /// specific exception (<c>FromResponseAsync</c>, <c>ThrowIfErrorAsync</c>, <c>FromBody</c>), the
    /// request id and body excerpt kept on the exception, and <c>XHttpErrorHandler</c> for HttpClient
    /// pipelines. Bad bodies never throw: they give a plain exception that keeps what was received.
    /// C# 7.3 syntax, for netstandard2.0 consumers that reference System.Text.Json.
    /// </summary>
    internal static class HttpClientEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.Q;
            string exception = c.Names.ExceptionQualified;
            SourceFile.Start(w, c.Options);
            w.Open($"public partial class {c.Names.Exception}"); // [GeneratedCode] stands on the declaration in XException.g.cs
            w.Block($$"""
                /// <summary>The most bytes of a response body read to decode it (1 MiB); the rest is not read.</summary>
                private const int MaxBodyBytes = 1024 * 1024;

                /// <summary>The most characters of a body kept in <see cref="ResponseBody"/>.</summary>
                private const int MaxExcerptChars = 4096;

                /// <summary>The <c>X-Request-Id</c> header of the response, or null when it had none (or the exception was not made from a response).</summary>
                public string{{q}} RequestId { get; private set; }

                /// <summary>The first 4,096 characters of the response body as received, for logs and support tickets; null when the exception was not made from a body.</summary>
                public string{{q}} ResponseBody { get; private set; }

                /// <summary>
                /// Reads an error response into the most specific exception: a known code gives its HTTP status
                /// type with <see cref="Error"/> set; any other body a plain exception that keeps the status, the
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
                    return Decode(body, (int)response.StatusCode, RequestIdOf(response), problem);
                }

                /// <summary>Throws what <see cref="FromResponseAsync"/> returns for an error response; returns for a success status.</summary>
                /// <param name="response">The response.</param>
                /// <param name="cancellationToken">Cancels reading the body.</param>
                /// <returns>A task that completes when the response is a success.</returns>
                public static async global::System.Threading.Tasks.Task ThrowIfErrorAsync(global::System.Net.Http.HttpResponseMessage response, global::System.Threading.CancellationToken cancellationToken = default(global::System.Threading.CancellationToken))
                {
                    {{exception}}{{q}} error = await FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
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
                    byte[] bytes = body == null ? new byte[0] : global::System.Text.Encoding.UTF8.GetBytes(body);
                    return Decode(bytes, httpStatus, null, false);
                }

                private static {{exception}} Decode(byte[] body, int? httpStatus, string{{q}} requestId, bool problem)
                {
                    string{{q}} code;
                    string{{q}} message;
                    {{exception}} exception = TryReadError(body, problem, out code, out message) && code != null && code.Length > 0
                        ? FromResponse(code, message, httpStatus)
                        : new {{exception}}(string.Empty, message, httpStatus, null);
                    exception.RequestId = requestId;
                    exception.ResponseBody = Excerpt(body);
                    return exception;
                }

                """);
            WriteReader(w, q);
            w.Close();
            w.Line();
            WriteHandler(w, c);
            return SourceFile.End(w, c.Options);
        }

        /// <summary>The JSON reading: the body shapes Huawei Cloud and RFC 9457 services answer with.</summary>
        private static void WriteReader(CodeWriter w, string q)
        {
            w.Block($$"""
                /// <summary>
                /// Reads <c>{"error_code", "error_msg"}</c>, <c>{"error": {"code", "message"} }</c>,
                /// <c>{"errorCode","errorMessage"|"errorMsg"}</c> and RFC 9457 problem details with an
                /// <c>error_code</c> or <c>errorCode</c> member (message from <c>detail</c>, else <c>error_msg</c>).
                /// A code written as a number counts as its text; other members and value kinds are ignored; the
                /// first of duplicate members counts. False for anything that is not one complete JSON object.
                /// </summary>
                private static bool TryReadError(byte[] body, bool problem, out string{{q}} code, out string{{q}} message)
                {
                    code = null;
                    message = null;
                    string{{q}}[] values = new string{{q}}[9];
                    try
                    {
                        global::System.ReadOnlySpan<byte> json = body;
                        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
                        {
                            json = json.Slice(3);
                        }

                        global::System.Text.Json.Utf8JsonReader reader = new global::System.Text.Json.Utf8JsonReader(json, default(global::System.Text.Json.JsonReaderOptions));
                        if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject || !ReadMembers(ref reader, values, 0) || reader.Read())
                        {
                            return false;
                        }
                    }
                    catch (global::System.Text.Json.JsonException)
                    {
                        return false;
                    }
                    catch (global::System.InvalidOperationException)
                    {
                        return false;
                    }
                    catch (global::System.ArgumentException)
                    {
                        return false;
                    }

                    // values: 0 error_code, 1 errorCode, 2 error.code, 3 error_msg, 4 errorMessage, 5 errorMsg, 6 error.message, 7 detail
                    code = values[0] ?? values[1] ?? values[2];
                    message = problem
                        ? values[7] ?? values[3]
                        : values[3] ?? values[4] ?? values[5] ?? values[6] ?? values[7];
                    return true;
                }

                /// <summary>Reads the members of the object the reader is at; <paramref name="nested"/> 1 for the members of <c>error</c>.</summary>
                private static bool ReadMembers(ref global::System.Text.Json.Utf8JsonReader reader, string{{q}}[] values, int nested)
                {
                    while (reader.Read())
                    {
                        if (reader.TokenType == global::System.Text.Json.JsonTokenType.EndObject)
                        {
                            return true;
                        }

                        int slot = Slot(ref reader, nested);
                        if (!reader.Read())
                        {
                            return false;
                        }

                        if (slot == 8 && values[8] == null && reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)
                        {
                            values[8] = string.Empty; // the first "error" object counts
                            if (!ReadMembers(ref reader, values, 1))
                            {
                                return false;
                            }

                            continue;
                        }

                        string{{q}} value = slot < 0 || slot == 8 ? null : Scalar(ref reader);
                        if (value != null && values[slot] == null)
                        {
                            values[slot] = value;
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    return false;
                }

                /// <summary>Which of the members <see cref="TryReadError"/> reads this property name is, or -1.</summary>
                private static int Slot(ref global::System.Text.Json.Utf8JsonReader reader, int nested)
                {
                    if (nested == 1)
                    {
                        return reader.ValueTextEquals("code") ? 2 : reader.ValueTextEquals("message") ? 6 : -1;
                    }

                    return reader.ValueTextEquals("error_code") ? 0
                        : reader.ValueTextEquals("errorCode") ? 1
                        : reader.ValueTextEquals("error_msg") ? 3
                        : reader.ValueTextEquals("errorMessage") ? 4
                        : reader.ValueTextEquals("errorMsg") ? 5
                        : reader.ValueTextEquals("detail") ? 7
                        : reader.ValueTextEquals("error") ? 8
                        : -1;
                }

                /// <summary>A string's value, or a number's text; null for other kinds (the caller skips them).</summary>
                private static string{{q}} Scalar(ref global::System.Text.Json.Utf8JsonReader reader)
                {
                    if (reader.TokenType == global::System.Text.Json.JsonTokenType.String)
                    {
                        return reader.GetString();
                    }

                    return reader.TokenType == global::System.Text.Json.JsonTokenType.Number
                        ? global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())
                        : null;
                }

                private static async global::System.Threading.Tasks.Task<byte[]> ReadBodyAsync(global::System.Net.Http.HttpContent{{q}} content, global::System.Threading.CancellationToken cancellationToken)
                {
                    if (content == null)
                    {
                        return new byte[0];
                    }

                #if NET5_0_OR_GREATER
                    global::System.IO.Stream stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                #else
                    global::System.IO.Stream stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                #endif
                    using (stream)
                    {
                        byte[] buffer = new byte[16 * 1024];
                        int length = 0;
                        while (length < MaxBodyBytes)
                        {
                            if (length == buffer.Length)
                            {
                                global::System.Array.Resize(ref buffer, global::System.Math.Min(buffer.Length * 2, MaxBodyBytes));
                            }

                            int read = await stream.ReadAsync(buffer, length, buffer.Length - length, cancellationToken).ConfigureAwait(false);
                            if (read == 0)
                            {
                                break;
                            }

                            length += read;
                        }

                        global::System.Array.Resize(ref buffer, length);
                        return buffer;
                    }
                }

                private static string{{q}} RequestIdOf(global::System.Net.Http.HttpResponseMessage response)
                {
                    global::System.Collections.Generic.IEnumerable<string>{{q}} values;
                    if (response.Headers.TryGetValues("X-Request-Id", out values) && values != null)
                    {
                        foreach (string value in values)
                        {
                            return value;
                        }
                    }

                    return null;
                }

                /// <summary>The first characters of the body, decoded as UTF-8 (invalid bytes become U+FFFD), without a byte order mark.</summary>
                private static string Excerpt(byte[] body)
                {
                    int offset = body.Length >= 3 && body[0] == 0xEF && body[1] == 0xBB && body[2] == 0xBF ? 3 : 0;
                    string text = global::System.Text.Encoding.UTF8.GetString(body, offset, global::System.Math.Min(body.Length - offset, MaxExcerptChars * 4));
                    return text.Length <= MaxExcerptChars ? text : text.Substring(0, MaxExcerptChars);
                }
                """);
        }

        private static void WriteHandler(CodeWriter w, EmitContext c)
        {
            string handler = c.Names.HttpErrorHandler;
            w.Block($$"""
                /// <summary>
                /// An HttpClient handler that turns every non-success response into the catalog's exception
                /// (<see cref="{{c.Names.ExceptionQualified}}.FromResponseAsync"/>), so
                /// <c>services.AddHttpClient&lt;T&gt;().AddHttpMessageHandler&lt;{{handler}}&gt;()</c> just works.
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                public sealed partial class {{handler}} : global::System.Net.Http.DelegatingHandler
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

                        {{c.Names.ExceptionQualified}}{{c.Q}} error;
                        using (response)
                        {
                            error = await {{c.Names.ExceptionQualified}}.FromResponseAsync(response, cancellationToken).ConfigureAwait(false);
                        }

                        throw error{{(c.Options.NullableAnnotations ? "!" : string.Empty)}};
                    }
                }
                """);
        }
    }
}
