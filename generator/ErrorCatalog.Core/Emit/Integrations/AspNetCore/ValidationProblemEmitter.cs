namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The field errors of <c>XValidationException</c> in <c>XException.AspNetCore.g.cs</c>: ASP.NET Core's
    /// <c>HttpValidationProblemDetails</c> (<c>errors</c>: field → messages, so existing clients keep working) plus
    /// <c>violations</c> (<c>[{"field","error_code","error_msg"}]</c>, in order) beside the first error's members, in
    /// the request's culture where overlays have the messages; <c>XValidationException.ToProblemDetails</c> and
    /// <c>ToResult</c>. <see cref="ProblemDetailsEmitter"/> calls it where the body is made.
    /// </summary>
    internal static class ValidationProblemEmitter
    {
        public const string ValidationProblem = "global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails";
        private const string Culture = ProblemDetailsEmitter.Culture;

        /// <summary>The body's start: the validation exception, if this is one, and the problem of its kind.</summary>
        public static string CreateProblem(EmitContext c, string receiver)
            => $"{c.Names.ValidationExceptionQualified}{c.NullableMark} fields = {receiver} as {c.Names.ValidationExceptionQualified};\n"
                + $"{ProblemDetailsEmitter.Problem} problem = fields != null ? new {ValidationProblem}() : new {ProblemDetailsEmitter.Problem}();";

        /// <summary>The statements that add the field errors (after <c>error_msg</c>); with overlays the first overlay they use names the language when nothing before did.</summary>
        public static string AddFields(EmitContext c)
            => $"if (fields != null)\n{{\n    AddFieldErrors(({ValidationProblem})problem, fields{(c.HasCultures ? ", culture, ref language" : string.Empty)});\n}}\n";

        /// <summary>
        /// The private helpers: each field error's message in the answer's culture (<c>FieldMessages</c>), the field
        /// errors into the <c>ProblemDetails</c> that <c>IProblemDetailsService</c> writes (<c>AddFieldErrors</c>), and
        /// <c>errors</c> and <c>violations</c> written straight to a <c>Utf8JsonWriter</c>.
        /// </summary>
        public static void WriteHelpers(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            bool localized = c.HasCultures;
            string fields = c.Names.ValidationExceptionQualified;
            string field = c.Names.FieldErrorQualified;
            string list = $"global::System.Collections.Generic.IReadOnlyList<{field}>";
            string json = "global::System.Text.Json.Utf8JsonWriter";
            w.Block($$"""
                /// <summary>Each field error's message{{(localized ? " in <paramref name=\"culture\"/> (re-formatted from its arguments where an overlay has it; <paramref name=\"language\"/> names the first such overlay when still null)" : string.Empty)}}.</summary>
                private static string{{q}}[] FieldMessages({{fields}} fields{{(localized ? $", {Culture}{q} culture, ref string{q} language" : string.Empty)}})
                {
                    {{list}} errors = fields.FieldErrors;
                    string{{q}}[] messages = new string{{q}}[errors.Count];
                    for (int i = 0; i < messages.Length; i++)
                    {
                        {{field}} field = errors[i];
                        string{{q}} message = field.ErrorMessage;
                """);
            if (localized)
            {
                w.Block($$"""
                            if (culture != null && field.Error != null && field.HasArguments)
                            {
                                string{{q}} overlay = field.Error.MessageLanguage(culture);
                                if (overlay != null)
                                {
                                    object{{q}}[] args = new object{{q}}[field.Arguments.Count];
                                    for (int a = 0; a < args.Length; a++)
                                    {
                                        args[a] = field.Arguments[a];
                                    }

                                    message = field.Error.Format(culture, args);
                                    language = language ?? overlay;
                                }
                            }

                    """);
            }

            w.Block($$"""
                        messages[i] = message;
                    }

                    return messages;
                }

                /// <summary>Adds each field error to <c>errors</c> (field → messages) and <c>violations</c> (in order, a <c>JsonElement</c>: the one extension value ASP.NET Core's serializer writes under Native AOT){{(localized ? "; the first overlay message used names <paramref name=\"language\"/> when still null" : string.Empty)}}.</summary>
                private static void AddFieldErrors({{ValidationProblem}} problem, {{fields}} fields{{(localized ? $", {Culture}{q} culture, ref string{q} language" : string.Empty)}})
                {
                    string{{q}}[] messages = FieldMessages(fields{{(localized ? ", culture, ref language" : string.Empty)}});
                    for (int i = 0; i < messages.Length; i++)
                    {
                        string name = fields.FieldErrors[i].Field;
                        string text = messages[i] ?? string.Empty;
                        string[]{{q}} existing;
                        problem.Errors[name] = problem.Errors.TryGetValue(name, out existing) ? Append(existing, text) : new[] { text };
                    }

                    // One buffer and writer per thread, taken while in use (a formatted argument could answer another error).
                    global::System.Buffers.ArrayBufferWriter<byte> buffer = t_violations ?? new global::System.Buffers.ArrayBufferWriter<byte>(1024);
                    {{json}} json = t_violationsWriter ?? new {{json}}(buffer);
                    t_violations = null;
                    t_violationsWriter = null;
                    buffer.ResetWrittenCount();
                    json.Reset(buffer);
                    WriteViolations(json, fields, messages);
                    json.Flush();
                    problem.Extensions["violations"] = global::System.Text.Json.JsonDocument.Parse(buffer.WrittenSpan.ToArray()).RootElement;
                    if (buffer.Capacity <= 64 * 1024)
                    {
                        t_violations = buffer;
                        t_violationsWriter = json;
                    }
                }

                [global::System.ThreadStatic]
                private static global::System.Buffers.ArrayBufferWriter<byte>{{q}} t_violations;

                [global::System.ThreadStatic]
                private static {{json}}{{q}} t_violationsWriter;

                private static string[] Append(string[] messages, string text)
                {
                    string[] all = new string[messages.Length + 1];
                    global::System.Array.Copy(messages, all, messages.Length);
                    all[messages.Length] = text;
                    return all;
                }

                /// <summary>The <c>errors</c> member: each field once, in the order it first appears, with its messages in order.</summary>
                private static void WriteErrors({{json}} json, {{fields}} fields, string{{q}}[] messages)
                {
                    {{list}} errors = fields.FieldErrors;
                    int count = errors.Count;

                    // next[i]: the next field error naming the same field (0 for none: it is never the first);
                    // repeat[i]: not the first for its field. Past a few fields a dictionary finds the previous one.
                    int[] next = new int[count];
                    bool[] repeat = new bool[count];
                    global::System.Collections.Generic.Dictionary<string, int>{{q}} last = count > 16 ? new global::System.Collections.Generic.Dictionary<string, int>(count, global::System.StringComparer.Ordinal) : null;
                    for (int i = 0; i < count; i++)
                    {
                        string name = errors[i].Field;
                        int previous = -1;
                        if (last != null)
                        {
                            int found;
                            if (last.TryGetValue(name, out found))
                            {
                                previous = found;
                            }

                            last[name] = i;
                        }
                        else
                        {
                            for (int j = i - 1; j >= 0; j--)
                            {
                                if (string.Equals(errors[j].Field, name, global::System.StringComparison.Ordinal))
                                {
                                    previous = j;
                                    break;
                                }
                            }
                        }

                        if (previous >= 0)
                        {
                            next[previous] = i;
                            repeat[i] = true;
                        }
                    }

                    json.WriteStartObject("errors");
                    for (int i = 0; i < count; i++)
                    {
                        if (repeat[i])
                        {
                            continue;
                        }

                        json.WriteStartArray(errors[i].Field);
                        for (int k = i; ; k = next[k])
                        {
                            json.WriteStringValue(messages[k] ?? string.Empty);
                            if (next[k] == 0)
                            {
                                break;
                            }
                        }

                        json.WriteEndArray();
                    }

                    json.WriteEndObject();
                }

                /// <summary>The <c>violations</c> array: <c>{"field","error_code","error_msg"}</c> per field error, in order.</summary>
                private static void WriteViolations({{json}} json, {{fields}} fields, string{{q}}[] messages)
                {
                    {{list}} errors = fields.FieldErrors;
                    json.WriteStartArray();
                    for (int i = 0; i < messages.Length; i++)
                    {
                        json.WriteStartObject();
                        json.WriteString("field", errors[i].Field);
                        json.WriteString("error_code", errors[i].ErrorCode);
                        json.WriteString("error_msg", messages[i]);
                        json.WriteEndObject();
                    }

                    json.WriteEndArray();
                }
                """);
        }

        /// <summary>
        /// <c>XValidationException.ToProblemDetails</c> (the validation problem, typed) and <c>ToResult</c>: members of the
        /// validation exception in-project, extension methods of <c>XAspNetCoreExtensions</c> for a reference catalog.
        /// </summary>
        public static void WriteValidationMembers(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string type = c.Names.ValidationExceptionQualified;
            string modifiers = c.External ? "public static" : "public new";
            string receiver = c.External ? $"this {type} exception" : string.Empty;
            string baseCall = c.External ? $"(({c.Names.ExceptionQualified})exception)" : "base";
            string param = ExternalForm.ReceiverDoc(c);
            string result = c.External ? "ProblemResult" : c.Names.ExceptionQualified + ".ProblemResult";
            if (!c.External)
            {
                w.Open($"public partial class {c.Names.ValidationException}");
            }

            w.Block($$"""
                /// <summary>The RFC 9457 body of the first field error with every field error in <c>errors</c> and <c>violations</c>.</summary>{{param}}
                /// <returns>The validation problem details.</returns>
                {{modifiers}} {{ValidationProblem}} ToProblemDetails({{receiver}})
                {
                    return ({{ValidationProblem}}){{baseCall}}.ToProblemDetails();
                }

                """);
            if (c.HasCultures)
            {
                w.Block($$"""
                    /// <summary>The validation body in <paramref name="culture"/> (texts from the nearest overlay, as for one error).</summary>{{param}}
                    /// <param name="culture">The culture; null for the neutral catalog.</param>
                    /// <returns>The validation problem details.</returns>
                    {{modifiers}} {{ValidationProblem}} ToProblemDetails({{(c.External ? receiver + ", " : string.Empty)}}{{Culture}}{{q}} culture)
                    {
                        return ({{ValidationProblem}}){{baseCall}}.ToProblemDetails(culture);
                    }

                    /// <summary>A minimal-API result answering the field errors as <c>application/problem+json</c> in the request's culture, with <c>Content-Language</c> when an overlay supplied a message; through <c>IProblemDetailsService</c> when one is registered, as the exception handler answers.</summary>{{param}}
                    /// <returns>The result.</returns>
                    public {{(c.External ? "static " : string.Empty)}}global::Microsoft.AspNetCore.Http.IResult ToResult({{receiver}})
                    {
                        return new {{result}}({{(c.External ? "exception" : "this")}}, {{Culture}}.CurrentUICulture);
                    }
                    """);
            }
            else
            {
                w.Block($$"""
                    /// <summary>A minimal-API result answering the field errors as <c>application/problem+json</c>; through <c>IProblemDetailsService</c> when one is registered, as the exception handler answers.</summary>{{param}}
                    /// <returns>The result.</returns>
                    public {{(c.External ? "static " : string.Empty)}}global::Microsoft.AspNetCore.Http.IResult ToResult({{receiver}})
                    {
                        return new {{result}}({{(c.External ? "exception" : "this")}});
                    }
                    """);
            }

            if (!c.External)
            {
                w.Close();
                w.Line();
            }
        }
    }
}
