using M = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The typed formatters' shared helpers, private members of <c>XErrors</c> so the formatters call
    /// them by simple name (a qualified call per write cost the compiler ~0.1 ms per formatter).
    /// </summary>
    internal static class FormatterHelpers
    {
        public static void Emit(CodeWriter w, string q)
        {
            // The stack-buffer writers (.NET 6+): each takes the position to write at and returns the
            // position after the text, or -1 once something did not fit.
            w.Block($$"""
                #if NET6_0_OR_GREATER
                private static int {{M.WriteText}}(string text, global::System.Span<char> buffer, int at)
                {
                    if (at < 0 || text.Length > buffer.Length - at)
                    {
                        return -1;
                    }

                    global::System.MemoryExtensions.AsSpan(text).CopyTo(buffer.Slice(at));
                    return at + text.Length;
                }

                private static int {{M.WriteValue}}(object{{q}} value, global::System.Span<char> buffer, int at)
                {
                    if (at < 0)
                    {
                        return -1;
                    }

                    string{{q}} text = value as string;
                    if (text != null)
                    {
                        return {{M.WriteText}}(text, buffer, at);
                    }

                    int written;
                    if (value is int)
                    {
                        return ((int)value).TryFormat(buffer.Slice(at), out written, default(global::System.ReadOnlySpan<char>), global::System.Globalization.CultureInfo.InvariantCulture) ? at + written : -1;
                    }

                    global::System.ISpanFormattable{{q}} formattable = value as global::System.ISpanFormattable;
                    if (formattable != null)
                    {
                        return formattable.TryFormat(buffer.Slice(at), out written, default(global::System.ReadOnlySpan<char>), global::System.Globalization.CultureInfo.InvariantCulture) ? at + written : -1;
                    }

                    return {{M.WriteText}}({{M.FormatArgument}}(value), buffer, at);
                }

                private static string{{q}} {{M.Finish}}(global::System.Span<char> buffer, int length)
                {
                    return length >= 0 ? new string(buffer.Slice(0, length)) : null;
                }
                #endif

                """);
            for (int holes = 1; holes <= EmitPlan.MaxComposedHoles; holes++)
            {
                WriteCompose(w, holes, q);
            }

            w.Block($$"""
                private static string {{M.FormatArgument}}(object{{q}} value)
                {
                    global::System.IFormattable{{q}} formattable = value as global::System.IFormattable;
                    if (formattable != null)
                    {
                        return formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                    }

                    return value == null ? string.Empty : (value.ToString() ?? string.Empty);
                }

                private static string {{M.FormatArgument}}(object{{q}} value, int alignment, string{{q}} format)
                {
                    global::System.IFormattable{{q}} formattable = value as global::System.IFormattable;
                    string text = formattable != null
                        ? (formattable.ToString(format, global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty)
                        : (value == null ? string.Empty : (value.ToString() ?? string.Empty));
                    return alignment >= 0 ? text.PadLeft(alignment) : text.PadRight(-alignment);
                }
                """);
        }

        /// <summary>
        /// The shared slow path for <paramref name="holes"/> placeholders: texts and values alternate,
        /// starting and ending with a text, and are concatenated. The typed formatters take it when a
        /// value does not fit their stack buffer, and on targets before .NET 6. One body per arity
        /// instead of one per entry: the compiler binds and emits a single call per formatter for it.
        /// </summary>
        private static void WriteCompose(CodeWriter w, int holes, string q)
        {
            w.StartLine().Append("internal static string ").Append(M.Compose).Append("(string text0");
            for (int h = 0; h < holes; h++)
            {
                w.Append(", object").Append(q).Append(" value").Append(h).Append(", string text").Append(h + 1);
            }

            w.Append(')').EndLine();
            w.Line("{");
            w.StartLine().Append("    return text0");
            for (int h = 0; h < holes; h++)
            {
                w.Append(" + ").Append(M.FormatArgument).Append("(value").Append(h).Append(") + text").Append(h + 1);
            }

            w.Append(';').EndLine();
            w.Line("}");
            w.Line();
        }
    }
}
