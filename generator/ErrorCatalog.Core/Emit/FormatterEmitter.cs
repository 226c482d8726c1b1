using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using Members = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The typed formatters of <c>XErrors</c>, <c>Format&lt;Name&gt;(…)</c>, one per entry with
    /// placeholders, shaped by the plan (<see cref="FormatterPlan"/>), then their shared helpers
    /// (<see cref="FormatterHelpers"/>). Each gives exactly the text of
    /// <c>string.Format(CultureInfo.InvariantCulture, template, args)</c>.
    /// </summary>
    internal static class FormatterEmitter
    {
        /// <summary>
        /// What one formatter body writes: the entry's parameters, the template's segments (the neutral
        /// message's, or a translation's bound to the same parameters), their plan, the helpers' qualifier,
        /// and the format provider expression (null: the invariant culture).
        /// </summary>
        internal readonly struct Body
        {
            public Body(ErrorEntry entry, EquatableArray<TemplateSegment> segments, FormatterPlan plan, string helpers, string? provider)
            {
                Entry = entry;
                Segments = segments;
                Plan = plan;
                Helpers = helpers;
                Provider = provider;
            }

            public ErrorEntry Entry { get; }

            public EquatableArray<TemplateSegment> Segments { get; }

            public FormatterPlan Plan { get; }

            public string Helpers { get; }

            public string? Provider { get; }
        }

        public static void Emit(CodeWriter w, EmitContext c)
        {
            foreach (FormatterPlan formatter in c.Plan.Formatters)
            {
                w.Line();
                WriteFormatter(w, c, c.Model.Entries[formatter.Entry], formatter);
            }

            w.Line();
            FormatterHelpers.Emit(w, c.NullableMark);
        }

        private static void WriteFormatter(CodeWriter w, EmitContext c, ErrorEntry entry, FormatterPlan plan)
        {
            w.Line($"/// <summary>Formats the message of <see cref=\"{entry.Name}\"/> (<c>{CodeWriter.Doc(entry.Code)}</c>), using the invariant culture:</summary>");
            w.Line($"/// <remarks><code>{CodeWriter.Doc(entry.MessageTemplate)}</code></remarks>");
            for (int p = 0; p < entry.ParameterCount; p++)
            {
                w.Line($"/// <param name=\"{entry.ParameterNames[p]}\">The value of placeholder {Placeholder(entry, p)}.</param>");
            }

            w.Line("/// <returns>The formatted message.</returns>");
            w.StartMappedLine(entry.CodeSpan, "public static string ").Append($"{Members.Formatter(entry.Name)}(");
            WriteParameters(w, c, entry, commaBefore: false);
            w.Append(')').EndMappedLine();
            w.Open();
            WriteBody(w, new Body(entry, entry.Segments, plan, plan.QualifiedHelpers ? c.Names.ErrorsQualified + "." : string.Empty, null));
            w.Close();
        }

        /// <summary>
        /// The formatter's parameters with their types (<see cref="ParameterType"/>), separated by commas;
        /// <paramref name="commaBefore"/> puts one before the first too (they follow other parameters).
        /// </summary>
        internal static void WriteParameters(CodeWriter w, EmitContext c, ErrorEntry entry, bool commaBefore)
        {
            for (int p = 0; p < entry.ParameterCount; p++)
            {
                string type = ParameterType.CSharp(ParameterType.Of(entry, p), c.NullableMark);
                w.Append($"{(p == 0 && !commaBefore ? string.Empty : ", ")}{type} {Identifiers.EscapeKeyword(entry.ParameterNames[p])}");
            }
        }

        /// <summary>The statements that return the message: the composed shape or the handler shape, by the plan.</summary>
        internal static void WriteBody(CodeWriter w, Body body)
        {
            if (body.Plan.IsComposed)
            {
                WriteComposedBody(w, body);
            }
            else
            {
                WriteHandlerBody(w, body);
            }
        }

        /// <summary>
        /// 1 to <see cref="EmitPlan.MaxComposedHoles"/> plain placeholders. .NET 6+: the message is
        /// written into a stack buffer sized from the template (values formatted in place; the texts are
        /// constants the JIT copies without a loop) and only the result is allocated. A value that does
        /// not fit, a template too long for the buffer, and other targets: the shared <c>Compose</c>.
        /// </summary>
        private static void WriteComposedBody(CodeWriter w, Body b)
        {
            if (!b.Plan.UsesStackBuffer)
            {
                w.StartLine().Append("return ");
                WriteComposeCall(w, b);
                return;
            }

            w.Line("#if NET6_0_OR_GREATER");
            string buffer = UniqueLocal(b.Entry, "buffer");
            string length = UniqueLocal(b.Entry, "length");
            WriteStackWrites(w, b, buffer, length);
            w.StartLine().Append($"return {b.Helpers}{Members.Finish}({buffer}, {length}) ?? ");
            WriteComposeCall(w, b);
            w.Line("#else");
            w.StartLine().Append("return ");
            WriteComposeCall(w, b);
            w.Line("#endif");
        }

        /// <summary>
        /// More placeholders, or alignment or format. .NET 6+: the stack buffer when the placeholders are
        /// plain and it fits, else one pooled buffer (DefaultInterpolatedStringHandler); elsewhere a
        /// concatenation of the precomputed pieces.
        /// </summary>
        private static void WriteHandlerBody(CodeWriter w, Body b)
        {
            ErrorEntry entry = b.Entry;
            FormatterPlan plan = b.Plan;
            string local = UniqueLocal(entry, "text");
            w.Line("#if NET6_0_OR_GREATER");
            if (plan.Plain && plan.UsesStackBuffer)
            {
                string buffer = UniqueLocal(entry, "buffer");
                string length = UniqueLocal(entry, "length");
                WriteStackWrites(w, b, buffer, length);
                w.Open($"if ({length} >= 0)");
                w.Line($"return new string({buffer}.Slice(0, {length}));");
                w.Close();
                w.Line();
            }

            string provider = b.Provider ?? "global::System.Globalization.CultureInfo.InvariantCulture";
            w.Line($"var {local} = new global::System.Runtime.CompilerServices.DefaultInterpolatedStringHandler({plan.LiteralLength}, {plan.Holes}, {provider});");
            foreach (TemplateSegment segment in b.Segments)
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

            w.Line($"return {local}.ToStringAndClear();");
            w.Line("#else");
            w.StartLine().Append("return ");
            bool first = true;
            foreach (TemplateSegment segment in b.Segments)
            {
                w.Append(first ? string.Empty : " + ");
                first = false;
                if (segment.IsLiteral)
                {
                    w.AppendLiteral(segment.Literal!);
                    continue;
                }

                w.Append(b.Helpers).Append(Members.FormatArgument).Append('(');
                AppendPlaceholderArguments(w, entry, segment);
                w.Append(b.Provider == null ? string.Empty : ", " + b.Provider).Append(')');
            }

            w.Append(";").EndLine();
            w.Line("#endif");
        }

        /// <summary>The shared slow path: texts and values alternate, empty texts where two placeholders meet or the template starts or ends with one.</summary>
        private static void WriteComposeCall(CodeWriter w, Body b)
        {
            ErrorEntry entry = b.Entry;
            w.Append(b.Helpers).Append(Members.Compose).Append('(').Append(b.Provider == null ? string.Empty : b.Provider + ", ");
            bool expectText = true;
            bool first = true;
            foreach (TemplateSegment segment in b.Segments)
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

        private static void WriteStackWrites(CodeWriter w, Body b, string buffer, string length)
        {
            w.StartLine().Append("global::System.Span<char> ").Append(buffer).Append(" = stackalloc char[").Append(b.Plan.StackChars).Append("];").EndLine();
            bool firstPiece = true;
            foreach (TemplateSegment segment in b.Segments)
            {
                w.StartLine().Append(firstPiece ? "int " : string.Empty).Append(length).Append(" = ").Append(b.Helpers);
                string provider = string.Empty;
                if (segment.IsLiteral)
                {
                    w.Append(Members.WriteText).Append('(').AppendLiteral(segment.Literal!);
                }
                else
                {
                    w.Append(Members.WriteValue).Append('(').Append(Identifiers.EscapeKeyword(b.Entry.ParameterNames[segment.ParameterIndex]));
                    provider = b.Provider == null ? string.Empty : ", " + b.Provider;
                }

                w.Append(", ").Append(buffer).Append(", ").Append(firstPiece ? "0" : length).Append(provider).Append(");").EndLine();
                firstPiece = false;
            }
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

        /// <summary>A local variable name that no parameter of the formatter uses.</summary>
        internal static string UniqueLocal(ErrorEntry entry, string name)
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

        /// <summary>How a placeholder of a parameter appears in the message: <c>{0}</c> or <c>{id}</c>.</summary>
        private static string Placeholder(ErrorEntry entry, int parameterIndex)
        {
            foreach (TemplateSegment segment in entry.Segments)
            {
                if (!segment.IsLiteral && segment.ParameterIndex == parameterIndex)
                {
                    string name = entry.ParameterNames[parameterIndex];
                    string shown = entry.MessageTemplate.Contains("{" + name) ? name : parameterIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return "<c>{" + CSharpText.XmlDocInline(shown) + "}</c>";
                }
            }

            return parameterIndex.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
