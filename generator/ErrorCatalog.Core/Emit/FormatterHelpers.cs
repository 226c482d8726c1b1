using Members = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The typed formatters' shared helpers, private members of <c>XErrors</c> so the formatters call
    /// them by simple name (a qualified call per write cost the compiler ~0.1 ms per formatter).
    /// Generic in the value: an <c>int</c> or a <c>DateTimeOffset</c> goes through without boxing
    /// (.NET 6+ calls <c>ISpanFormattable</c> on the value itself). The invariant set formats with the
    /// invariant culture; the culture formatters (<see cref="CultureEmitter"/>) add the same helpers
    /// taking the culture as an <c>IFormatProvider</c>.
    /// </summary>
    internal static class FormatterHelpers
    {
        private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

        /// <summary>The invariant helpers, with the stack-buffer text writer and <c>Finish</c> they share with the culture set.</summary>
        public static void Emit(CodeWriter w, string q)
        {
            // The stack-buffer writers (.NET 6+): each takes the position to write at and returns the
            // position after the text, or -1 once something did not fit.
            w.Block($$"""
                #if NET6_0_OR_GREATER
                private static int {{Members.WriteText}}(string text, global::System.Span<char> buffer, int at)
                {
                    if (at < 0 || text.Length > buffer.Length - at)
                    {
                        return -1;
                    }

                    global::System.MemoryExtensions.AsSpan(text).CopyTo(buffer.Slice(at));
                    return at + text.Length;
                }

                private static string{{q}} {{Members.Finish}}(global::System.Span<char> buffer, int length)
                {
                    return length >= 0 ? new string(buffer.Slice(0, length)) : null;
                }
                #endif

                """);
            EmitSet(w, q, string.Empty, Invariant);
        }

        /// <summary>The same helpers with an <c>IFormatProvider provider</c> parameter (last; first for <c>Compose</c>).</summary>
        public static void EmitWithProvider(CodeWriter w, string q) => EmitSet(w, q, ", global::System.IFormatProvider provider", "provider");

        private static void EmitSet(CodeWriter w, string q, string providerParameter, string provider)
        {
            w.Block($$"""
                #if NET6_0_OR_GREATER
                private static int {{Members.WriteValue}}<T>(T value, global::System.Span<char> buffer, int at{{providerParameter}})
                {
                    if (at < 0)
                    {
                        return -1;
                    }

                    string{{q}} text = value as string;
                    if (text != null)
                    {
                        return {{Members.WriteText}}(text, buffer, at);
                    }

                    if (value is global::System.ISpanFormattable)
                    {
                        int written;
                        return ((global::System.ISpanFormattable)value).TryFormat(buffer.Slice(at), out written, default(global::System.ReadOnlySpan<char>), {{provider}}) ? at + written : -1;
                    }

                    return {{Members.WriteText}}({{Members.FormatArgument}}(value{{(provider == Invariant ? string.Empty : ", provider")}}), buffer, at);
                }
                #endif

                """);
            for (int holes = 1; holes <= EmitPlan.MaxComposedHoles; holes++)
            {
                WriteCompose(w, holes, providerParameter.Length > 0);
            }

            w.Block($$"""
                private static string {{Members.FormatArgument}}<T>(T value{{providerParameter}})
                {
                    if (value is global::System.IFormattable)
                    {
                        return ((global::System.IFormattable)value).ToString(null, {{provider}}) ?? string.Empty;
                    }

                    return value == null ? string.Empty : (value.ToString() ?? string.Empty);
                }

                private static string {{Members.FormatArgument}}<T>(T value, int alignment, string{{q}} format{{providerParameter}})
                {
                    string text = value is global::System.IFormattable
                        ? (((global::System.IFormattable)value).ToString(format, {{provider}}) ?? string.Empty)
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
        private static void WriteCompose(CodeWriter w, int holes, bool withProvider)
        {
            w.StartLine().Append("private static string ").Append(Members.Compose).Append('<');
            for (int h = 0; h < holes; h++)
            {
                w.Append(h == 0 ? "T0" : ", T" + h);
            }

            w.Append(">(").Append(withProvider ? "global::System.IFormatProvider provider, " : string.Empty).Append("string text0");
            for (int h = 0; h < holes; h++)
            {
                w.Append(", T").Append(h).Append(" value").Append(h).Append(", string text").Append(h + 1);
            }

            w.Append(')').EndLine();
            w.Open();
            w.StartLine().Append("return text0");
            for (int h = 0; h < holes; h++)
            {
                w.Append($" + {Members.FormatArgument}(value{h}{(withProvider ? ", provider" : string.Empty)}) + text{h + 1}");
            }

            w.Append(';').EndLine();
            w.Close();
            w.Line();
        }
    }
}
