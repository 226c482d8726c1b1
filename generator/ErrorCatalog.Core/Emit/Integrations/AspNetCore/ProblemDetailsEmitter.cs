using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The RFC 9457 body of a catalog error in <c>XException.AspNetCore.g.cs</c>, one frame for both kinds of
    /// catalog: <c>XException.ToProblemDetails</c> and <c>XError.ToResult</c>, and the handler's first
    /// statements. A catalog without overlays answers in its own language; one with overlays
    /// (<see cref="EmitContext.HasCultures"/>) gets <c>ToProblemDetails(CultureInfo?)</c>, which takes
    /// <c>title</c>, <c>detail</c> and <c>error_msg</c> from the nearest overlay (the message re-formatted from
    /// <c>XException.Arguments</c> in that culture), and the handler and <c>ToResult</c> answer in
    /// <c>CultureInfo.CurrentUICulture</c> with <c>Content-Language</c> naming the overlay's culture. Only the
    /// lines that differ branch. A status below 400 (ERRCAT021) is answered as 500.
    /// </summary>
    internal static class ProblemDetailsEmitter
    {
        internal const string Culture = "global::System.Globalization.CultureInfo";
        internal const string Problem = "global::Microsoft.AspNetCore.Mvc.ProblemDetails";

        /// <summary><c>ToProblemDetails</c> on the exception and <c>ToResult</c> on the descriptor.</summary>
        public static void Write(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            bool localized = c.HasCultures;

            // In-project the members are the exception's and the descriptor's; for a reference catalog they are
            // extension methods of one internal class, whose bodies read the same members through the receiver.
            string self = ExternalForm.Self(c);
            string receiver = c.External ? $"this {c.Names.ExceptionQualified} exception" : string.Empty;
            string receiverFirst = c.External ? receiver + ", " : string.Empty;
            string modifier = c.External ? "static " : string.Empty;
            string exceptionParam = ExternalForm.ReceiverDoc(c);
            string arguments = ExternalForm.Cref(c, "Arguments");
            ExternalForm.Open(w, c, c.Names.AspNetCoreExtensions, "ASP.NET Core answers");

            if (localized)
            {
                w.Block($$"""
                    /// <summary>The RFC 9457 body for this error in <see cref="{{Culture}}.CurrentUICulture"/> (the request's culture under request localization); see <see cref="ToProblemDetails({{(c.External ? c.Names.ExceptionQualified + ", " : string.Empty)}}{{Culture}})"/>.</summary>{{exceptionParam}}
                    /// <returns>The problem details.</returns>
                    public {{modifier}}{{Problem}} ToProblemDetails({{receiver}})
                    {
                        return {{self}}ToProblemDetails({{Culture}}.CurrentUICulture);
                    }

                    /// <summary>
                    /// The RFC 9457 body for this error in <paramref name="culture"/>: <c>status</c> the exception's (else the catalog's,
                    /// else 500; a status below 400 is answered as 500), <c>title</c> the entry's description (its message template when
                    /// it has none; the status's reason phrase for an unknown code), <c>detail</c> and the extension member <c>error_msg</c>
                    /// the message, and <c>error_code</c>; <c>type</c> the documentation link when the catalog has <c>docs</c>. Texts come
                    /// from the nearest culture overlay (<c>zh-Hans-CN</c>, <c>zh-Hans</c>, <c>zh</c>), the message re-formatted from
                    /// <see cref="{{arguments}}"/> in that culture; where no overlay has the message, or the exception was made from a
                    /// received error, the message is the one the exception holds.
                    /// </summary>{{exceptionParam}}
                    /// <param name="culture">The culture; null for the neutral catalog.</param>
                    /// <returns>The problem details.</returns>
                    public {{modifier}}{{Problem}} ToProblemDetails({{receiverFirst}}{{Culture}}{{q}} culture)
                    {
                        string{{q}} language;
                        return {{self}}ToProblemDetails(culture, out language);
                    }

                    internal {{modifier}}{{Problem}} ToProblemDetails({{receiverFirst}}{{Culture}}{{q}} culture, out string{{q}} language)
                    """);
            }
            else
            {
                w.Block($$"""
                    /// <summary>
                    /// The RFC 9457 body for this error: <c>status</c> the exception's (else the catalog's, else 500; a status below 400
                    /// is answered as 500), <c>title</c> the entry's description (its message template when it has none; the status's
                    /// reason phrase for an unknown code), <c>detail</c> the message, and the extension members <c>error_code</c> and
                    /// <c>error_msg</c>, so a Huawei-style client and an RFC 9457 client read the same body; <c>type</c> the error's
                    /// documentation link (<see cref="global::System.Exception.HelpLink"/>) when the catalog has <c>docs</c>.
                    /// </summary>{{exceptionParam}}
                    /// <returns>The problem details.</returns>
                    public {{modifier}}{{Problem}} ToProblemDetails({{receiver}})
                    """);
            }

            string frameCulture = localized ? "culture, " : string.Empty;
            w.Block($$"""
                {
                    int status;
                    string title;
                    string{{q}} message = ProblemFrame({{ExternalForm.HelperArgument(c)}}{{frameCulture}}out status, out title{{(localized ? ", out language" : string.Empty)}});
                """);
            w.Indent();
            w.Block($$"""
                {{ValidationProblemEmitter.CreateProblem(c, c.External ? "exception" : "this")}}
                problem.Status = status;
                problem.Title = title;
                problem.Detail = message;
                if ({{self}}HelpLink != null)
                {
                    problem.Type = {{self}}HelpLink;
                }

                problem.Extensions["error_code"] = {{self}}ErrorCode;
                problem.Extensions["error_msg"] = message;
                {{ValidationProblemEmitter.AddFields(c)}}
                return problem;
                """);
            w.Outdent();
            w.Block($$"""
                }

                /// <summary>The answer's status, title and message{{(localized ? " in <paramref name=\"culture\"/>, and the culture of the overlay that gave a text" : string.Empty)}}.</summary>
                private {{ExternalForm.Helper(c, "string" + q, "ProblemFrame")}}{{(localized ? $"{Culture}{q} culture, " : string.Empty)}}out int status, out string title{{(localized ? $", out string{q} language" : string.Empty)}})
                {
                    status = {{self}}ProblemStatus();
                """);
            if (localized)
            {
                w.Block($$"""
                        string{{q}} message = {{self}}{{GeneratedMembers.LocalizedMessage}}(culture, out language);
                        if ({{self}}Error == null)
                        {
                            title = global::Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
                        }
                        else
                        {
                            string description = {{self}}Error.GetDescription(culture);
                            title = description.Length > 0 ? description : {{self}}Error.GetMessageTemplate(culture);
                            if (language == null && culture != null && description.Length > 0)
                            {
                                language = {{self}}Error.{{GeneratedMembers.DescriptionLanguage}}(culture);
                            }
                        }

                        return message;
                    }
                    """);
            }
            else
            {
                w.Block($$"""
                        title = {{self}}Error == null
                            ? global::Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
                            : ({{self}}Error.Description.Length > 0 ? {{self}}Error.Description : {{self}}Error.MessageTemplate);
                        return {{self}}ErrorMessage;
                    }
                    """);
            }

            w.Line();
            ProblemWriterEmitter.WriteAnswer(w, c);
            w.Line();
            ValidationProblemEmitter.WriteHelpers(w, c);
            w.Line();
            ProblemWriterEmitter.WriteResult(w, c);
            if (c.External)
            {
                w.Line();
                WriteToResult(w, c);
                w.Line();
                ValidationProblemEmitter.WriteValidationMembers(w, c);
                w.Close();
                w.Line();
                return;
            }

            w.Close();
            w.Line();
            w.Open($"public sealed partial class {c.Names.Error}");
            WriteToResult(w, c);
            w.Close();
            w.Line();
            ValidationProblemEmitter.WriteValidationMembers(w, c);
        }

        private static void WriteToResult(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string exception = c.External ? c.Names.AspNetCoreExtensions : c.Names.ExceptionQualified;
            string signature = c.External ? $"public static global::Microsoft.AspNetCore.Http.IResult ToResult(this {c.Names.ErrorQualified} error, params object{q}[] args)" : $"public global::Microsoft.AspNetCore.Http.IResult ToResult(params object{q}[] args)";
            string errorParam = c.External ? "\n/// <param name=\"error\">The error.</param>" : string.Empty;
            string self = c.External ? "error." : string.Empty;
            string result = c.External ? "ProblemResult" : c.Names.ExceptionQualified + ".ProblemResult";
            string summary = c.HasCultures
                ? $"A minimal-API result answering this error as <c>application/problem+json</c> in the request's culture\n/// (<see cref=\"{exception}.ToProblemDetails({(c.External ? c.Names.ExceptionQualified : string.Empty)})\"/>), with <c>Content-Language</c> when an overlay supplied the message; through\n/// <c>IProblemDetailsService</c> when one is registered, as the exception handler answers."
                : $"A minimal-API result answering this error as <c>application/problem+json</c> (<see cref=\"{exception}.ToProblemDetails\"/>);\n/// through <c>IProblemDetailsService</c> when one is registered, as the exception handler answers.";
            w.Block($$"""
                /// <summary>
                /// {{summary}}
                /// </summary>{{errorParam}}
                /// <param name="args">One argument per placeholder, in parameter order.</param>
                /// <returns>The result.</returns>
                {{signature}}
                {
                    return new {{result}}({{self}}ToException(args){{(c.HasCultures ? $", {Culture}.CurrentUICulture" : string.Empty)}});
                }
                """);
        }
    }
}
