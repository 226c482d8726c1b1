namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XValidationException.g.cs</c>: answers that carry several field errors with their codes (RFC 9457's
    /// "the most relevant problem first", ASP.NET Core's validation map, AIP-193's field violations). Per catalog,
    /// never per entry: <c>XFieldError</c> (a field, its catalog error or a received code, its message and
    /// arguments), <c>XError.ForField</c>, and <c>XValidationException</c>, whose code, message and status are its
    /// first field error's. No framework: the integrations answer, decode and carry it.
    /// </summary>
    internal static class ValidationEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string field = c.Names.FieldError;
            string fieldQualified = c.Names.FieldErrorQualified;
            string error = c.Names.ErrorQualified;
            string list = $"global::System.Collections.ObjectModel.ReadOnlyCollection<object{q}>";
            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>
                /// One field's error in a validation answer: the field (a name or a path, as the API spells it), the catalog error
                /// and its message. Made by <see cref="{{error}}.ForField"/>, or from a received answer (then <see cref="Error"/> is
                /// null for a code the catalog does not have, and <see cref="ErrorCode"/> empty when the answer had none).
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                public sealed partial class {{field}}
                {
                    private static readonly {{list}} s_noArguments = new {{list}}(new object{{q}}[0]);

                    /// <summary>A field error as received, or from another validator: the catalog error is looked up by code.</summary>
                    /// <param name="field">The field.</param>
                    /// <param name="errorCode">The error code; empty when the answer had none.</param>
                    /// <param name="errorMessage">The message, or null.</param>
                    public {{field}}(string field, string errorCode, string{{q}} errorMessage)
                    {
                        if (field == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(field));
                        }

                        if (errorCode == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(errorCode));
                        }

                        Field = field;
                        ErrorCode = errorCode;
                        ErrorMessage = errorMessage;
                        Error = {{c.Names.ErrorsQualified}}.{{Naming.GeneratedMembers.Find}}(errorCode);
                        Arguments = s_noArguments;
                    }

                    internal {{field}}(string field, {{error}} error, string message, object{{q}}[] args)
                    {
                        Field = field;
                        Error = error;
                        ErrorCode = error.Code;
                        ErrorMessage = message;
                        Arguments = new {{list}}((object{{q}}[])args.Clone());
                        HasArguments = true;
                    }

                    /// <summary>The field, as the API names it (<c>due_date</c>, <c>items[2].sku</c>).</summary>
                    public string Field { get; }

                    /// <summary>The catalog's descriptor of the code, or null when the catalog has no such code.</summary>
                    public {{error}}{{q}} Error { get; }

                    /// <summary>The error code; empty when a received answer had none (a validation map without codes).</summary>
                    public string ErrorCode { get; }

                    /// <summary>The message: formatted from the arguments, or as received.</summary>
                    public string{{q}} ErrorMessage { get; }

                    /// <summary>The arguments it was made with, in parameter order; empty for a received field error.</summary>
                    public global::System.Collections.Generic.IReadOnlyList<object{{q}}> Arguments { get; }

                    /// <summary>True when made by <c>ForField</c> (its message can be formatted again in another culture). Public, and hidden from completion, for the integrations that projects referencing this catalog generate.</summary>
                    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                    public bool HasArguments { get; }

                    /// <summary>The field, the code and the message, such as <c>due_date: PM.02175201: Field due_date has invalid value x.</c></summary>
                    /// <returns>The text.</returns>
                    public override string ToString()
                    {
                        return Field + ": " + ErrorCode + ": " + ErrorMessage;
                    }
                }

                public sealed partial class {{c.Names.Error}}
                {
                    /// <summary>This error for one field of a request, its message formatted from <paramref name="args"/> (as <see cref="Format(object[])"/>).</summary>
                    /// <param name="field">The field, as the API names it.</param>
                    /// <param name="args">One argument per placeholder, in parameter order.</param>
                    /// <returns>The field error.</returns>
                    public {{fieldQualified}} ForField(string field, params object{{q}}[] args)
                    {
                        if (field == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(field));
                        }

                        return new {{fieldQualified}}(field, this, Format(args), args);
                    }
                }

                /// <summary>
                /// A request's field errors as one exception, most relevant first: its <see cref="{{c.Names.ExceptionQualified}}.ErrorCode"/>,
                /// <see cref="{{c.Names.ExceptionQualified}}.ErrorMessage"/>, <see cref="{{c.Names.ExceptionQualified}}.Error"/> and
                /// <see cref="{{c.Names.ExceptionQualified}}.HttpStatus"/> are the first field error's (400 when its code is not the catalog's).
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                public partial class {{c.Names.ValidationException}} : {{c.Names.ExceptionQualified}}
                {
                    /// <summary>Creates the exception for one or more field errors, in order.</summary>
                    /// <param name="fieldErrors">The field errors; at least one.</param>
                    /// <param name="httpStatus">The HTTP status received, or null to take the first field error's.</param>
                    /// <param name="innerException">The exception that caused this one, or null.</param>
                    public {{c.Names.ValidationException}}(global::System.Collections.Generic.IEnumerable<{{fieldQualified}}> fieldErrors, int? httpStatus = null, global::System.Exception{{q}} innerException = null)
                        : this(Snapshot(fieldErrors), httpStatus, innerException)
                    {
                    }

                    private {{c.Names.ValidationException}}({{fieldQualified}}[] fieldErrors, int? httpStatus, global::System.Exception{{q}} innerException)
                        : base(fieldErrors[0].ErrorCode, fieldErrors[0].ErrorMessage, httpStatus ?? StatusOf(fieldErrors[0]), innerException)
                    {
                        FieldErrors = new global::System.Collections.ObjectModel.ReadOnlyCollection<{{fieldQualified}}>(fieldErrors);
                """);
            if (c.KeepsArguments)
            {
                w.Block($$"""
                            if (fieldErrors[0].HasArguments)
                            {
                                object{{q}}[] args = new object{{q}}[fieldErrors[0].Arguments.Count];
                                for (int i = 0; i < args.Length; i++)
                                {
                                    args[i] = fieldErrors[0].Arguments[i];
                                }

                                SetArguments(args);
                            }
                    """);
            }

            w.Block($$"""
                    }

                    /// <summary>The field errors, in order.</summary>
                    public global::System.Collections.Generic.IReadOnlyList<{{fieldQualified}}> FieldErrors { get; }

                    private static int StatusOf({{fieldQualified}} first)
                    {
                        {{error}}{{q}} error = first.Error;
                        return error != null ? error.HttpStatus : 400;
                    }

                    private static {{fieldQualified}}[] Snapshot(global::System.Collections.Generic.IEnumerable<{{fieldQualified}}> fieldErrors)
                    {
                        if (fieldErrors == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(fieldErrors));
                        }

                        {{fieldQualified}}[]{{q}} given = fieldErrors as {{fieldQualified}}[];
                        {{fieldQualified}}[] all = given != null ? ({{fieldQualified}}[])given.Clone() : new global::System.Collections.Generic.List<{{fieldQualified}}>(fieldErrors).ToArray();
                        if (all.Length == 0)
                        {
                            throw new global::System.ArgumentException("A validation exception needs at least one field error.", nameof(fieldErrors));
                        }

                        if (global::System.Array.IndexOf<{{fieldQualified}}{{q}}>(all, null) >= 0)
                        {
                            throw new global::System.ArgumentException("A field error is null.", nameof(fieldErrors));
                        }

                        return all;
                    }
                }
                """);
            return SourceFile.End(w, c.Options);
        }
    }
}
