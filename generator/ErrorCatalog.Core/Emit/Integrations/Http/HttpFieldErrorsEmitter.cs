namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The field errors of a validation answer in <c>XException.Http.g.cs</c> (<see cref="HttpClientEmitter"/>):
    /// <c>violations</c> (<c>[{"field","error_code","error_msg"}]</c>, what this package's servers write) or, from a
    /// server without codes, ASP.NET Core's <c>errors</c> map (field → messages: field errors with empty codes). A body
    /// with either becomes <c>XValidationException</c>; anything malformed leaves the plain decoding to the caller.
    /// </summary>
    internal static class HttpFieldErrorsEmitter
    {
        public static void Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string field = c.Names.FieldErrorQualified;
            string list = $"global::System.Collections.Generic.List<{field}>";
            const string Token = "global::System.Text.Json.JsonTokenType";
            w.Block($$"""
                /// <summary>
                /// The field errors of the body's <c>violations</c> (in order), else of its <c>errors</c> map (codes empty);
                /// false when the body has neither, or is not one JSON object.
                /// </summary>
                private static bool TryReadFieldErrors(byte[] body, int length, out {{list}}{{q}} fields)
                {
                    fields = null;
                    try
                    {
                        global::System.ReadOnlySpan<byte> json = new global::System.ReadOnlySpan<byte>(body, 0, length);
                        if (json.Length >= 3 && json[0] == 0xEF && json[1] == 0xBB && json[2] == 0xBF)
                        {
                            json = json.Slice(3);
                        }

                        global::System.Text.Json.Utf8JsonReader reader = new global::System.Text.Json.Utf8JsonReader(json, default(global::System.Text.Json.JsonReaderOptions));
                        if (!reader.Read() || reader.TokenType != {{Token}}.StartObject)
                        {
                            return false;
                        }

                        {{list}}{{q}} violations = null;

                        // The errors map is read only when there are no violations: its place is kept, and read after.
                        global::System.Text.Json.Utf8JsonReader errors = default(global::System.Text.Json.Utf8JsonReader);
                        bool hasErrors = false;
                        while (reader.Read() && reader.TokenType == {{Token}}.PropertyName)
                        {
                            bool isViolations = reader.ValueTextEquals("violations");
                            bool isErrors = !isViolations && reader.ValueTextEquals("errors");
                            reader.Read();
                            if (isViolations && violations == null && reader.TokenType == {{Token}}.StartArray)
                            {
                                violations = ReadViolations(ref reader);
                            }
                            else if (isErrors && !hasErrors && reader.TokenType == {{Token}}.StartObject)
                            {
                                errors = reader;
                                hasErrors = true;
                                reader.Skip();
                            }
                            else
                            {
                                reader.Skip();
                            }
                        }

                        fields = violations != null && violations.Count > 0 ? violations : hasErrors ? ReadErrorMap(ref errors) : null;
                        return fields != null && fields.Count > 0;
                    }
                    catch (global::System.Text.Json.JsonException)
                    {
                        return false;
                    }
                    catch (global::System.InvalidOperationException)
                    {
                        return false;
                    }
                }

                /// <summary>The objects of a <c>violations</c> array that name a field; other items are skipped.</summary>
                private static {{list}} ReadViolations(ref global::System.Text.Json.Utf8JsonReader reader)
                {
                    {{list}} fields = new {{list}}();
                    while (reader.Read() && reader.TokenType != {{Token}}.EndArray)
                    {
                        if (reader.TokenType != {{Token}}.StartObject)
                        {
                            reader.Skip();
                            continue;
                        }

                        string{{q}} name = null;
                        string{{q}} code = null;
                        string{{q}} message = null;
                        while (reader.Read() && reader.TokenType == {{Token}}.PropertyName)
                        {
                            int member = reader.ValueTextEquals("field") ? 0 : reader.ValueTextEquals("error_code") ? 1 : reader.ValueTextEquals("error_msg") ? 2 : -1;
                            reader.Read();
                            string{{q}} text = reader.TokenType == {{Token}}.String ? reader.GetString()
                                : member == 1 && reader.TokenType == {{Token}}.Number ? global::System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray())
                                : null;
                            reader.Skip();
                            if (member == 0 && name == null)
                            {
                                name = text;
                            }
                            else if (member == 1 && code == null)
                            {
                                code = text;
                            }
                            else if (member == 2 && message == null)
                            {
                                message = text;
                            }
                        }

                        if (name != null)
                        {
                            fields.Add(new {{field}}(name, code ?? string.Empty, message));
                        }
                    }

                    return fields;
                }

                /// <summary>ASP.NET Core's <c>errors</c> map: each field's messages, as field errors without a code.</summary>
                private static {{list}} ReadErrorMap(ref global::System.Text.Json.Utf8JsonReader reader)
                {
                    {{list}} fields = new {{list}}();
                    while (reader.Read() && reader.TokenType == {{Token}}.PropertyName)
                    {
                        string name = reader.GetString() ?? string.Empty;
                        reader.Read();
                        if (reader.TokenType == {{Token}}.String)
                        {
                            fields.Add(new {{field}}(name, string.Empty, reader.GetString()));
                        }
                        else if (reader.TokenType == {{Token}}.StartArray)
                        {
                            while (reader.Read() && reader.TokenType != {{Token}}.EndArray)
                            {
                                if (reader.TokenType == {{Token}}.String)
                                {
                                    fields.Add(new {{field}}(name, string.Empty, reader.GetString()));
                                }
                                else
                                {
                                    reader.Skip();
                                }
                            }
                        }
                        else
                        {
                            reader.Skip();
                        }
                    }

                    return fields;
                }
                """);
        }
    }
}
