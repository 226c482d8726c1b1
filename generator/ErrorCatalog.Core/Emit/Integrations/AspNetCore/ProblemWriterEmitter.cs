namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// How the handler and <c>ToResult</c> answer, in <c>XException.AspNetCore.g.cs</c>: <c>AnswerAsync</c> goes through
    /// <c>IProblemDetailsService</c> when one is registered (with the <c>ProblemDetails</c> object it needs) and
    /// otherwise writes the body straight from the exception with one <c>Utf8JsonWriter</c> — no <c>ProblemDetails</c>,
    /// no dictionaries, no <c>JsonElement</c>, no reflection — with the app's <c>JsonOptions</c> encoder and
    /// indentation; <c>ProblemResult</c> is the <c>IResult</c> that <c>ToResult</c> returns (its status, content type and
    /// <c>ProblemDetails</c> readable for tests through ASP.NET Core's result interfaces).
    /// </summary>
    internal static class ProblemWriterEmitter
    {
        private const string Culture = ProblemDetailsEmitter.Culture;
        private const string Problem = ProblemDetailsEmitter.Problem;
        private const string HttpContext = "global::Microsoft.AspNetCore.Http.HttpContext";
        private const string Task = "global::System.Threading.Tasks.Task";
        private const string ContentLanguage = "    if (language != null)\n    {\n        response.Headers[\"Content-Language\"] = language;\n    }\n\n";

        /// <summary><c>ProblemStatus</c>, <c>AnswerAsync</c> and <c>WriteProblemAsync</c>, members of the exception (extension methods for a reference catalog).</summary>
        public static void WriteAnswer(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            bool localized = c.HasCultures;
            string self = ExternalForm.Self(c);
            string cultureParam = localized ? $", {Culture}{q} culture" : string.Empty;
            string cultureArg = localized ? ", culture" : string.Empty;
            w.Block($$"""
                /// <summary>The answer's status: the exception's, else the catalog's, else 500; a status below 400 is answered as 500.</summary>
                internal {{ExternalForm.Instance(c, "int", "ProblemStatus", more: false)}})
                {
                    int status = {{self}}HttpStatus ?? ({{self}}Error != null ? {{self}}Error.HttpStatus : 500);
                    return status < 400 ? 500 : status;
                }

                /// <summary>Answers the error: through <c>IProblemDetailsService</c> when one is registered and writes it, else with <see cref="WriteProblemAsync"/>.</summary>
                internal async {{ExternalForm.Instance(c, Task, "AnswerAsync")}}{{HttpContext}} httpContext{{cultureParam}}, global::System.Exception{{q}} thrown, global::System.Threading.CancellationToken cancellationToken)
                {
                    global::Microsoft.AspNetCore.Http.IProblemDetailsService{{q}} service = httpContext.RequestServices.GetService(typeof(global::Microsoft.AspNetCore.Http.IProblemDetailsService)) as global::Microsoft.AspNetCore.Http.IProblemDetailsService;
                    if (service != null)
                    {
                """);
            if (localized)
            {
                w.Block($$"""
                            string{{q}} language;
                            {{Problem}} problem = {{self}}ToProblemDetails(culture, out language);
                            if (language != null)
                            {
                                httpContext.Response.Headers["Content-Language"] = language;
                            }

                    """);
            }
            else
            {
                w.Line($"        {Problem} problem = {self}ToProblemDetails();");
            }

            w.Block($$"""
                        httpContext.Response.StatusCode = problem.Status ?? 500;
                        global::Microsoft.AspNetCore.Http.ProblemDetailsContext context = new global::Microsoft.AspNetCore.Http.ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = thrown };
                        if (await service.TryWriteAsync(context).ConfigureAwait(false))
                        {
                            return;
                        }
                    }

                    await {{self}}WriteProblemAsync(httpContext{{cultureArg}}, cancellationToken).ConfigureAwait(false);
                }

                /// <summary>
                /// The body without <c>IProblemDetailsService</c>, written straight from the exception with
                /// <see cref="global::System.Text.Json.Utf8JsonWriter"/> (no reflection: trimming and Native AOT safe) in the
                /// members and order ASP.NET Core serializes <c>ProblemDetails</c> to, with the app's <c>JsonOptions</c>
                /// encoder and indentation.
                /// </summary>
                internal async {{ExternalForm.Instance(c, Task, "WriteProblemAsync")}}{{HttpContext}} httpContext{{cultureParam}}, global::System.Threading.CancellationToken cancellationToken)
                {
                    int status;
                    string title;
                    {{(localized ? $"string{q} language;\n    " : string.Empty)}}string{{q}} message = ProblemFrame({{ExternalForm.HelperArgument(c)}}{{(localized ? "culture, " : string.Empty)}}out status, out title{{(localized ? ", out language" : string.Empty)}});
                    {{c.Names.ValidationExceptionQualified}}{{q}} fields = {{(c.External ? "exception" : "this")}} as {{c.Names.ValidationExceptionQualified}};
                    string{{q}}[]{{q}} messages = fields != null ? FieldMessages(fields{{(localized ? ", culture, ref language" : string.Empty)}}) : null;

                    // Every header before the first byte: the body goes straight into the response's pipe.
                    global::Microsoft.AspNetCore.Http.HttpResponse response = httpContext.Response;
                    response.StatusCode = status;
                    response.ContentType = "application/problem+json";
                {{(localized ? ContentLanguage : string.Empty)}}    global::Microsoft.Extensions.Options.IOptions<global::Microsoft.AspNetCore.Http.Json.JsonOptions>{{q}} options = httpContext.RequestServices.GetService(typeof(global::Microsoft.Extensions.Options.IOptions<global::Microsoft.AspNetCore.Http.Json.JsonOptions>)) as global::Microsoft.Extensions.Options.IOptions<global::Microsoft.AspNetCore.Http.Json.JsonOptions>;
                    global::System.Text.Json.JsonWriterOptions writerOptions = default(global::System.Text.Json.JsonWriterOptions);
                    if (options != null)
                    {
                        writerOptions.Encoder = options.Value.SerializerOptions.Encoder;
                        writerOptions.Indented = options.Value.SerializerOptions.WriteIndented;
                    }

                    using (global::System.Text.Json.Utf8JsonWriter json = new global::System.Text.Json.Utf8JsonWriter(response.BodyWriter, writerOptions))
                    {
                        json.WriteStartObject();
                        if ({{self}}HelpLink != null)
                        {
                            json.WriteString("type", {{self}}HelpLink);
                        }

                        json.WriteString("title", title);
                        json.WriteNumber("status", status);
                        json.WriteString("detail", message);
                        if (fields != null)
                        {
                            WriteErrors(json, fields, messages);
                        }

                        json.WriteString("error_code", {{self}}ErrorCode);
                        json.WriteString("error_msg", message);
                        if (fields != null)
                        {
                            json.WritePropertyName("violations");
                            WriteViolations(json, fields, messages);
                        }

                        json.WriteEndObject();
                    }

                    await response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false);
                }
                """);
        }

        /// <summary>
        /// <c>ProblemResult</c>, nested in the exception (in the extensions class for a reference catalog): what
        /// <c>XError.ToResult</c> and <c>XValidationException.ToResult</c> return.
        /// </summary>
        public static void WriteResult(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            bool localized = c.HasCultures;
            string exception = c.Names.ExceptionQualified;
            w.Block($$"""
                /// <summary>
                /// The minimal-API result of <c>ToResult</c>: answers the error as the exception handler does (through
                /// <c>IProblemDetailsService</c> when registered{{(localized ? ", in the culture current when it was made, with <c>Content-Language</c> when an overlay supplied a text" : string.Empty)}});
                /// its status, content type and <c>ProblemDetails</c> read through ASP.NET Core's result interfaces.
                /// </summary>
                internal sealed class ProblemResult : global::Microsoft.AspNetCore.Http.IResult, global::Microsoft.AspNetCore.Http.IStatusCodeHttpResult, global::Microsoft.AspNetCore.Http.IContentTypeHttpResult, global::Microsoft.AspNetCore.Http.IValueHttpResult, global::Microsoft.AspNetCore.Http.IValueHttpResult<{{Problem}}>
                {
                    private readonly {{exception}} _exception;
                """);
            if (localized)
            {
                w.Block($$"""
                        private readonly {{Culture}}{{q}} _culture;

                        public ProblemResult({{exception}} exception, {{Culture}}{{q}} culture)
                        {
                            _exception = exception;
                            _culture = culture;
                        }
                    """);
            }
            else
            {
                w.Block($$"""

                        public ProblemResult({{exception}} exception)
                        {
                            _exception = exception;
                        }
                    """);
            }

            w.Block($$"""

                    /// <summary>The answer's status.</summary>
                    public int? StatusCode => _exception.ProblemStatus();

                    /// <summary><c>application/problem+json</c>.</summary>
                    public string ContentType => "application/problem+json";

                    /// <summary>The body as <c>ProblemDetails</c> (made when read).</summary>
                    public {{Problem}} Value => _exception.ToProblemDetails({{(localized ? "_culture" : string.Empty)}});

                    object{{q}} global::Microsoft.AspNetCore.Http.IValueHttpResult.Value => Value;

                    /// <summary>Writes the answer.</summary>
                    /// <param name="httpContext">The request's context.</param>
                    /// <returns>The write.</returns>
                    public {{Task}} ExecuteAsync({{HttpContext}} httpContext)
                    {
                        return _exception.AnswerAsync(httpContext{{(localized ? ", _culture" : string.Empty)}}, null, httpContext.RequestAborted);
                    }
                }
                """);
        }
    }
}
