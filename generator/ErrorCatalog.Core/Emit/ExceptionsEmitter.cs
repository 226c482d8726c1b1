using System.Collections.Generic;
using System.Globalization;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XException.g.cs</c>: the catalog's exception, <c>FromResponse</c> mapping a received error to
    /// the most specific type, and one subclass per HTTP status the catalog uses.
    /// </summary>
    internal static class ExceptionsEmitter
    {
        private const string ConstructorParams = """
            /// <param name="errorCode">The error code (<c>error_code</c>).</param>
            /// <param name="errorMessage">The error message (<c>error_msg</c>), or null.</param>
            /// <param name="httpStatus">The HTTP status received, or null to take the catalog's for a known code.</param>
            /// <param name="innerException">The exception that caused this one, or null.</param>
            """;

        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            CatalogTypeNames names = c.Names;
            string exception = names.ExceptionQualified;
            var statuses = new SortedSet<int>();
            foreach (ErrorEntry entry in c.Model.Entries)
            {
                statuses.Add(entry.HttpStatus);
            }

            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>An error answered by a service whose errors catalog <c>{{c.Model.CatalogName}}</c> describes.</summary>
                /// <remarks>Create one from a response body with <see cref="FromResponse"/>; it returns the subclass for the error's HTTP status, such as <c>{{names.Catalog}}NotFoundException</c>.</remarks>
                {{SourceFile.GeneratedCodeAttribute}}
                """);
            w.Open($"public partial class {names.Exception} : global::System.Exception");
            w.Line("/// <summary>Creates the exception for an error code.</summary>");
            w.Block(ConstructorParams);
            w.Block($$"""
                public {{names.Exception}}(string errorCode, string{{q}} errorMessage, int? httpStatus = null, global::System.Exception{{q}} innerException = null)
                    : base(BuildMessage(errorCode, errorMessage), innerException)
                {
                    ErrorCode = errorCode;
                    ErrorMessage = errorMessage;
                    Error = {{names.ErrorsQualified}}.{{GeneratedMembers.Find}}(errorCode);
                    HttpStatus = httpStatus ?? (Error == null ? (int?)null : Error.HttpStatus);
                    if (Error != null && Error.HelpLink != null)
                    {
                        HelpLink = Error.HelpLink;
                    }
                }

                /// <summary>True when a retry may succeed: the code is in the catalog and marked <c>retryable</c>.</summary>
                public bool IsRetryable => Error != null && Error.IsRetryable;

                """);
            SourceFile.Property(w, "string", "ErrorCode", "The error code (<c>error_code</c>).");
            SourceFile.Property(w, "string" + q, "ErrorMessage", "The error message as received (<c>error_msg</c>), or null.");
            SourceFile.Property(w, "int?", "HttpStatus", "The HTTP status: as received, else the catalog's for a known code, else null.");
            SourceFile.Property(w, names.ErrorQualified + q, "Error", "The catalog's descriptor of the code, or null when the code is not in the catalog.");
            w.Block($$"""
                /// <summary>Maps a received error body to the most specific exception: a known code gives the exception type of its HTTP status with <see cref="Error"/> set; an unknown code gives a plain <see cref="{{names.Exception}}"/>.</summary>
                /// <param name="errorCode">The <c>error_code</c> of the response body.</param>
                /// <param name="errorMessage">The <c>error_msg</c> of the response body, or null.</param>
                /// <param name="httpStatus">The HTTP status received, or null to take the catalog's.</param>
                /// <returns>The exception, ready to throw.</returns>
                public static {{exception}} FromResponse(string errorCode, string{{q}} errorMessage, int? httpStatus = null)
                {
                    {{names.ErrorQualified}}{{q}} error = {{names.ErrorsQualified}}.{{GeneratedMembers.Find}}(errorCode);
                    if (error == null)
                    {
                        return new {{exception}}(errorCode, errorMessage, httpStatus, null);
                    }

                    return CreateForStatus(error.HttpStatus, errorCode, errorMessage, httpStatus ?? error.HttpStatus, null);
                }

                internal static {{exception}} CreateForStatus(int catalogStatus, string errorCode, string{{q}} errorMessage, int? httpStatus, global::System.Exception{{q}} innerException)
                """);
            w.Open();
            w.Open("switch (catalogStatus)");
            foreach (int status in statuses)
            {
                w.Line($"case {status}: return new {names.QualifiedStatusException(status)}(errorCode, errorMessage, httpStatus, innerException);");
            }

            w.Line($"default: return new {exception}(errorCode, errorMessage, httpStatus, innerException);");
            w.Close();
            w.Close();
            w.Block($$"""

                private static string BuildMessage(string errorCode, string{{q}} errorMessage)
                {
                    if (errorCode == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(errorCode));
                    }

                    return errorMessage == null ? errorCode : errorCode + ": " + errorMessage;
                }
                """);
            w.Close();

            foreach (int status in statuses)
            {
                WriteStatusException(w, c, status);
            }

            if (c.KeepsArguments)
            {
                w.Line();
                ArgumentsEmitter.Write(w, c);
            }

            return SourceFile.End(w, c.Options);
        }

        private static void WriteStatusException(CodeWriter w, EmitContext c, int status)
        {
            string type = c.Names.StatusException(status);
            string reason = HttpStatusNames.EnumName(status) ?? "no HttpStatusCode member";
            string statusText = status.ToString(CultureInfo.InvariantCulture);
            w.Line();
            w.Block($$"""
                /// <summary>An error of catalog <c>{{c.Model.CatalogName}}</c> whose HTTP status is {{statusText}} ({{reason}}).</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                """);
            w.StartMappedLine(c.Model.CatalogSpan, "public partial class ").Append($"{type} : {c.Names.ExceptionQualified}").EndMappedLine();
            w.Open();
            w.Line($"/// <summary>Creates the exception for an error code of HTTP status {statusText}.</summary>");
            w.Block(ConstructorParams);
            w.Block($$"""
                public {{type}}(string errorCode, string{{c.NullableMark}} errorMessage, int? httpStatus = null, global::System.Exception{{c.NullableMark}} innerException = null)
                    : base(errorCode, errorMessage, httpStatus, innerException)
                {
                }
                """);
            w.Close();
        }
    }
}
