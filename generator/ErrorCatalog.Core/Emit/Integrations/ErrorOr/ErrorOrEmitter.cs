namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XErrors.ErrorOr.g.cs</c>, emitted only when the compilation can see ErrorOr (<see cref="FrameworkIntegrations.ErrorOr"/>):
    /// <c>XError.ToErrorOr(args)</c> and <c>XFieldError.ToErrorOr()</c> make an <c>ErrorOr.Error</c> (the code, the message as its
    /// description, its type from the HTTP status, and <c>status</c>, <c>arguments</c> and, for a field error, <c>field</c> in its
    /// metadata); <c>XErrors.Find(Error)</c> finds the entry again; a list of such errors becomes <c>XValidationException</c> and,
    /// with ASP.NET Core, the validation answer (<c>ToResult()</c>).
    /// </summary>
    internal static class ErrorOrEmitter
    {
        private const string Error = "global::ErrorOr.Error";
        private const string Metadata = "global::System.Collections.Generic.Dictionary<string, object>";

        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string error = c.Names.ErrorQualified;
            string field = c.Names.FieldErrorQualified;
            string validation = c.Names.ValidationExceptionQualified;
            SourceFile.Start(w, c.Options);
            if (!c.External)
            {
                w.Block($$"""
                    public static partial class {{c.Names.Errors}}
                    {
                        /// <summary>The entry of an ErrorOr error's code, or null when the catalog has no such code.</summary>
                        /// <param name="error">The ErrorOr error.</param>
                        /// <returns>The descriptor, or null.</returns>
                        public static {{error}}{{q}} Find({{Error}} error)
                        {
                            return Find(error.Code);
                        }
                    }

                    """);
            }

            w.Block($$"""
                /// <summary>ErrorOr errors with the codes of catalog <c>{{c.Model.CatalogName}}</c>.</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} static partial class {{c.Names.ErrorOrExtensions}}
                {
                """);
            w.Indent();
            if (c.External)
            {
                w.Block($$"""
                    /// <summary>The entry of an ErrorOr error's code, or null when the catalog has no such code (<c>{{c.Names.Errors}}.Find</c> of the library's catalog).</summary>
                    /// <param name="error">The ErrorOr error.</param>
                    /// <returns>The descriptor, or null.</returns>
                    public static {{error}}{{q}} Find({{Error}} error)
                    {
                        return {{c.Names.ErrorsQualified}}.Find(error.Code);
                    }

                    """);
            }

            w.Block($$"""
                /// <summary>
                /// This error as an ErrorOr error: its code, its message formatted from <paramref name="args"/> as the description, its
                /// type from the HTTP status (400 Validation, 401 Unauthorized, 403 Forbidden, 404 NotFound, 409 Conflict, other 4xx
                /// Failure, else Unexpected), and <c>status</c> and <c>arguments</c> in its metadata.
                /// </summary>
                /// <param name="error">The catalog error.</param>
                /// <param name="args">One argument per placeholder, in parameter order.</param>
                /// <returns>The ErrorOr error.</returns>
                public static {{Error}} ToErrorOr(this {{error}} error, params object{{q}}[] args)
                {
                    if (error == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(error));
                    }

                    string description = error.Format(args);
                    {{Metadata}} metadata = new {{Metadata}}();
                    metadata["status"] = error.HttpStatus;
                    metadata["arguments"] = (object{{q}}[])args.Clone();
                    return Create(error.HttpStatus, error.Code, description, metadata);
                }

                /// <summary>A field error as an ErrorOr error, with <c>field</c> (and for a catalog error <c>status</c> and <c>arguments</c>) in its metadata.</summary>
                /// <param name="field">The field error.</param>
                /// <returns>The ErrorOr error.</returns>
                public static {{Error}} ToErrorOr(this {{field}} field)
                {
                    if (field == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(field));
                    }

                    {{Metadata}} metadata = new {{Metadata}}();
                    metadata["field"] = field.Field;
                    int status = field.Error != null ? field.Error.HttpStatus : 400;
                    metadata["status"] = status;
                    if (field.HasArguments)
                    {
                        object{{q}}[] args = new object{{q}}[field.Arguments.Count];
                        for (int i = 0; i < args.Length; i++)
                        {
                            args[i] = field.Arguments[i];
                        }

                        metadata["arguments"] = args;
                    }

                    return Create(status, field.ErrorCode, field.ErrorMessage ?? string.Empty, metadata);
                }

                /// <summary>
                /// ErrorOr errors as one validation exception, in order: each a field error (its field from the <c>field</c> metadata,
                /// else empty); one of this catalog with its <c>arguments</c> made again by <c>ForField</c>, so an answer can be localized.
                /// </summary>
                /// <param name="errors">The errors; at least one.</param>
                /// <returns>The exception.</returns>
                public static {{validation}} ToValidationException(this global::System.Collections.Generic.IEnumerable<{{Error}}> errors)
                {
                    if (errors == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(errors));
                    }

                    global::System.Collections.Generic.List<{{field}}> fields = new global::System.Collections.Generic.List<{{field}}>();
                    foreach ({{Error}} error in errors)
                    {
                        fields.Add(ToFieldError(error));
                    }

                    return new {{validation}}(fields);
                }

                """);
            if (AnswersWithResult(c))
            {
                w.Block($$"""
                    /// <summary>ErrorOr errors as the validation answer of <c>{{c.Names.ValidationException}}.ToResult</c> (<c>errors</c> and <c>violations</c>, in the request's culture).</summary>
                    /// <param name="errors">The errors; at least one.</param>
                    /// <returns>The result.</returns>
                    public static global::Microsoft.AspNetCore.Http.IResult ToResult(this global::System.Collections.Generic.IEnumerable<{{Error}}> errors)
                    {
                        return ToValidationException(errors).ToResult();
                    }

                    """);
            }

            w.Block($$"""
                private static {{field}} ToFieldError({{Error}} error)
                {
                    object{{q}} name = null;
                    object{{q}} arguments = null;
                    if (error.Metadata != null)
                    {
                        error.Metadata.TryGetValue("field", out name);
                        error.Metadata.TryGetValue("arguments", out arguments);
                    }

                    string fieldName = name as string ?? string.Empty;
                    {{error}}{{q}} entry = {{c.Names.ErrorsQualified}}.Find(error.Code);
                    object{{q}}[]{{q}} args = arguments as object{{q}}[];
                    if (entry != null && args != null && args.Length == entry.ParameterCount)
                    {
                        return entry.ForField(fieldName, args);
                    }

                    return new {{field}}(fieldName, error.Code ?? string.Empty, error.Description);
                }

                private static {{Error}} Create(int status, string code, string description, {{Metadata}} metadata)
                {
                    switch (status)
                    {
                        case 400: return {{Error}}.Validation(code, description, metadata);
                        case 401: return {{Error}}.Unauthorized(code, description, metadata);
                        case 403: return {{Error}}.Forbidden(code, description, metadata);
                        case 404: return {{Error}}.NotFound(code, description, metadata);
                        case 409: return {{Error}}.Conflict(code, description, metadata);
                        default: return status >= 400 && status < 500 ? {{Error}}.Failure(code, description, metadata) : {{Error}}.Unexpected(code, description, metadata);
                    }
                }
                """);
            w.Outdent();
            w.Line("}");
            return SourceFile.End(w, c.Options);
        }

        /// <summary>The validation answer is generated in this project too (ASP.NET Core on, here or for a reference catalog here).</summary>
        private static bool AnswersWithResult(EmitContext c)
            => c.Options.Frameworks.Has(FrameworkIntegrations.AspNetCore);
    }
}
