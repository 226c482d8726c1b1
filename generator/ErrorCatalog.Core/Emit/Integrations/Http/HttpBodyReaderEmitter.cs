namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The private members of <c>XException.Http.g.cs</c> that read a body (<see cref="HttpClientEmitter"/>):
    /// one <c>Utf8JsonReader</c> pass noting where the members looked for start, strings made only of the
    /// chosen ones, the 1 MiB read of a response, the request id and the excerpt.
    /// </summary>
    internal static class HttpBodyReaderEmitter
    {
        /// <summary>The JSON reading: the body shapes Huawei Cloud and RFC 9457 services answer with.</summary>
        public static void Emit(CodeWriter w, string q)
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
    }
}
