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
        private const string Culture = "global::System.Globalization.CultureInfo";

        /// <summary>The body's start: the validation exception, if this is one, and the problem of its kind.</summary>
        public static string CreateProblem(EmitContext c, string receiver)
            => $"{c.Names.ValidationExceptionQualified}{c.NullableMark} fields = {receiver} as {c.Names.ValidationExceptionQualified};\n"
                + $"global::Microsoft.AspNetCore.Mvc.ProblemDetails problem = fields != null ? new {ValidationProblem}() : new global::Microsoft.AspNetCore.Mvc.ProblemDetails();";

        /// <summary>The statements that add the field errors (after <c>error_msg</c>), with overlays naming their language when the first error did not.</summary>
        public static string AddFields(EmitContext c)
            => c.HasCultures
                ? "if (fields != null)\n{\n"
                    + $"    string{c.NullableMark} fieldLanguage = AddFieldErrors(({ValidationProblem})problem, fields, culture);\n"
                    + "    if (language == null)\n    {\n        language = fieldLanguage;\n    }\n}\n"
                : $"if (fields != null)\n{{\n    AddFieldErrors(({ValidationProblem})problem, fields);\n}}\n";

        /// <summary>The private helpers: the field errors into <c>errors</c> and <c>violations</c>.</summary>
        public static void WriteHelpers(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            bool localized = c.HasCultures;
            w.Block($$"""
                /// <summary>Adds each field error to <c>errors</c> (field → messages) and <c>violations</c> (in order); returns the culture of the first overlay message used.</summary>
                private static string{{q}} AddFieldErrors({{ValidationProblem}} problem, {{c.Names.ValidationExceptionQualified}} fields{{(localized ? $", {Culture}{q} culture" : string.Empty)}})
                {
                    string{{q}} language = null;

                    // One buffer and writer per thread, taken while in use (a formatted argument could answer another error).
                    global::System.Buffers.ArrayBufferWriter<byte> buffer = t_violations ?? new global::System.Buffers.ArrayBufferWriter<byte>(1024);
                    global::System.Text.Json.Utf8JsonWriter json = t_violationsWriter ?? new global::System.Text.Json.Utf8JsonWriter(buffer);
                    t_violations = null;
                    t_violationsWriter = null;
                    buffer.ResetWrittenCount();
                    json.Reset(buffer);
                    {
                        json.WriteStartArray();
                        foreach ({{c.Names.FieldErrorQualified}} field in fields.FieldErrors)
                        {
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
                                        for (int i = 0; i < args.Length; i++)
                                        {
                                            args[i] = field.Arguments[i];
                                        }

                                        message = field.Error.Format(culture, args);
                                        language = language ?? overlay;
                                    }
                                }

                    """);
            }

            w.Block($$"""
                            string text = message ?? string.Empty;
                            string[]{{q}} messages;
                            problem.Errors[field.Field] = problem.Errors.TryGetValue(field.Field, out messages) ? Append(messages, text) : new[] { text };
                            json.WriteStartObject();
                            json.WriteString("field", field.Field);
                            json.WriteString("error_code", field.ErrorCode);
                            json.WriteString("error_msg", message);
                            json.WriteEndObject();
                        }

                        json.WriteEndArray();
                        json.Flush();
                    }

                    problem.Extensions["violations"] = global::System.Text.Json.JsonDocument.Parse(buffer.WrittenSpan.ToArray()).RootElement;
                    if (buffer.Capacity <= 64 * 1024)
                    {
                        t_violations = buffer;
                        t_violationsWriter = json;
                    }

                    return language;
                }

                [global::System.ThreadStatic]
                private static global::System.Buffers.ArrayBufferWriter<byte>{{q}} t_violations;

                [global::System.ThreadStatic]
                private static global::System.Text.Json.Utf8JsonWriter{{q}} t_violationsWriter;

                private static string[] Append(string[] messages, string text)
                {
                    string[] all = new string[messages.Length + 1];
                    global::System.Array.Copy(messages, all, messages.Length);
                    all[messages.Length] = text;
                    return all;
                }
                """);
        }

        /// <summary>
        /// <c>XValidationException.ToProblemDetails</c> (the validation problem, typed) and <c>ToResult</c>: members of the
        /// validation exception in-project, extension methods of <c>XAspNetCoreExtensions</c> for a reference catalog.
        /// </summary>
        public static void WriteValidationMembers(CodeWriter w, EmitContext c, System.Action<CodeWriter> writeContentLanguageResult)
        {
            string q = c.NullableMark;
            string type = c.Names.ValidationExceptionQualified;
            string modifiers = c.External ? "public static" : "public new";
            string receiver = c.External ? $"this {type} exception" : string.Empty;
            string baseCall = c.External ? $"(({c.Names.ExceptionQualified})exception)" : "base";
            string self = ExternalForm.Self(c);
            string param = ExternalForm.ReceiverDoc(c);
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

                    /// <summary>A minimal-API result answering the field errors as <c>application/problem+json</c> in the request's culture, with <c>Content-Language</c> when an overlay supplied a message.</summary>{{param}}
                    /// <returns>The result.</returns>
                    public {{(c.External ? "static " : string.Empty)}}global::Microsoft.AspNetCore.Http.IResult ToResult({{receiver}})
                    {
                        string{{q}} language;
                        global::Microsoft.AspNetCore.Mvc.ProblemDetails problem = {{self}}ToProblemDetails({{Culture}}.CurrentUICulture, out language);
                        global::Microsoft.AspNetCore.Http.IResult result = global::Microsoft.AspNetCore.Http.Results.Problem(problem);
                        return language == null ? result : new ContentLanguageResult(result, language);
                    }
                    """);
                if (!c.External)
                {
                    w.Line();
                    writeContentLanguageResult(w);
                }
            }
            else
            {
                w.Block($$"""
                    /// <summary>A minimal-API result answering the field errors as <c>application/problem+json</c>.</summary>{{param}}
                    /// <returns>The result.</returns>
                    public {{(c.External ? "static " : string.Empty)}}global::Microsoft.AspNetCore.Http.IResult ToResult({{receiver}})
                    {
                        return global::Microsoft.AspNetCore.Http.Results.Problem({{self}}ToProblemDetails());
                    }
                    """);
            }

            if (!c.External)
            {
                w.Close();
                w.Line();
            }
        }

        /// <summary>The handler's own writer (no <c>IProblemDetailsService</c>): <c>errors</c> after <c>detail</c>.</summary>
        public static string WriteErrors(EmitContext c) => $$"""
            global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails{{c.NullableMark}} validation = problem as global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails;
            if (validation != null)
            {
                json.WriteStartObject("errors");
                foreach (global::System.Collections.Generic.KeyValuePair<string, string[]> pair in validation.Errors)
                {
                    json.WriteStartArray(pair.Key);
                    foreach (string message in pair.Value)
                    {
                        json.WriteStringValue(message);
                    }

                    json.WriteEndArray();
                }

                json.WriteEndObject();
            }

            """;
    }
}
