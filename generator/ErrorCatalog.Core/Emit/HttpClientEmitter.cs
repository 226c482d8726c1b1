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
                    return Decode(body, body.Length, (int)response.StatusCode, RequestIdOf(response), problem, Excerpt(body));
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

                private static {{exception}} Decode(byte[] body, int length, int? httpStatus, string{{q}} requestId, bool problem, string excerpt)
                {
                    string{{q}} code;
                    string{{q}} message;
                    {{exception}} exception = TryReadError(body, length, problem, out code, out message) && code != null && code.Length > 0
                        ? FromResponse(code, message, httpStatus)
                        : new {{exception}}(string.Empty, message, httpStatus, null);
                    exception.RequestId = requestId;
                    exception.ResponseBody = excerpt;
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
                private static bool TryReadError(byte[] body, int length, bool problem, out string{{q}} code, out string{{q}} message)
                {
                    code = null;
                    message = null;
                    try
                    {
                        global::System.ReadOnlySpan<byte> json = new global::System.ReadOnlySpan<byte>(body, 0, length);
                        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
                        {
                            json = json.Slice(3);
                        }

                        ErrorMembers members = ErrorMembers.Create();
                        global::System.Text.Json.Utf8JsonReader reader = new global::System.Text.Json.Utf8JsonReader(json, default(global::System.Text.Json.JsonReaderOptions));
                        if (!reader.Read() || reader.TokenType != global::System.Text.Json.JsonTokenType.StartObject || !ReadMembers(ref reader, ref members, 0) || reader.Read())
                        {
                            return false;
                        }

                        // Only the chosen members become strings. Slots: 0 error_code, 1 errorCode, 2 error.code,
                        // 3 error_msg, 4 errorMessage, 5 errorMsg, 6 error.message, 7 detail.
                        code = ValueAt(json, members.First(0, 1, 2, -1, -1));
                        message = ValueAt(json, problem ? members.First(7, 3, -1, -1, -1) : members.First(3, 4, 5, 6, 7));
                        return true;
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
                }

                /// <summary>Reads the members of the object the reader is at, noting where each member looked for starts; <paramref name="nested"/> 1 for the members of <c>error</c>.</summary>
                private static bool ReadMembers(ref global::System.Text.Json.Utf8JsonReader reader, ref ErrorMembers members, int nested)
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

                        if (slot == 8 && !members.SeenError && reader.TokenType == global::System.Text.Json.JsonTokenType.StartObject)
                        {
                            members.SeenError = true; // the first "error" object counts
                            if (!ReadMembers(ref reader, ref members, 1))
                            {
                                return false;
                            }

                            continue;
                        }

                        bool scalar = reader.TokenType == global::System.Text.Json.JsonTokenType.String || reader.TokenType == global::System.Text.Json.JsonTokenType.Number;
                        if (slot >= 0 && slot < 8 && scalar)
                        {
                            members.SetFirst(slot, reader.TokenStartIndex);
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
                    // Every name looked for starts with 'e', 'd', 'c' or 'm' (or an escape): others are passed at once.
                    global::System.ReadOnlySpan<byte> name = reader.ValueSpan;
                    byte first = name.Length == 0 ? (byte)0 : name[0];
                    if (first != (byte)'e' && first != (byte)'d' && first != (byte)'c' && first != (byte)'m' && first != (byte)'\\')
                    {
                        return -1;
                    }

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

                /// <summary>The string value, or a number's text, of the token that starts at <paramref name="start"/>; null for -1.</summary>
                private static string{{q}} ValueAt(global::System.ReadOnlySpan<byte> json, long start)
                {
                    if (start < 0)
                    {
                        return null;
                    }

                    global::System.Text.Json.Utf8JsonReader reader = new global::System.Text.Json.Utf8JsonReader(json.Slice((int)start), default(global::System.Text.Json.JsonReaderOptions));
                    reader.Read();
                    return reader.TokenType == global::System.Text.Json.JsonTokenType.String
                        ? reader.GetString()
                        : global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                }

                /// <summary>Where the first of each member looked for starts in the body (-1: absent), so that only the chosen ones become strings.</summary>
                private struct ErrorMembers
                {
                    private long _slot0, _slot1, _slot2, _slot3, _slot4, _slot5, _slot6, _slot7;

                    public bool SeenError;

                    public static ErrorMembers Create()
                    {
                        ErrorMembers members = default(ErrorMembers);
                        members._slot0 = members._slot1 = members._slot2 = members._slot3 = -1;
                        members._slot4 = members._slot5 = members._slot6 = members._slot7 = -1;
                        return members;
                    }

                    public void SetFirst(int slot, long start)
                    {
                        switch (slot)
                        {
                            case 0: if (_slot0 < 0) { _slot0 = start; } break;
                            case 1: if (_slot1 < 0) { _slot1 = start; } break;
                            case 2: if (_slot2 < 0) { _slot2 = start; } break;
                            case 3: if (_slot3 < 0) { _slot3 = start; } break;
                            case 4: if (_slot4 < 0) { _slot4 = start; } break;
                            case 5: if (_slot5 < 0) { _slot5 = start; } break;
                            case 6: if (_slot6 < 0) { _slot6 = start; } break;
                            default: if (_slot7 < 0) { _slot7 = start; } break;
                        }
                    }

                    /// <summary>The start of the first present member among the slots given in order of preference (-1 ends the list).</summary>
                    public long First(int a, int b, int c, int d, int e)
                    {
                        long found = Get(a);
                        found = found >= 0 ? found : Get(b);
                        found = found >= 0 ? found : Get(c);
                        found = found >= 0 ? found : Get(d);
                        return found >= 0 ? found : Get(e);
                    }

                    private long Get(int slot)
                    {
                        switch (slot)
                        {
                            case 0: return _slot0;
                            case 1: return _slot1;
                            case 2: return _slot2;
                            case 3: return _slot3;
                            case 4: return _slot4;
                            case 5: return _slot5;
                            case 6: return _slot6;
                            case 7: return _slot7;
                            default: return -1;
                        }
                    }
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
                    return Excerpt(global::System.Text.Encoding.UTF8.GetString(body, offset, global::System.Math.Min(body.Length - offset, MaxExcerptChars * 4)));
                }

                /// <summary>The first characters of a body's text without a byte order mark: the text itself when it is short (no copy).</summary>
                private static string Excerpt(string text)
                {
                    int start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
                    int length = global::System.Math.Min(text.Length - start, MaxExcerptChars);
                    return start == 0 && length == text.Length ? text : text.Substring(start, length);
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
