namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XErrors.FluentValidation.g.cs</c>, emitted only when the compilation can see FluentValidation
    /// (<see cref="FrameworkIntegrations.FluentValidation"/>): <c>WithError(XError, params Func&lt;T, object?&gt;[])</c> on rule
    /// builders (the failure's <c>ErrorCode</c> the catalog's, its message formatted in the current UI culture at
    /// validation time, and the entry with its arguments kept in <c>CustomState</c>), <c>ToFieldErrors()</c> on results and
    /// failures, and — with ASP.NET Core — the exception handler's answer to a <c>FluentValidation.ValidationException</c>
    /// whose failures carry this catalog's codes (a failure without one is kept with its own code).
    /// </summary>
    internal static class FluentValidationEmitter
    {
        private const string Failure = "global::FluentValidation.Results.ValidationFailure";

        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string error = c.Names.ErrorQualified;
            string field = c.Names.FieldErrorQualified;
            string rule = "global::FluentValidation.IRuleBuilderOptions<T, TProperty>";
            string format = c.HasCultures ? "error.Format(global::System.Globalization.CultureInfo.CurrentUICulture, args)" : "error.Format(args)";
            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>FluentValidation rules and results with the codes of catalog <c>{{c.Model.CatalogName}}</c>.</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} static partial class {{c.Names.FluentValidationExtensions}}
                {
                    /// <summary>
                    /// Makes a rule's failure this catalog error: its <c>ErrorCode</c> the error's code, its message the error's,
                    /// formatted in <see cref="global::System.Globalization.CultureInfo.CurrentUICulture"/> when the rule fails from
                    /// <paramref name="arguments"/> (one per placeholder, read from the validated object), and the field error in
                    /// <c>CustomState</c>, so <c>ToFieldErrors</c> and the exception handler keep the entry and its arguments.
                    /// </summary>
                    /// <typeparam name="T">The validated type.</typeparam>
                    /// <typeparam name="TProperty">The property's type.</typeparam>
                    /// <param name="rule">The rule.</param>
                    /// <param name="error">The catalog error.</param>
                    /// <param name="arguments">One function per placeholder, in parameter order.</param>
                    /// <returns>The same rule.</returns>
                    public static {{rule}} WithError<T, TProperty>(this {{rule}} rule, {{error}} error, params global::System.Func<T, object{{q}}>[] arguments)
                    {
                        if (rule == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(rule));
                        }

                        if (error == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(error));
                        }

                        if (arguments == null || arguments.Length != error.ParameterCount)
                        {
                            throw new global::System.ArgumentException("'" + error.Code + "' takes " + error.ParameterCount + " argument(s), but " + (arguments == null ? 0 : arguments.Length) + " were given.", nameof(arguments));
                        }

                        global::FluentValidation.DefaultValidatorOptions.WithErrorCode(rule, error.Code);
                        global::FluentValidation.DefaultValidatorOptions.WithState(rule, instance => error.ForField(string.Empty, Arguments(instance, arguments)));
                        return global::FluentValidation.DefaultValidatorOptions.WithMessage(rule, instance =>
                        {
                            object{{q}}[] args = Arguments(instance, arguments);
                            return {{format}};
                        });
                    }

                    /// <summary>The result's failures as field errors, in order (see <see cref="ToFieldError"/>).</summary>
                    /// <param name="result">The validation result.</param>
                    /// <returns>The field errors; empty for a valid result.</returns>
                    public static global::System.Collections.Generic.IReadOnlyList<{{field}}> ToFieldErrors(this global::FluentValidation.Results.ValidationResult result)
                    {
                        if (result == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(result));
                        }

                        return ToFieldErrors(result.Errors);
                    }

                    /// <summary>Failures as field errors, in order (see <see cref="ToFieldError"/>).</summary>
                    /// <param name="failures">The failures.</param>
                    /// <returns>The field errors.</returns>
                    public static global::System.Collections.Generic.IReadOnlyList<{{field}}> ToFieldErrors(this global::System.Collections.Generic.IEnumerable<{{Failure}}> failures)
                    {
                        if (failures == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(failures));
                        }

                        global::System.Collections.Generic.List<{{field}}> fields = new global::System.Collections.Generic.List<{{field}}>();
                        foreach ({{Failure}} failure in failures)
                        {
                            if (failure != null)
                            {
                                fields.Add(ToFieldError(failure));
                            }
                        }

                        return fields;
                    }

                    /// <summary>
                    /// A failure as a field error: made by <see cref="WithError"/>, the catalog error with its arguments (its message
                    /// formatted again, so an answer can be localized); otherwise the failure's own code (its <c>Error</c> null unless the
                    /// code is this catalog's) and message.
                    /// </summary>
                    /// <param name="failure">The failure.</param>
                    /// <returns>The field error.</returns>
                    public static {{field}} ToFieldError(this {{Failure}} failure)
                    {
                        if (failure == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(failure));
                        }

                        string name = failure.PropertyName ?? string.Empty;
                        {{field}}{{q}} kept = failure.CustomState as {{field}};
                        if (kept != null && kept.Error != null && kept.ErrorCode == failure.ErrorCode)
                        {
                            object{{q}}[] args = new object{{q}}[kept.Arguments.Count];
                            for (int i = 0; i < args.Length; i++)
                            {
                                args[i] = kept.Arguments[i];
                            }

                            return kept.Error.ForField(name, args);
                        }

                        return new {{field}}(name, failure.ErrorCode ?? string.Empty, failure.ErrorMessage);
                    }

                    private static object{{q}}[] Arguments<T>(T instance, global::System.Func<T, object{{q}}>[] arguments)
                    {
                        object{{q}}[] args = new object{{q}}[arguments.Length];
                        for (int i = 0; i < args.Length; i++)
                        {
                            args[i] = arguments[i](instance);
                        }

                        return args;
                    }
                }
                """);
            if (AnswersInHandler(c))
            {
                w.Line();
                w.Block($$"""
                    {{c.Access}} sealed partial class {{c.Names.ExceptionHandler}}
                    {
                        /// <summary>A FluentValidation exception whose failures carry a code of this catalog, as the catalog's validation exception.</summary>
                        static partial void Convert(global::System.Exception exception, ref {{c.Names.ExceptionQualified}}{{q}} error)
                        {
                            global::FluentValidation.ValidationException{{q}} validation = exception as global::FluentValidation.ValidationException;
                            if (validation == null || validation.Errors == null)
                            {
                                return;
                            }

                            global::System.Collections.Generic.IReadOnlyList<{{field}}> fields = {{c.Names.FluentValidationExtensions}}.ToFieldErrors(validation.Errors);
                            foreach ({{field}} field in fields)
                            {
                                if (field.Error != null)
                                {
                                    error = new {{c.Names.ValidationExceptionQualified}}(fields, null, exception);
                                    return;
                                }
                            }
                        }
                    }
                    """);
            }

            return SourceFile.End(w, c.Options);
        }

        /// <summary>The exception handler is generated with this file (in-project, or in this project for a reference catalog), so it can take FluentValidation's exception.</summary>
        private static bool AnswersInHandler(EmitContext c)
            => c.Options.Frameworks.Has(FrameworkIntegrations.AspNetCore) && (!c.External || !c.Options.Library!.Has(FrameworkIntegrations.AspNetCore));
    }
}
