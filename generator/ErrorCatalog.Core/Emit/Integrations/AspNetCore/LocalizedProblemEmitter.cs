namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The server's answer in the caller's language, for a catalog with culture overlays (in
    /// <c>XException.AspNetCore.g.cs</c>; a catalog without overlays gets <see cref="AspNetCoreEmitter"/>'s
    /// neutral members unchanged): <c>ToProblemDetails(CultureInfo?)</c> takes <c>title</c>, <c>detail</c>
    /// and <c>error_msg</c> from the nearest overlay, the message re-formatted from <c>XException.Arguments</c>
    /// in that culture; the handler and <c>ToResult</c> answer in <c>CultureInfo.CurrentUICulture</c> (what
    /// request localization sets) with <c>Content-Language</c> naming the overlay's culture.
    /// </summary>
    internal static class LocalizedProblemEmitter
    {
        private const string Culture = "global::System.Globalization.CultureInfo";
        private const string Problem = "global::Microsoft.AspNetCore.Mvc.ProblemDetails";

        /// <summary>The handler's first statements: the body in the request's culture and its <c>Content-Language</c>.</summary>
        /// <remarks>The handler's body stands 8 columns in: so do these lines after the first.</remarks>
        public static string HandlerProblem(EmitContext c)
            => string.Join(
                "\n        ",
                $"string{c.NullableMark} language;",
                $"{Problem} problem = error.ToProblemDetails({Culture}.CurrentUICulture, out language);",
                "if (language != null)",
                "{",
                "    httpContext.Response.Headers[\"Content-Language\"] = language;",
                "}",
                string.Empty).TrimEnd(' ');

        public static void WriteProblemDetailsAndResult(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string exception = c.Names.ExceptionQualified;
            w.Block($$"""
                public partial class {{c.Names.Exception}}
                {
                    /// <summary>The RFC 9457 body for this error in <see cref="{{Culture}}.CurrentUICulture"/> (the request's culture under request localization); see <see cref="ToProblemDetails({{Culture}})"/>.</summary>
                    /// <returns>The problem details.</returns>
                    public {{Problem}} ToProblemDetails()
                    {
                        return ToProblemDetails({{Culture}}.CurrentUICulture);
                    }

                    /// <summary>
                    /// The RFC 9457 body for this error in <paramref name="culture"/>: <c>status</c> the exception's (else the catalog's,
                    /// else 500), <c>title</c> the entry's description (its message template when it has none; the status's reason
                    /// phrase for an unknown code), <c>detail</c> and the extension member <c>error_msg</c> the message, and
                    /// <c>error_code</c>; <c>type</c> the documentation link when the catalog has <c>docs</c>. Texts come from the
                    /// nearest culture overlay (<c>zh-Hans-CN</c>, <c>zh-Hans</c>, <c>zh</c>), the message re-formatted from
                    /// <see cref="Arguments"/> in that culture; where no overlay has the message, or the exception was made from a
                    /// received error, the message is the one the exception holds.
                    /// </summary>
                    /// <param name="culture">The culture; null for the neutral catalog.</param>
                    /// <returns>The problem details.</returns>
                    public {{Problem}} ToProblemDetails({{Culture}}{{q}} culture)
                    {
                        string{{q}} language;
                        return ToProblemDetails(culture, out language);
                    }

                    internal {{Problem}} ToProblemDetails({{Culture}}{{q}} culture, out string{{q}} language)
                    {
                        int status = HttpStatus ?? (Error != null ? Error.HttpStatus : 500);
                        string{{q}} message = LocalizedMessage(culture, out language);
                        string title;
                        if (Error == null)
                        {
                            title = global::Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
                        }
                        else
                        {
                            string description = Error.GetDescription(culture);
                            title = description.Length > 0 ? description : Error.GetMessageTemplate(culture);
                        }

                        {{Problem}} problem = new {{Problem}}();
                        problem.Status = status;
                        problem.Title = title;
                        problem.Detail = message;
                        if (HelpLink != null)
                        {
                            problem.Type = HelpLink;
                        }

                        problem.Extensions["error_code"] = ErrorCode;
                        problem.Extensions["error_msg"] = message;
                        return problem;
                    }
                }

                public sealed partial class {{c.Names.Error}}
                {
                    /// <summary>
                    /// A minimal-API result answering this error as <c>application/problem+json</c> in the request's culture
                    /// (<see cref="{{exception}}.ToProblemDetails()"/>), with <c>Content-Language</c> when an overlay supplied the message.
                    /// </summary>
                    /// <param name="args">One argument per placeholder, in parameter order.</param>
                    /// <returns>The result.</returns>
                    public global::Microsoft.AspNetCore.Http.IResult ToResult(params object{{q}}[] args)
                    {
                        string{{q}} language;
                        {{Problem}} problem = ToException(args).ToProblemDetails({{Culture}}.CurrentUICulture, out language);
                        global::Microsoft.AspNetCore.Http.IResult result = global::Microsoft.AspNetCore.Http.Results.Problem(problem);
                        return language == null ? result : new ContentLanguageResult(result, language);
                    }

                    /// <summary>A result that sets <c>Content-Language</c>, then writes the result it wraps.</summary>
                    private sealed class ContentLanguageResult : global::Microsoft.AspNetCore.Http.IResult
                    {
                        private readonly global::Microsoft.AspNetCore.Http.IResult _result;
                        private readonly string _language;

                        public ContentLanguageResult(global::Microsoft.AspNetCore.Http.IResult result, string language)
                        {
                            _result = result;
                            _language = language;
                        }

                        public global::System.Threading.Tasks.Task ExecuteAsync(global::Microsoft.AspNetCore.Http.HttpContext httpContext)
                        {
                            httpContext.Response.Headers["Content-Language"] = _language;
                            return _result.ExecuteAsync(httpContext);
                        }
                    }
                }

                """);
        }
    }
}
