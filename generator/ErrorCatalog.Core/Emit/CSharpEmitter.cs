using System;
using System.Collections.Generic;
using System.Linq;
using System.Globalization;
using System.Text;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Templates;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// Writes the C# for one catalog: <c>XErrorCodes</c> (constants), <c>XError</c> (the descriptor),
    /// <c>XErrors</c> (descriptors, lookups and typed formatters) and <c>XException</c> with one
    /// subclass per HTTP status. Pure: the same model and options always give the same text.
    /// </summary>
    public static class CSharpEmitter
    {
        public const string ToolName = "ErrorCatalog.Generator";

        /// <summary>The package version (set once, in Directory.Build.props), without any '+commit' suffix.</summary>
        public static readonly string ToolVersion = ReadToolVersion();

        private static readonly string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"" + ToolName + "\", \"" + ToolVersion + "\")]";

        public static EquatableArray<GeneratedFile> Emit(CatalogModel model, EmitOptions options)
        {
            var names = new TypeNames(model.CatalogName, options.Namespace);
            string prefix = string.IsNullOrEmpty(options.Namespace) ? string.Empty : options.Namespace + ".";

            // One buffer, sized for the largest file, serves all three in turn: a large catalog's
            // text is written into it once per file instead of into three fresh large buffers.
            var w = new CodeWriter(Math.Max(EstimateErrors(model, names), EstimateCodes(model)));
            string errors = EmitErrors(w, model, options, names);
            string codes = EmitCodes(w.Reset(), model, options, names);
            string exceptions = EmitExceptions(w.Reset(), model, options, names);
            return new EquatableArray<GeneratedFile>(new[]
            {
                new GeneratedFile(prefix + names.Codes + ".g.cs", codes),
                new GeneratedFile(prefix + names.Errors + ".g.cs", errors),
                new GeneratedFile(prefix + names.Exception + ".g.cs", exceptions),
            });
        }

        private static string EmitCodes(CodeWriter w, CatalogModel model, EmitOptions options, TypeNames names)
        {
            StartFile(w, options);
            w.Line($"/// <summary>The error codes of catalog <c>{model.CatalogName}</c>, as constants.</summary>");
            w.Line($"/// <remarks>Look a code up with <see cref=\"{names.ErrorsQualified}.TryGet\"/>.</remarks>");
            w.Line(GeneratedCodeAttribute);
            w.Open($"public static partial class {names.Codes}");
            bool first = true;
            foreach (ErrorEntry entry in model.Entries)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                WriteEntryDocs(w, entry);
                w.StartLine().Append("public const string ").Append(entry.Name).Append(" = ").AppendLiteral(entry.Code).Append(';').EndLine();
            }

            w.Close();
            return EndFile(w, options);
        }

        private static string EmitErrors(CodeWriter w, CatalogModel model, EmitOptions options, TypeNames names)
        {
            string q = options.NullableAnnotations ? "?" : string.Empty;
            string nullForgiving = options.NullableAnnotations ? "null!" : "null";
            string error = names.ErrorQualified;
            StartFile(w, options);

            // The descriptor.
            w.Line($"/// <summary>Describes one error of catalog <c>{model.CatalogName}</c>: its code, HTTP status, message template, description and solution.</summary>");
            w.Line($"/// <remarks>There is one instance per catalog entry, in <see cref=\"{names.ErrorsQualified}\"/>; compare them by reference.</remarks>");
            w.Line(GeneratedCodeAttribute);
            w.Open($"public sealed partial class {names.Error}");
            w.Line("#if NET8_0_OR_GREATER");
            w.Line($"private global::System.Text.CompositeFormat{q} _compositeFormat;");
            w.Line("#endif");
            w.Line();
            w.Line($"internal {names.Error}(string code, int httpStatus, string name, string messageTemplate, string description, string solution, int parameterCount)");
            w.Line("{");
            w.Indent();
            w.Line("Code = code;");
            w.Line("HttpStatus = httpStatus;");
            w.Line("Name = name;");
            w.Line("MessageTemplate = messageTemplate;");
            w.Line("Description = description;");
            w.Line("Solution = solution;");
            w.Line("ParameterCount = parameterCount;");
            w.Outdent();
            w.Line("}");
            w.Line();
            WriteProperty(w, "string", "Code", "The error code, as the service returns it in <c>error_code</c>.");
            WriteProperty(w, "int", "HttpStatus", "The HTTP status the service answers with for this error.");
            WriteProperty(w, "string", "Name", "The C# member name of this error in the generated API.");
            WriteProperty(w, "string", "MessageTemplate", "The message as a .NET composite format string; <c>{0}</c>, <c>{1}</c>… stand for the arguments.");
            WriteProperty(w, "string", "Description", "What the error means; empty when the catalog gives no description.");
            WriteProperty(w, "string", "Solution", "How to resolve the error; empty when the catalog gives no solution.");
            WriteProperty(w, "int", "ParameterCount", "How many arguments <see cref=\"Format\"/> takes.");

            w.Line("/// <summary>Formats the message with the given arguments, using the invariant culture.</summary>");
            w.Line("/// <param name=\"args\">One argument per placeholder, in parameter order.</param>");
            w.Line("/// <returns>The formatted message.</returns>");
            w.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"args\"/> is null.</exception>");
            w.Line("/// <exception cref=\"global::System.ArgumentException\">The number of arguments differs from <see cref=\"ParameterCount\"/>.</exception>");
            w.Line($"public string Format(params object{q}[] args)");
            w.Line("{");
            w.Indent();
            w.Line("if (args == null)");
            w.Line("{");
            w.Line("    throw new global::System.ArgumentNullException(nameof(args));");
            w.Line("}");
            w.Line();
            w.Line("if (args.Length != ParameterCount)");
            w.Line("{");
            w.Line("    throw new global::System.ArgumentException(\"Error \" + Code + \" takes \" + ParameterCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" argument(s), but \" + args.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \" were given.\", nameof(args));");
            w.Line("}");
            w.Line();
            // One path for every entry: the typed formatters give the same text (the tests hold both
            // to string.Format), and a switch over them cost the compiler ~0.1 ms per formatter.
            w.Line("if (args.Length == 0 && MessageTemplate.IndexOf('{') < 0 && MessageTemplate.IndexOf('}') < 0)");
            w.Line("{");
            w.Line("    return MessageTemplate;");
            w.Line("}");
            w.Line();
            // Templates that are not already the composite format they mean (named placeholders such
            // as {id}, or spacing .NET would refuse) get it spelled out, from their parsed segments.
            bool anyRewritten = false;
            foreach (ErrorEntry entry in model.Entries)
            {
                string? composite = MessageTemplate.RewrittenCompositeFormat(entry);
                if (composite != null)
                {
                    if (!anyRewritten)
                    {
                        w.Line("string format = MessageTemplate;");
                        w.Line("switch (Code)");
                        w.Line("{");
                        w.Indent();
                        anyRewritten = true;
                    }

                    w.StartLine().Append("case ").AppendLiteral(entry.Code).Append(": format = ").AppendLiteral(composite).Append("; break;").EndLine();
                }
            }

            if (anyRewritten)
            {
                w.Outdent();
                w.Line("}");
                w.Line();
            }

            // .NET 8+: the template is parsed once per descriptor, on first use (a benign race: any
            // thread's parse is as good as another's). Not without arguments: string.Format then
            // returns a CompositeFormat's text as written, with its {{ and }} still doubled.
            string template = anyRewritten ? "format" : "MessageTemplate";
            w.Line("#if NET8_0_OR_GREATER");
            w.Line("if (args.Length > 0)");
            w.Line("{");
            w.Line("    if (_compositeFormat == null)");
            w.Line("    {");
            w.Line($"        _compositeFormat = global::System.Text.CompositeFormat.Parse({template});");
            w.Line("    }");
            w.Line();
            w.Line("    return string.Format(global::System.Globalization.CultureInfo.InvariantCulture, _compositeFormat, args);");
            w.Line("}");
            w.Line("#endif");
            w.Line();
            w.Line($"return string.Format(global::System.Globalization.CultureInfo.InvariantCulture, {template}, args);");
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Creates the exception for this error (of its HTTP status type) with the message formatted from <paramref name=\"args\"/>.</summary>");
            w.Line("/// <param name=\"args\">One argument per placeholder, in parameter order.</param>");
            w.Line("/// <returns>The exception, ready to throw.</returns>");
            w.Line($"public {names.ExceptionQualified} ToException(params object{q}[] args)");
            w.Line("{");
            w.Line($"    return {names.ExceptionQualified}.CreateForStatus(HttpStatus, Code, Format(args), HttpStatus, null);");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The code and the message template, such as <c>PM.02175201: Field {0} has invalid value {1}.</c></summary>");
            w.Line("/// <returns>The text.</returns>");
            w.Line("public override string ToString()");
            w.Line("{");
            w.Line("    return Code + \": \" + MessageTemplate;");
            w.Line("}");
            w.Line();
            w.Close();
            w.Line();

            // The catalog: one descriptor per entry, lookups and typed formatters.
            w.Line($"/// <summary>The errors of catalog <c>{model.CatalogName}</c>: one descriptor per code, lookups by code, and typed message formatters.</summary>");
            w.Line(GeneratedCodeAttribute);
            w.Open($"public static partial class {names.Errors}");
            for (int i = 0; i < model.Entries.Count; i++)
            {
                ErrorEntry entry = model.Entries[i];

                // The message, description and solution are documented once, on the constant; the
                // descriptor inherits them (the IDE shows the same hover), halving the generated text.
                // Unqualified: no member of this class can be named like the constants class (the validator reserves it).
                w.StartLine().Append("/// <inheritdoc cref=\"").Append(names.Codes).Append('.').Append(entry.Name).Append("\"/>").EndLine();
                w.StartLine().Append("public static ").Append(error).Append(' ').Append(entry.Name).Append(" => AllArray[").Append(i).Append("];").EndLine();
                w.Line();
            }

            w.Line("/// <summary>Finds the error with this exact code (ordinal comparison).</summary>");
            w.Line("/// <param name=\"code\">The error code, such as <c>error_code</c> from a response body; may be null.</param>");
            w.Line("/// <param name=\"error\">The error when found; otherwise null.</param>");
            w.Line("/// <returns>True when the code is in the catalog.</returns>");
            w.Line($"public static bool TryGet(string{q} code, out {error} error)");
            w.Line("{");
            w.Line($"    error = Lookup(code){(options.NullableAnnotations ? "!" : string.Empty)};");
            w.Line("    return error != null;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Finds the error with this exact code (ordinal comparison).</summary>");
            w.Line("/// <param name=\"code\">The error code; may be null.</param>");
            w.Line("/// <returns>The error, or null when the code is not in the catalog.</returns>");
            w.Line($"public static {error}{q} Find(string{q} code)");
            w.Line("{");
            w.Line("    return Lookup(code);");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Tells whether the code is in the catalog (ordinal comparison).</summary>");
            w.Line("/// <param name=\"code\">The error code; may be null.</param>");
            w.Line("/// <returns>True when the code is in the catalog.</returns>");
            w.Line($"public static bool IsKnown(string{q} code)");
            w.Line("{");
            w.Line("    return Lookup(code) != null;");
            w.Line("}");
            w.Line();
            w.Line("/// <summary>The HTTP status the catalog gives for a code.</summary>");
            w.Line("/// <param name=\"code\">The error code; may be null.</param>");
            w.Line("/// <returns>The status, or null when the code is not in the catalog.</returns>");
            w.Line($"public static int? GetHttpStatus(string{q} code)");
            w.Line("{");
            w.Line($"    {error}{q} error = Lookup(code);");
            w.Line("    return error == null ? (int?)null : error.HttpStatus;");
            w.Line("}");

            foreach (ErrorEntry entry in model.Entries)
            {
                if (entry.ParameterCount > 0)
                {
                    w.Line();
                    WriteFormatter(w, entry, names, q);
                }
            }

            w.Line();
            WriteFormatterHelpers(w, q);
            w.Line();

            // The data, last in the class. The descriptors live in one array, built at type
            // initialization from a table: five texts per entry (code, name, message, description,
            // solution; DescriptorTable), then the statuses and parameter counts in catalog order.
            // The texts are one literal split at a separator they do not contain: one token for the
            // compiler instead of five per entry. Each property above reads its element of AllArray.
            // (Static fields rather than locals of CreateAll: ~7% less compile time at 10,000 entries.)
            //
            // Why last: a long list slows the compiler's parse of every statement after it in the same
            // file (Roslyn 4.14+, the .NET 10 SDK's compiler: ~0.3 s more at 10,000 entries with the
            // table before the formatters; docs/performance.md). Static fields initialize in textual
            // order: the table before AllArray, AllArray before what is built from it.
            WriteTextTable(w, model);
            w.Line();
            WriteIntTable(w, "DescriptorStatuses", model.Entries, static entry => entry.HttpStatus);
            w.Line();
            WriteIntTable(w, "DescriptorParameterCounts", model.Entries, static entry => entry.ParameterCount);
            w.Line();
            w.Line($"private static readonly {error}[] AllArray = CreateAll();");
            w.Line();
            w.Line($"private static {error}[] CreateAll()");
            w.Line("{");
            w.Indent();
            w.Line($"{error}[] all = new {error}[DescriptorStatuses.Length];");
            w.Line("for (int i = 0; i < all.Length; i++)");
            w.Line("{");
            w.Line($"    int row = i * {DescriptorTable.TextsPerEntry};");
            w.Line($"    all[i] = new {error}(DescriptorTexts[row], DescriptorStatuses[i], DescriptorTexts[row + 1], DescriptorTexts[row + 2], DescriptorTexts[row + 3], DescriptorTexts[row + 4], DescriptorParameterCounts[i]);");
            w.Line("}");
            w.Line();
            w.Line("return all;");
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line("/// <summary>Every error of the catalog, in catalog order.</summary>");
            w.Line($"public static global::System.Collections.Generic.IReadOnlyList<{error}> All {{ get; }} = new global::System.Collections.ObjectModel.ReadOnlyCollection<{error}>(AllArray);");
            w.Line();
            // On .NET 8+ a FrozenDictionary (measured faster than a generated switch, see
            // docs/performance.md); elsewhere (netstandard2.0, .NET Framework) a Dictionary. Both
            // built from the descriptors, so the codes are not written a second time; both
            // allocation-free per lookup.
            w.Line("#if NET8_0_OR_GREATER");
            w.Line($"private static readonly global::System.Collections.Frozen.FrozenDictionary<string, {error}> ByCode =");
            w.Line($"    global::System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary(AllArray, e => e.Code, global::System.StringComparer.Ordinal);");
            w.Line("#else");
            string dictionary = $"global::System.Collections.Generic.Dictionary<string, {error}>";
            w.Line($"private static readonly {dictionary} ByCode = CreateByCode();");
            w.Line();
            w.Line($"private static {dictionary} CreateByCode()");
            w.Line("{");
            w.Line($"    {dictionary} byCode = new {dictionary}(AllArray.Length, global::System.StringComparer.Ordinal);");
            w.Line($"    foreach ({error} error in AllArray)");
            w.Line("    {");
            w.Line("        byCode.Add(error.Code, error);");
            w.Line("    }");
            w.Line();
            w.Line("    return byCode;");
            w.Line("}");
            w.Line("#endif");
            w.Line();
            w.Line($"private static {error}{q} Lookup(string{q} code)");
            w.Line("{");
            w.Line($"    {error}{q} error;");
            w.Line("    return code != null && ByCode.TryGetValue(code, out error) ? error : null;");
            w.Line("}");
            w.Close();
            return EndFile(w, options);
        }

        /// <summary>
        /// The typed formatters' shared helpers, private members of the errors class so the formatters
        /// call them by simple name (a qualified call per write cost the compiler ~0.1 ms per formatter).
        /// </summary>
        private static void WriteFormatterHelpers(CodeWriter w, string q)
        {
            // The typed formatters' stack-buffer writers (.NET 6+): each takes the position to write at
            // and returns the position after the text, or -1 once something did not fit.
            w.Line("#if NET6_0_OR_GREATER");
            w.Line("private static int WriteText(string text, global::System.Span<char> buffer, int at)");
            w.Line("{");
            w.Line("    if (at < 0 || text.Length > buffer.Length - at)");
            w.Line("    {");
            w.Line("        return -1;");
            w.Line("    }");
            w.Line();
            w.Line("    global::System.MemoryExtensions.AsSpan(text).CopyTo(buffer.Slice(at));");
            w.Line("    return at + text.Length;");
            w.Line("}");
            w.Line();
            w.Line($"private static int WriteValue(object{q} value, global::System.Span<char> buffer, int at)");
            w.Line("{");
            w.Line("    if (at < 0)");
            w.Line("    {");
            w.Line("        return -1;");
            w.Line("    }");
            w.Line();
            w.Line("    string" + q + " text = value as string;");
            w.Line("    if (text != null)");
            w.Line("    {");
            w.Line("        return WriteText(text, buffer, at);");
            w.Line("    }");
            w.Line();
            w.Line("    int written;");
            w.Line("    if (value is int)");
            w.Line("    {");
            w.Line("        return ((int)value).TryFormat(buffer.Slice(at), out written, default(global::System.ReadOnlySpan<char>), global::System.Globalization.CultureInfo.InvariantCulture) ? at + written : -1;");
            w.Line("    }");
            w.Line();
            w.Line($"    global::System.ISpanFormattable{q} formattable = value as global::System.ISpanFormattable;");
            w.Line("    if (formattable != null)");
            w.Line("    {");
            w.Line("        return formattable.TryFormat(buffer.Slice(at), out written, default(global::System.ReadOnlySpan<char>), global::System.Globalization.CultureInfo.InvariantCulture) ? at + written : -1;");
            w.Line("    }");
            w.Line();
            w.Line("    return WriteText(FormatArgument(value), buffer, at);");
            w.Line("}");
            w.Line();
            w.Line($"private static string{q} Finish(global::System.Span<char> buffer, int length)");
            w.Line("{");
            w.Line("    return length >= 0 ? new string(buffer.Slice(0, length)) : null;");
            w.Line("}");
            w.Line("#endif");
            w.Line();
            for (int holes = 1; holes <= MaxComposedHoles; holes++)
            {
                WriteCompose(w, holes, q);
            }

            w.Line($"private static string FormatArgument(object{q} value)");
            w.Line("{");
            w.Line($"    global::System.IFormattable{q} formattable = value as global::System.IFormattable;");
            w.Line("    if (formattable != null)");
            w.Line("    {");
            w.Line("        return formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;");
            w.Line("    }");
            w.Line();
            w.Line("    return value == null ? string.Empty : (value.ToString() ?? string.Empty);");
            w.Line("}");
            w.Line();
            w.Line($"private static string FormatArgument(object{q} value, int alignment, string{q} format)");
            w.Line("{");
            w.Line($"    global::System.IFormattable{q} formattable = value as global::System.IFormattable;");
            w.Line("    string text = formattable != null");
            w.Line("        ? (formattable.ToString(format, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)");
            w.Line("        : (value == null ? string.Empty : (value.ToString() ?? string.Empty));");
            w.Line("    return alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment);");
            w.Line("}");
        }

        private static void WriteFormatter(CodeWriter w, ErrorEntry entry, TypeNames names, string q)
        {
            w.StartLine().Append("/// <summary>Formats the message of <see cref=\"").Append(entry.Name).Append("\"/> (<c>").AppendXmlDocInline(entry.Code).Append("</c>), using the invariant culture:</summary>").EndLine();
            w.StartLine().Append("/// <remarks><code>").AppendXmlDocInline(entry.MessageTemplate).Append("</code></remarks>").EndLine();
            for (int p = 0; p < entry.ParameterCount; p++)
            {
                w.StartLine().Append("/// <param name=\"").Append(entry.ParameterNames[p]).Append("\">The value of placeholder ").Append(Placeholder(entry, p)).Append(".</param>").EndLine();
            }

            w.Line("/// <returns>The formatted message.</returns>");
            w.StartLine().Append("public static string Format").Append(entry.Name).Append('(');
            for (int p = 0; p < entry.ParameterCount; p++)
            {
                w.Append(p == 0 ? "object" : ", object").Append(q).Append(' ').Append(Identifiers.EscapeKeyword(entry.ParameterNames[p]));
            }

            w.Append(')').EndLine();
            w.Line("{");
            w.Indent();
            var shape = new FormatterShape(entry);
            if (shape.IsComposed)
            {
                WriteComposedBody(w, entry, names, shape);
                w.Outdent();
                w.Line("}");
                return;
            }

            // .NET 6+: the message is written into a buffer on the stack (arguments formatted straight
            // into it, ISpanFormattable) and only the result is allocated; a value too long for that
            // buffer falls back to one pooled buffer (DefaultInterpolatedStringHandler). Placeholders
            // with alignment or format always take the pooled buffer. Elsewhere: a concatenation of
            // the precomputed pieces.
            string local = UniqueLocal(entry, "text");
            w.Line("#if NET6_0_OR_GREATER");
            if (shape.Plain && shape.StackChars <= MaxStackChars)
            {
                WriteStackBufferPath(w, entry, names, shape.StackChars);
            }

            w.StartLine().Append("var ").Append(local).Append(" = new global::System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(")
                .Append(shape.LiteralLength).Append(", ").Append(shape.Holes).Append(", global::System.Globalization.CultureInfo.InvariantCulture);").EndLine();
            foreach (TemplateSegment segment in entry.Segments)
            {
                w.StartLine().Append(local);
                if (segment.IsLiteral)
                {
                    w.Append(".AppendLiteral(").AppendLiteral(segment.Literal!);
                }
                else
                {
                    w.Append(".AppendFormatted(");
                    AppendPlaceholderArguments(w, entry, segment);
                }

                w.Append(");").EndLine();
            }

            w.StartLine().Append("return ").Append(local).Append(".ToStringAndClear();").EndLine();
            w.Line("#else");
            w.StartLine().Append("return ");
            bool first = true;
            foreach (TemplateSegment segment in entry.Segments)
            {
                w.Append(first ? string.Empty : " + ");
                first = false;
                if (segment.IsLiteral)
                {
                    w.AppendLiteral(segment.Literal!);
                    continue;
                }

                w.Append(HelperPrefix(entry, names)).Append("FormatArgument(");
                AppendPlaceholderArguments(w, entry, segment);
                w.Append(')');
            }

            w.Append(";").EndLine();
            w.Line("#endif");
            w.Outdent();
            w.Line("}");
        }

        /// <summary>
        /// The most placeholders a formatter hands to the shared <c>Compose</c> slow path; templates with
        /// more, or with alignment or format, fall back to the pooled interpolated-string handler.
        /// </summary>
        private const int MaxComposedHoles = 3;

        /// <summary>The largest stack buffer a formatter writes its message into: the literal text plus 32 characters per placeholder.</summary>
        private const int MaxStackChars = 256;

        /// <summary>
        /// The shared slow path for <paramref name="holes"/> placeholders: texts and values alternate,
        /// starting and ending with a text, and are concatenated. The typed formatters take it when a
        /// value does not fit their stack buffer, and on targets before .NET 6. One body per arity
        /// instead of one per entry: the compiler binds and emits a single call per formatter for it
        /// (with the per-formatter interpolated-string handler code this replaces, a formatter cost the
        /// compiler ~0.9 ms).
        /// </summary>
        private static void WriteCompose(CodeWriter w, int holes, string q)
        {
            w.StartLine().Append("internal static string Compose(string text0");
            for (int h = 0; h < holes; h++)
            {
                w.Append(", object").Append(q).Append(" value").Append(h).Append(", string text").Append(h + 1);
            }

            w.Append(')').EndLine();
            w.Line("{");
            w.StartLine().Append("    return text0");
            for (int h = 0; h < holes; h++)
            {
                w.Append(" + FormatArgument(value").Append(h).Append(") + text").Append(h + 1);
            }

            w.Append(';').EndLine();
            w.Line("}");
            w.Line();
        }

        /// <summary>
        /// The body of a formatter whose template has 1 to <see cref="MaxComposedHoles"/> plain
        /// placeholders: on .NET 6+ the stack-buffer writes, then <c>Finish</c> or the shared
        /// <c>Compose</c> with the literal pieces (empty where two placeholders meet or the template
        /// starts or ends with one) and the values; elsewhere <c>Compose</c> alone.
        /// </summary>
        private static void WriteComposedBody(CodeWriter w, ErrorEntry entry, TypeNames names, FormatterShape shape)
        {
            // .NET 6+: the message is written into a stack buffer sized from the template (values
            // formatted in place; the texts are constants the JIT copies without a loop) and only the
            // result is allocated. A value that does not fit, a template too long for the buffer, and
            // other targets: the shared concatenation.
            if (shape.StackChars <= MaxStackChars)
            {
                w.Line("#if NET6_0_OR_GREATER");
                string buffer = UniqueLocal(entry, "buffer");
                string length = UniqueLocal(entry, "length");
                WriteStackWrites(w, entry, names, shape.StackChars, buffer, length);
                w.StartLine().Append("return ").Append(HelperPrefix(entry, names)).Append("Finish(").Append(buffer).Append(", ").Append(length).Append(") ?? ");
                WriteComposeCall(w, entry, names);
                w.Line("#else");
                w.StartLine().Append("return ");
                WriteComposeCall(w, entry, names);
                w.Line("#endif");
            }
            else
            {
                w.StartLine().Append("return ");
                WriteComposeCall(w, entry, names);
            }
        }

        private static void WriteComposeCall(CodeWriter w, ErrorEntry entry, TypeNames names)
        {
            w.Append(HelperPrefix(entry, names)).Append("Compose(");

            bool expectText = true;
            bool first = true;
            foreach (TemplateSegment segment in entry.Segments)
            {
                if (!segment.IsLiteral && expectText)
                {
                    w.Append(first ? "\"\"" : ", \"\"");
                    first = false;
                }

                w.Append(first ? string.Empty : ", ");
                first = false;
                if (segment.IsLiteral)
                {
                    w.AppendLiteral(segment.Literal!);
                }
                else
                {
                    w.Append(Identifiers.EscapeKeyword(entry.ParameterNames[segment.ParameterIndex]));
                }

                expectText = !segment.IsLiteral;
            }

            if (expectText)
            {
                w.Append(", \"\"");
            }

            w.Append(");").EndLine();
        }

        /// <summary>What the emitter needs to know of a formatter's template, measured once.</summary>
        private readonly struct FormatterShape
        {
            public FormatterShape(ErrorEntry entry)
            {
                int holes = 0;
                int literalLength = 0;
                bool plain = true;
                foreach (TemplateSegment segment in entry.Segments)
                {
                    if (segment.IsLiteral)
                    {
                        literalLength += segment.Literal!.Length;
                    }
                    else
                    {
                        holes++;
                        plain &= segment.Alignment == 0 && segment.Format == null;
                    }
                }

                Holes = holes;
                LiteralLength = literalLength;
                Plain = plain;
            }

            /// <summary>Placeholder occurrences in the template (a repeated placeholder counts each time).</summary>
            public int Holes { get; }

            /// <summary>Characters of literal text.</summary>
            public int LiteralLength { get; }

            /// <summary>No placeholder has alignment or format.</summary>
            public bool Plain { get; }

            /// <summary>The stack buffer the message is written into: the literal text plus 32 characters per placeholder.</summary>
            public int StackChars => LiteralLength + (32 * Holes);

            /// <summary>
            /// The formatter hands its pieces to the shared <c>Compose</c> (texts and values alternate:
            /// the template parser merges adjacent literal text); otherwise it gets a body of its own.
            /// </summary>
            public bool IsComposed => Plain && Holes > 0 && Holes <= MaxComposedHoles;
        }

        /// <summary>
        /// .NET 6+ formatter body: texts and values written into a stack buffer of
        /// <paramref name="stackChars"/> characters; returns the message when everything fit.
        /// </summary>
        private static void WriteStackBufferPath(CodeWriter w, ErrorEntry entry, TypeNames names, int stackChars)
        {
            string buffer = UniqueLocal(entry, "buffer");
            string length = UniqueLocal(entry, "length");
            WriteStackWrites(w, entry, names, stackChars, buffer, length);
            w.StartLine().Append("if (").Append(length).Append(" >= 0)").EndLine();
            w.Line("{");
            w.StartLine().Append("    return new string(").Append(buffer).Append(".Slice(0, ").Append(length).Append("));").EndLine();
            w.Line("}");
            w.Line();
        }

        private static void WriteStackWrites(CodeWriter w, ErrorEntry entry, TypeNames names, int stackChars, string buffer, string length)
        {
            w.StartLine().Append("global::System.Span<char> ").Append(buffer).Append(" = stackalloc char[").Append(stackChars).Append("];").EndLine();
            bool firstPiece = true;
            string helpers = HelperPrefix(entry, names);
            foreach (TemplateSegment segment in entry.Segments)
            {
                w.StartLine().Append(firstPiece ? "int " : string.Empty).Append(length).Append(" = ").Append(helpers);
                if (segment.IsLiteral)
                {
                    w.Append("WriteText(").AppendLiteral(segment.Literal!);
                }
                else
                {
                    w.Append("WriteValue(").Append(Identifiers.EscapeKeyword(entry.ParameterNames[segment.ParameterIndex]));
                }

                w.Append(", ").Append(buffer).Append(", ").Append(firstPiece ? "0" : length).Append(");").EndLine();
                firstPiece = false;
            }
        }

        /// <summary>
        /// How a formatter calls the helpers: by simple name, unless one of its parameters has a
        /// helper's name and would hide it; then qualified.
        /// </summary>
        private static string HelperPrefix(ErrorEntry entry, TypeNames names)
        {
            foreach (string parameter in entry.ParameterNames)
            {
                if (CatalogValidator.FormatterHelperNames.Contains(parameter))
                {
                    return names.ErrorsQualified + ".";
                }
            }

            return string.Empty;
        }

        /// <summary>A local variable name that no parameter of the formatter uses.</summary>
        private static string UniqueLocal(ErrorEntry entry, string name)
        {
            bool taken = true;
            while (taken)
            {
                taken = false;
                foreach (string parameter in entry.ParameterNames)
                {
                    if (parameter == name)
                    {
                        name += "_";
                        taken = true;
                        break;
                    }
                }
            }

            return name;
        }

        /// <summary>
        /// The arguments for one placeholder: <c>field</c>, or <c>field, 8, "N2"</c> with alignment or
        /// format. The same list fits <c>AppendFormatted</c> and the generated <c>FormatArgument</c>.
        /// </summary>
        private static void AppendPlaceholderArguments(CodeWriter w, ErrorEntry entry, TemplateSegment segment)
        {
            w.Append(Identifiers.EscapeKeyword(entry.ParameterNames[segment.ParameterIndex]));
            if (segment.Alignment == 0 && segment.Format == null)
            {
                return;
            }

            w.Append(", ").Append(segment.Alignment).Append(", ");
            if (segment.Format == null)
            {
                w.Append("null");
            }
            else
            {
                w.AppendLiteral(segment.Format);
            }
        }

        private static string EmitExceptions(CodeWriter w, CatalogModel model, EmitOptions options, TypeNames names)
        {
            string q = options.NullableAnnotations ? "?" : string.Empty;
            string exception = names.ExceptionQualified;
            var statuses = new SortedSet<int>();
            foreach (ErrorEntry entry in model.Entries)
            {
                statuses.Add(entry.HttpStatus);
            }

            StartFile(w, options);
            w.Line($"/// <summary>An error answered by a service whose errors catalog <c>{model.CatalogName}</c> describes.</summary>");
            w.Line($"/// <remarks>Create one from a response body with <see cref=\"FromResponse\"/>; it returns the subclass for the error's HTTP status, such as <c>{names.Catalog}NotFoundException</c>.</remarks>");
            w.Line(GeneratedCodeAttribute);
            w.Open($"public partial class {names.Exception} : global::System.Exception");
            w.Line("/// <summary>Creates the exception for an error code.</summary>");
            WriteExceptionConstructorParams(w);
            w.Line($"public {names.Exception}(string errorCode, string{q} errorMessage, int? httpStatus = null, global::System.Exception{q} innerException = null)");
            w.Line("    : base(BuildMessage(errorCode, errorMessage), innerException)");
            w.Line("{");
            w.Indent();
            w.Line("ErrorCode = errorCode;");
            w.Line("ErrorMessage = errorMessage;");
            w.Line($"Error = {names.ErrorsQualified}.Find(errorCode);");
            w.Line("HttpStatus = httpStatus ?? (Error == null ? (int?)null : Error.HttpStatus);");
            w.Outdent();
            w.Line("}");
            w.Line();
            WriteProperty(w, "string", "ErrorCode", "The error code (<c>error_code</c>).");
            WriteProperty(w, "string" + q, "ErrorMessage", "The error message as received (<c>error_msg</c>), or null.");
            WriteProperty(w, "int?", "HttpStatus", "The HTTP status: as received, else the catalog's for a known code, else null.");
            WriteProperty(w, names.ErrorQualified + q, "Error", "The catalog's descriptor of the code, or null when the code is not in the catalog.");
            w.Line("/// <summary>Maps a received error body to the most specific exception: a known code gives the exception type of its HTTP status with <see cref=\"Error\"/> set; an unknown code gives a plain <see cref=\"" + names.Exception + "\"/>.</summary>");
            w.Line("/// <param name=\"errorCode\">The <c>error_code</c> of the response body.</param>");
            w.Line("/// <param name=\"errorMessage\">The <c>error_msg</c> of the response body, or null.</param>");
            w.Line("/// <param name=\"httpStatus\">The HTTP status received, or null to take the catalog's.</param>");
            w.Line("/// <returns>The exception, ready to throw.</returns>");
            w.Line($"public static {exception} FromResponse(string errorCode, string{q} errorMessage, int? httpStatus = null)");
            w.Line("{");
            w.Indent();
            w.Line($"{names.ErrorQualified}{q} error = {names.ErrorsQualified}.Find(errorCode);");
            w.Line("if (error == null)");
            w.Line("{");
            w.Line($"    return new {exception}(errorCode, errorMessage, httpStatus, null);");
            w.Line("}");
            w.Line();
            w.Line("return CreateForStatus(error.HttpStatus, errorCode, errorMessage, httpStatus ?? error.HttpStatus, null);");
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line($"internal static {exception} CreateForStatus(int catalogStatus, string errorCode, string{q} errorMessage, int? httpStatus, global::System.Exception{q} innerException)");
            w.Line("{");
            w.Indent();
            w.Line("switch (catalogStatus)");
            w.Line("{");
            w.Indent();
            foreach (int status in statuses)
            {
                w.Line($"case {status.ToString(CultureInfo.InvariantCulture)}: return new {names.QualifiedStatusException(status)}(errorCode, errorMessage, httpStatus, innerException);");
            }

            w.Line($"default: return new {exception}(errorCode, errorMessage, httpStatus, innerException);");
            w.Outdent();
            w.Line("}");
            w.Outdent();
            w.Line("}");
            w.Line();
            w.Line($"private static string BuildMessage(string errorCode, string{q} errorMessage)");
            w.Line("{");
            w.Line("    if (errorCode == null)");
            w.Line("    {");
            w.Line("        throw new global::System.ArgumentNullException(nameof(errorCode));");
            w.Line("    }");
            w.Line();
            w.Line("    return errorMessage == null ? errorCode : errorCode + \": \" + errorMessage;");
            w.Line("}");
            w.Close();

            foreach (int status in statuses)
            {
                string type = names.StatusException(status);
                string reason = HttpStatusNames.EnumName(status) ?? "no HttpStatusCode member";
                string statusText = status.ToString(CultureInfo.InvariantCulture);
                w.Line();
                w.Line($"/// <summary>An error of catalog <c>{model.CatalogName}</c> whose HTTP status is {statusText} ({reason}).</summary>");
                w.Line(GeneratedCodeAttribute);
                w.Open($"public partial class {type} : {exception}");
                w.Line($"/// <summary>Creates the exception for an error code of HTTP status {statusText}.</summary>");
                WriteExceptionConstructorParams(w);
                w.Line($"public {type}(string errorCode, string{q} errorMessage, int? httpStatus = null, global::System.Exception{q} innerException = null)");
                w.Line("    : base(errorCode, errorMessage, httpStatus, innerException)");
                w.Line("{");
                w.Line("}");
                w.Close();
            }

            return EndFile(w, options);
        }

        private static void WriteExceptionConstructorParams(CodeWriter w)
        {
            w.Line("/// <param name=\"errorCode\">The error code (<c>error_code</c>).</param>");
            w.Line("/// <param name=\"errorMessage\">The error message (<c>error_msg</c>), or null.</param>");
            w.Line("/// <param name=\"httpStatus\">The HTTP status received, or null to take the catalog's for a known code.</param>");
            w.Line("/// <param name=\"innerException\">The exception that caused this one, or null.</param>");
        }

        /// <summary>
        /// The hover text of a constant: the message as summary; code, HTTP status, description and
        /// solution as remarks. Two lines per entry (line breaks of the texts become <c>&lt;br/&gt;</c>),
        /// which keeps large catalogs' generated text, and so their generation and compile time, small.
        /// </summary>
        private static void WriteEntryDocs(CodeWriter w, ErrorEntry entry)
        {
            w.StartLine().Append("/// <summary>").AppendXmlDocInline(entry.MessageTemplate).Append("</summary>").EndLine();
            string? statusName = HttpStatusNames.EnumName(entry.HttpStatus);
            w.StartLine().Append("/// <remarks><para>Code <c>").AppendXmlDocInline(entry.Code).Append("</c>, HTTP ").Append(entry.HttpStatus);
            if (statusName != null)
            {
                w.Append(" (").Append(statusName).Append(')');
            }

            w.Append(".</para>");
            if (entry.Description.Length > 0)
            {
                w.Append("<para>Description: ").AppendXmlDocInline(entry.Description).Append("</para>");
            }

            if (entry.Solution.Length > 0)
            {
                w.Append("<para>Solution: ").AppendXmlDocInline(entry.Solution).Append("</para>");
            }

            w.Append("</remarks>").EndLine();
        }

        private static void WriteProperty(CodeWriter w, string type, string name, string summary)
        {
            w.Line($"/// <summary>{summary}</summary>");
            w.Line($"public {type} {name} {{ get; }}");
            w.Line();
        }

        /// <summary>How a placeholder of a parameter appears in the message: <c>{0}</c> or <c>{id}</c>.</summary>
        private static string Placeholder(ErrorEntry entry, int parameterIndex)
        {
            foreach (TemplateSegment segment in entry.Segments)
            {
                if (!segment.IsLiteral && segment.ParameterIndex == parameterIndex)
                {
                    return "<c>{" + CSharpText.XmlDocInline(entry.MessageTemplate.Contains("{" + entry.ParameterNames[parameterIndex]) ? entry.ParameterNames[parameterIndex] : parameterIndex.ToString(CultureInfo.InvariantCulture)) + "}</c>";
                }
            }

            return parameterIndex.ToString(CultureInfo.InvariantCulture);
        }

        /// <summary>
        /// The descriptor texts (<see cref="DescriptorTable"/>): one literal joined at a separator none
        /// of them contains and split at type initialization, or, when no separator is free, one
        /// literal per text.
        /// </summary>
        private static void WriteTextTable(CodeWriter w, CatalogModel model)
        {
            char? separator = DescriptorTable.Separator(model);
            if (separator == null)
            {
                w.Line("private static readonly string[] DescriptorTexts = new string[]");
                w.Line("{");
                w.Indent();
                foreach (ErrorEntry entry in model.Entries)
                {
                    w.StartLine();
                    for (int i = 0; i < DescriptorTable.TextsPerEntry; i++)
                    {
                        w.Append(i == 0 ? string.Empty : " ").AppendLiteral(DescriptorTable.Text(entry, i)).Append(',');
                    }

                    w.EndLine();
                }

                w.Outdent();
                w.Line("};");
                return;
            }

            string escaped = CSharpText.UnicodeEscape(separator.Value);
            w.StartLine().Append("private static readonly string[] DescriptorTexts = \"");
            for (int e = 0; e < model.Entries.Count; e++)
            {
                for (int i = 0; i < DescriptorTable.TextsPerEntry; i++)
                {
                    if (e > 0 || i > 0)
                    {
                        w.Append(escaped);
                    }

                    w.AppendLiteralContent(DescriptorTable.Text(model.Entries[e], i));
                }
            }

            w.Append("\".Split('").Append(escaped).Append("');").EndLine();
        }

        /// <summary>A private static <c>int[]</c> with one value per entry, twenty to a line.</summary>
        private static void WriteIntTable(CodeWriter w, string name, EquatableArray<ErrorEntry> entries, Func<ErrorEntry, int> value)
        {
            w.Line($"private static readonly int[] {name} = new int[]");
            w.Line("{");
            w.Indent();
            for (int i = 0; i < entries.Count; i += 20)
            {
                w.StartLine();
                for (int j = i; j < Math.Min(i + 20, entries.Count); j++)
                {
                    w.Append(j == i ? string.Empty : " ").Append(value(entries[j])).Append(',');
                }

                w.EndLine();
            }

            w.Outdent();
            w.Line("};");
        }

        private static string ReadToolVersion()
        {
            var attribute = (System.Reflection.AssemblyInformationalVersionAttribute?)System.Attribute.GetCustomAttribute(
                typeof(CSharpEmitter).Assembly, typeof(System.Reflection.AssemblyInformationalVersionAttribute));
            string version = attribute?.InformationalVersion ?? "0.0.0";
            int plus = version.IndexOf('+');
            return plus < 0 ? version : version.Substring(0, plus);
        }

        /// <summary>
        /// About the length of the constants file: its fixed text per entry plus the entry's texts
        /// (escapes may add a little; the builder then grows by a chunk). Sizing the builder once keeps
        /// a large catalog's text out of thousands of short-lived chunks, which the GC would copy.
        /// </summary>
        internal static int EstimateCodes(CatalogModel model)
        {
            long total = 2000;
            foreach (ErrorEntry entry in model.Entries)
            {
                total += 200 + entry.MessageTemplate.Length + entry.Description.Length + entry.Solution.Length + (2 * entry.Code.Length) + entry.Name.Length;
            }

            return ClampCapacity(total);
        }

        /// <summary>About the length of the descriptors file (see <see cref="EstimateCodes"/>).</summary>
        internal static int EstimateErrors(CatalogModel model, string catalogName, string? ns) => EstimateErrors(model, new TypeNames(catalogName, ns));

        private static int EstimateErrors(CatalogModel model, TypeNames names)
        {
            long total = 12000;
            foreach (ErrorEntry entry in model.Entries)
            {
                // The property with its docs, and the entry's texts in the joined table (4 separators).
                total += 160 + names.Codes.Length + names.ErrorQualified.Length + (4 * entry.Name.Length) + entry.Code.Length
                    + entry.MessageTemplate.Length + entry.Description.Length + entry.Solution.Length;
                if (entry.ParameterCount > 0 && new FormatterShape(entry).IsComposed)
                {
                    // The formatter: docs, the stack-buffer writes and the Compose call twice.
                    total += 640 + (3 * entry.MessageTemplate.Length) + (3 * names.ErrorQualified.Length)
                        + (entry.Segments.Count * (names.ErrorQualified.Length + 60));
                }
                else if (entry.ParameterCount > 0)
                {
                    // The formatter: docs, the stack-buffer path, the pooled path and the concatenation,
                    // a line or a piece per template segment in each.
                    total += 700 + (3 * entry.MessageTemplate.Length) + names.ErrorsQualified.Length
                        + (entry.Segments.Count * ((2 * names.ErrorQualified.Length) + 150));
                }
            }

            return ClampCapacity(total);
        }

        private static int ClampCapacity(long estimate) => (int)Math.Min(estimate, 256L * 1024 * 1024);

        private static void StartFile(CodeWriter w, EmitOptions options)
        {
            w.Line("// <auto-generated/>");
            w.Line("// Generated by " + ToolName + " " + ToolVersion + " from " + SafeComment(options.SourceFileName) + ". Edit the catalog, not this file.");
            if (options.NullableAnnotations)
            {
                // Annotations only: the API carries its nullability, and generated code never warns
                // (a warning there helps no user, and fails a TreatWarningsAsErrors build). The
                // compiler still runs its flow analysis, somewhat cheaper (-8% of the emit phase of
                // 10,000 properties). A test compiles the bodies with warnings on.
                w.Line("#nullable enable annotations");
            }

            w.Line();
            if (!string.IsNullOrEmpty(options.Namespace))
            {
                w.Open("namespace " + options.Namespace);
            }
        }

        private static string EndFile(CodeWriter w, EmitOptions options)
        {
            if (!string.IsNullOrEmpty(options.Namespace))
            {
                w.Close();
            }

            return w.ToString();
        }

        /// <summary>A file name on a '//' line: nothing that could end the comment line.</summary>
        private static string SafeComment(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                builder.Append(c < 0x20 || c == '\u0085' || c == '\u2028' || c == '\u2029' ? '_' : c);
            }

            return builder.ToString();
        }

        /// <summary>The generated type names of a catalog, computed once per emit.</summary>
        private sealed class TypeNames
        {
            private readonly string _qualifier;

            public TypeNames(string catalog, string? ns)
            {
                Catalog = catalog;
                _qualifier = string.IsNullOrEmpty(ns) ? "global::" : "global::" + ns + ".";
                Codes = catalog + "ErrorCodes";
                Error = catalog + "Error";
                Errors = catalog + "Errors";
                Exception = catalog + "Exception";
                ErrorQualified = _qualifier + Error;
                ErrorsQualified = _qualifier + Errors;
                CodesQualified = _qualifier + Codes;
                ExceptionQualified = _qualifier + Exception;
            }

            public string Catalog { get; }

            public string Codes { get; }

            public string Error { get; }

            public string Errors { get; }

            public string Exception { get; }

            public string ErrorQualified { get; }

            public string ErrorsQualified { get; }

            public string CodesQualified { get; }

            public string ExceptionQualified { get; }

            public string StatusException(int status) => Catalog + HttpStatusNames.ExceptionStem(status) + "Exception";

            public string QualifiedStatusException(int status) => _qualifier + StatusException(status);
        }
    }
}
