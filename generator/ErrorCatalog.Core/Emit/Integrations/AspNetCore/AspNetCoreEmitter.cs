namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XException.AspNetCore.g.cs</c>, emitted only when the compilation can see ASP.NET Core 8's
    /// <c>IExceptionHandler</c> and <c>ProblemDetails</c> (<see cref="FrameworkIntegrations.AspNetCore"/>): the
    /// server answers a catalog error with an RFC 9457 body that Huawei-style clients read too
    /// (<c>error_code</c>, <c>error_msg</c> beside <c>detail</c>) — <c>XException.ToProblemDetails</c>,
    /// <c>XError.ToResult</c> for minimal APIs, and <c>XExceptionHandler</c>.
    /// </summary>
    internal static class AspNetCoreEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string exception = c.Names.ExceptionQualified;
            string handler = c.Names.ExceptionHandler;
            SourceFile.Start(w, c.Options);
            ProblemDetailsEmitter.Write(w, c);
            w.Block($$"""
                /// <summary>
                /// Answers every <see cref="{{exception}}"/> with its RFC 9457 body (through <c>IProblemDetailsService</c>
                /// when registered); other exceptions are left to the next handler. Wire it the framework's way:
                /// <c>AddExceptionHandler&lt;{{handler}}&gt;()</c>, <c>AddProblemDetails()</c>, <c>UseExceptionHandler()</c>.
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} sealed partial class {{handler}} : global::Microsoft.AspNetCore.Diagnostics.IExceptionHandler
                {
                    /// <summary>Writes the body of a catalog exception; false for any other exception.</summary>
                    /// <param name="httpContext">The request's context.</param>
                    /// <param name="exception">The exception thrown.</param>
                    /// <param name="cancellationToken">Cancels the write.</param>
                    /// <returns>True when the exception was a catalog exception and its body was written.</returns>
                    public async global::System.Threading.Tasks.ValueTask<bool> TryHandleAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext, global::System.Exception exception, global::System.Threading.CancellationToken cancellationToken)
                    {
                        {{exception}}{{q}} error = exception as {{exception}};
                        if (error == null)
                        {
                            Convert(exception, ref error);
                        }

                        if (error == null)
                        {
                            return false;
                        }

                """);
            w.Indent().Indent();
            ProblemDetailsEmitter.WriteHandlerProblem(w, c);
            w.Outdent().Outdent();
            w.Block($$"""
                        httpContext.Response.StatusCode = problem.Status ?? 500;
                        global::Microsoft.AspNetCore.Http.IProblemDetailsService{{q}} service = httpContext.RequestServices.GetService(typeof(global::Microsoft.AspNetCore.Http.IProblemDetailsService)) as global::Microsoft.AspNetCore.Http.IProblemDetailsService;
                        if (service != null)
                        {
                            global::Microsoft.AspNetCore.Http.ProblemDetailsContext context = new global::Microsoft.AspNetCore.Http.ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception };
                            if (await service.TryWriteAsync(context).ConfigureAwait(false))
                            {
                                return true;
                            }
                        }

                        await WriteAsync(httpContext.Response, problem, cancellationToken).ConfigureAwait(false);
                        return true;
                    }

                    /// <summary>
                    /// The body without <c>IProblemDetailsService</c>: the members ProblemDetails serializes to, in its
                    /// order, written with <see cref="global::System.Text.Json.Utf8JsonWriter"/> (no reflection: trimming and Native AOT safe).
                    /// </summary>
                    private static async global::System.Threading.Tasks.Task WriteAsync(global::Microsoft.AspNetCore.Http.HttpResponse response, global::Microsoft.AspNetCore.Mvc.ProblemDetails problem, global::System.Threading.CancellationToken cancellationToken)
                    {
                        response.ContentType = "application/problem+json";
                        global::System.Buffers.ArrayBufferWriter<byte> buffer = new global::System.Buffers.ArrayBufferWriter<byte>(256);
                        using (global::System.Text.Json.Utf8JsonWriter json = new global::System.Text.Json.Utf8JsonWriter(buffer))
                        {
                            json.WriteStartObject();
                            if (problem.Type != null)
                            {
                                json.WriteString("type", problem.Type);
                            }

                            json.WriteString("title", problem.Title);
                            json.WriteNumber("status", problem.Status ?? 500);
                            json.WriteString("detail", problem.Detail);
                """);
            w.Indent().Indent().Indent();
            w.Block(ValidationProblemEmitter.WriteErrors(c));
            w.Outdent().Outdent().Outdent();
            w.Block($$"""
                            foreach (global::System.Collections.Generic.KeyValuePair<string, object{{q}}> extension in problem.Extensions)
                            {
                                if (extension.Value is global::System.Text.Json.JsonElement)
                                {
                                    json.WritePropertyName(extension.Key);
                                    ((global::System.Text.Json.JsonElement)extension.Value).WriteTo(json);
                                }
                                else
                                {
                                    json.WriteString(extension.Key, extension.Value as string);
                                }
                            }

                            json.WriteEndObject();
                        }

                        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
                    }

                    /// <summary>Another library's exception as this catalog's (FluentValidation's, with that integration); none without one.</summary>
                    static partial void Convert(global::System.Exception exception, ref {{exception}}{{q}} error);
                }
                """);
            return SourceFile.End(w, c.Options);
        }
    }
}
