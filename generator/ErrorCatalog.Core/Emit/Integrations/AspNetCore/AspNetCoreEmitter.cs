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
            if (c.HasCultures)
            {
                w.Block($$"""
                            // The request's culture as request localization decided it, whatever the middleware order (a handler
                            // that runs before UseRequestLocalization no longer sees its CurrentUICulture).
                            global::Microsoft.AspNetCore.Localization.IRequestCultureFeature{{q}} requestCulture = httpContext.Features.Get<global::Microsoft.AspNetCore.Localization.IRequestCultureFeature>();
                            global::System.Globalization.CultureInfo culture = requestCulture != null ? requestCulture.RequestCulture.UICulture : global::System.Globalization.CultureInfo.CurrentUICulture;
                            await error.AnswerAsync(httpContext, culture, exception, cancellationToken).ConfigureAwait(false);
                    """);
            }
            else
            {
                w.Line("        await error.AnswerAsync(httpContext, exception, cancellationToken).ConfigureAwait(false);");
            }

            w.Block($$"""
                        return true;
                    }

                    /// <summary>Another library's exception as this catalog's (FluentValidation's, with that integration); none without one.</summary>
                    static partial void Convert(global::System.Exception exception, ref {{exception}}{{q}} error);
                }
                """);
            return SourceFile.End(w, c.Options);
        }
    }
}
