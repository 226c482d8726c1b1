using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The descriptor class <c>XError</c> (written at the top of <c>XErrors.g.cs</c>): one immutable
    /// instance per entry with its code, status and texts, <c>Format(params object[])</c>,
    /// <c>ToException</c> and <c>ToString</c>.
    /// </summary>
    internal static class DescriptorEmitter
    {
        /// <summary>The checks that open every <c>Format(…, params object[] args)</c> of the descriptor (at the method body's indentation).</summary>
        internal const string ArgumentChecks = """
            if (args == null)
            {
                throw new global::System.ArgumentNullException(nameof(args));
            }

            if (args.Length != ParameterCount)
            {
                throw new global::System.ArgumentException("Error " + Code + " takes " + ParameterCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " argument(s), but " + args.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + " were given.", nameof(args));
            }

            """;

        public static void Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string error = c.Names.Error;
            w.Block($$"""
                /// <summary>Describes one error of catalog <c>{{c.Model.CatalogName}}</c>: its code, HTTP status, message template, description and solution.</summary>
                /// <remarks>There is one instance per catalog entry, in <see cref="{{c.Names.ErrorsQualified}}"/>; compare them by reference.</remarks>
                {{SourceFile.GeneratedCodeAttribute}}
                """);
            w.Open($"public sealed partial class {error}");
            w.Block($$"""
                #if NET8_0_OR_GREATER
                private global::System.Text.CompositeFormat{{q}} _compositeFormat;
                #endif

                internal {{error}}(string code, int httpStatus, string name, string messageTemplate, string description, string solution, int parameterCount)
                {
                    Code = code;
                    HttpStatus = httpStatus;
                    Name = name;
                    MessageTemplate = messageTemplate;
                    Description = description;
                    Solution = solution;
                    ParameterCount = parameterCount;
                }

                /// <summary>The error code, as the service returns it in <c>error_code</c>.</summary>
                public string Code { get; }

                /// <summary>The HTTP status the service answers with for this error.</summary>
                public int HttpStatus { get; }

                /// <summary>The C# member name of this error in the generated API.</summary>
                public string Name { get; }

                /// <summary>The message as a .NET composite format string; <c>{0}</c>, <c>{1}</c>… stand for the arguments.</summary>
                public string MessageTemplate { get; }

                /// <summary>What the error means; empty when the catalog gives no description.</summary>
                public string Description { get; }

                /// <summary>How to resolve the error; empty when the catalog gives no solution.</summary>
                public string Solution { get; }

                /// <summary>How many arguments <see cref="Format(object[])"/> takes.</summary>
                public int ParameterCount { get; }

                /// <summary>True when the catalog marks the code deprecated (<c>deprecated</c> or <c>replacedBy</c>).</summary>
                public bool IsDeprecated { get; internal set; }

                /// <summary>The error that replaces this deprecated one, or null.</summary>
                public {{error}}{{q}} ReplacedBy { get; internal set; }

                /// <summary>True when a retry may succeed (the entry's <c>retryable</c>).</summary>
                public bool IsRetryable { get; internal set; }

                /// <summary>The link to this error's documentation (the catalog's <c>docs</c> template), or null when the catalog has none.</summary>
                public string{{q}} HelpLink => {{HelpLinkExpression(c)}};

                /// <summary>Formats the message with the given arguments, using the invariant culture.</summary>
                /// <param name="args">One argument per placeholder, in parameter order.</param>
                /// <returns>The formatted message.</returns>
                /// <exception cref="global::System.ArgumentNullException"><paramref name="args"/> is null.</exception>
                /// <exception cref="global::System.ArgumentException">The number of arguments differs from <see cref="ParameterCount"/>.</exception>
                public string Format(params object{{q}}[] args)
                """);

            // One path for every entry: the typed formatters give the same text (the tests hold both
            // to string.Format), and a switch over them cost the compiler ~0.1 ms per formatter.
            w.Open();
            w.Block(ArgumentChecks);
            w.Block("""
                if (args.Length == 0 && MessageTemplate.IndexOf('{') < 0 && MessageTemplate.IndexOf('}') < 0)
                {
                    return MessageTemplate;
                }

                """);
            string template = WriteRewrittenFormats(w, c);

            // .NET 8+: the template is parsed once per descriptor, on first use (a benign race: any
            // thread's parse is as good as another's). Not without arguments: string.Format then
            // returns a CompositeFormat's text as written, with its {{ and }} still doubled.
            w.Block($$"""
                #if NET8_0_OR_GREATER
                if (args.Length > 0)
                {
                    if (_compositeFormat == null)
                    {
                        _compositeFormat = global::System.Text.CompositeFormat.Parse({{template}});
                    }

                    return string.Format(global::System.Globalization.CultureInfo.InvariantCulture, _compositeFormat, args);
                }
                #endif

                return string.Format(global::System.Globalization.CultureInfo.InvariantCulture, {{template}}, args);
                """);
            w.Close();
            w.Block($$"""

                /// <summary>Creates the exception for this error (of its HTTP status type) with the message formatted from <paramref name="args"/>.</summary>
                /// <param name="args">One argument per placeholder, in parameter order.</param>
                /// <returns>The exception, ready to throw.</returns>
                public {{c.Names.ExceptionQualified}} ToException(params object{{q}}[] args)
                """);
            WriteToExceptionBody(w, c);
            w.Block($$"""

                /// <summary>The code and the message template, such as <c>PM.02175201: Field {0} has invalid value {1}.</c></summary>
                /// <returns>The text.</returns>
                public override string ToString()
                {
                    return Code + ": " + MessageTemplate;
                }

                """);
            w.Close();
        }

        /// <summary>The docs template with the code and the name URI-escaped, or <c>null</c>.</summary>
        private static string HelpLinkExpression(EmitContext c)
            => c.Model.Docs == null
                ? "null"
                : CSharpText.Literal(c.Model.Docs) + ".Replace(\"{code}\", global::System.Uri.EscapeDataString(Code)).Replace(\"{name}\", global::System.Uri.EscapeDataString(Name))";

        /// <summary>
        /// Templates that are not already the composite format they mean (named placeholders such as
        /// <c>{id}</c>, or spacing .NET would refuse) get it spelled out, chosen by a switch on the
        /// code. Returns the local that holds the format to use.
        /// </summary>
        internal static string WriteRewrittenFormats(CodeWriter w, EmitContext c)
        {
            if (!c.Plan.AnyRewritten)
            {
                return "MessageTemplate";
            }

            w.Line("string format = MessageTemplate;");
            w.Open("switch (Code)");
            foreach (FormatterPlan formatter in c.Plan.Formatters)
            {
                if (formatter.CompositeFormat != null)
                {
                    ErrorEntry entry = c.Model.Entries[formatter.Entry];
                    w.Line($"case {CodeWriter.Literal(entry.Code)}: format = {CodeWriter.Literal(formatter.CompositeFormat)}; break;");
                }
            }

            w.Close();
            w.Line();
            return "format";
        }

        /// <summary>
        /// <c>ToException</c>'s body: the exception of the entry's status; with culture overlays or gRPC it keeps
        /// its arguments too (<c>XException.Arguments</c>: the caller's language, <c>ErrorInfo</c> metadata).
        /// </summary>
        private static void WriteToExceptionBody(CodeWriter w, EmitContext c)
        {
            string create = $"{c.Names.ExceptionQualified}.CreateForStatus(HttpStatus, Code, Format(args), HttpStatus, null)";
            w.Open();
            if (c.KeepsArguments)
            {
                w.Line($"{c.Names.ExceptionQualified} exception = {create};");
                w.Line($"exception.{Naming.GeneratedMembers.SetArguments}(args);");
                w.Line("return exception;");
            }
            else
            {
                w.Line($"return {create};");
            }

            w.Close();
        }
    }
}
