using System.Globalization;
using System.Text;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>Escaping of arbitrary text into C# string literals and XML documentation comments.</summary>
    public static class CSharpText
    {
        /// <summary>
        /// A regular C# string literal that round-trips <paramref name="text"/> exactly. Control
        /// characters, surrogates, line separators and format (bidi) characters are written as
        /// <c>\uXXXX</c>, so the generated file stays printable and free of trojan-source tricks.
        /// </summary>
        public static string Literal(string text)
        {
            var builder = new StringBuilder(text.Length + 2);
            AppendLiteral(builder, text);
            return builder.ToString();
        }

        /// <summary>Appends <see cref="Literal"/>'s text; runs of characters that need no escape are copied at once.</summary>
        public static void AppendLiteral(StringBuilder builder, string text)
        {
            builder.Append('"');
            AppendLiteralContent(builder, text);
            builder.Append('"');
        }

        /// <summary>The text of <see cref="Literal"/> between its quotes: a piece of a literal the caller opens and closes.</summary>
        public static void AppendLiteralContent(StringBuilder builder, string text)
        {
            int run = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= ' ' && c < '\u007F' && c != '"' && c != '\\')
                {
                    continue; // printable ASCII, the common case: copied with its run
                }

                string? escape = c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\0' => "\\0",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => null,
                };
                if (escape == null && !NeedsEscape(c))
                {
                    continue;
                }

                builder.Append(text, run, i - run);
                run = i + 1;
                if (escape != null)
                {
                    builder.Append(escape);
                }
                else
                {
                    AppendUnicodeEscape(builder, c);
                }
            }

            builder.Append(text, run, text.Length - run);
        }

        /// <summary>A character as the escape <c>\uXXXX</c>, in a string or character literal.</summary>
        public static string UnicodeEscape(char c)
        {
            var builder = new StringBuilder(6);
            AppendUnicodeEscape(builder, c);
            return builder.ToString();
        }

        /// <summary>XML doc text on one line (line breaks become <c>&lt;br/&gt;</c>).</summary>
        public static string XmlDocInline(string text)
        {
            var builder = new StringBuilder(text.Length);
            AppendXmlDoc(builder, text, "<br/>");
            return builder.ToString();
        }

        /// <summary>
        /// Appends XML documentation text: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped, characters XML
        /// cannot hold (and invisible format characters) shown as <c>\uXXXX</c>, and
        /// <paramref name="lineBreak"/> written for every character C# treats as a line break (CR LF counts as one).
        /// </summary>
        public static void AppendXmlDoc(StringBuilder builder, string text, string lineBreak)
        {
            int run = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= ' ' && c < '\u007F' && c != '&' && c != '<' && c != '>')
                {
                    continue; // printable ASCII, the common case: copied with its run
                }

                string? replacement;
                int skip = 0;
                switch (c)
                {
                    case '\r':
                        replacement = lineBreak;
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            skip = 1;
                        }

                        break;
                    case '\n':
                    case '\u0085':
                    case '\u2028':
                    case '\u2029':
                        replacement = lineBreak;
                        break;
                    case '&':
                        replacement = "&amp;";
                        break;
                    case '<':
                        replacement = "&lt;";
                        break;
                    case '>':
                        replacement = "&gt;";
                        break;
                    default:
                        if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                        {
                            i++;
                            continue;
                        }

                        if (c == '\t' || !NeedsEscape(c))
                        {
                            continue;
                        }

                        replacement = null;
                        break;
                }

                builder.Append(text, run, i - run);
                if (replacement != null)
                {
                    builder.Append(replacement);
                }
                else
                {
                    AppendUnicodeEscape(builder, c);
                }

                i += skip;
                run = i + 1;
            }

            builder.Append(text, run, text.Length - run);
        }

        /// <summary>
        /// A fixed set (not Unicode categories, which differ between runtimes) so that the output is
        /// the same on every runtime: controls, surrogates, non-characters, line and paragraph
        /// separators, and the invisible format characters (bidi controls, zero-width marks, BOM).
        /// </summary>
        private static bool NeedsEscape(char c)
        {
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF')
            {
                return true;
            }

            return c == '\u00AD' || c == '\u061C' || c == '\u180E'
                || (c >= '\u200B' && c <= '\u200F')
                || (c >= '\u2028' && c <= '\u202E')
                || (c >= '\u2060' && c <= '\u206F')
                || c == '\uFEFF'
                || (c >= '\uFFF9' && c <= '\uFFFB');
        }

        private static void AppendUnicodeEscape(StringBuilder builder, char c)
            => builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
    }
}
