using System.Collections.Generic;
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
            builder.Append('"');
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\0':
                        builder.Append("\\0");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\r':
                        builder.Append("\\r");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        if (NeedsEscape(c))
                        {
                            AppendUnicodeEscape(builder, c);
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
            return builder.ToString();
        }

        /// <summary>
        /// The lines of an XML documentation text: <c>&amp;</c>, <c>&lt;</c>, <c>&gt;</c> escaped,
        /// characters XML cannot hold (and invisible format characters) shown as <c>\uXXXX</c>, and
        /// split at every character C# treats as a line break.
        /// </summary>
        public static List<string> XmlDocLines(string text)
        {
            var lines = new List<string>();
            var line = new StringBuilder();
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '\r':
                        if (i + 1 < text.Length && text[i + 1] == '\n')
                        {
                            i++;
                        }

                        lines.Add(line.ToString());
                        line.Clear();
                        continue;
                    case '\n':
                    case '\u0085':
                    case '\u2028':
                    case '\u2029':
                        lines.Add(line.ToString());
                        line.Clear();
                        continue;
                    case '&':
                        line.Append("&amp;");
                        continue;
                    case '<':
                        line.Append("&lt;");
                        continue;
                    case '>':
                        line.Append("&gt;");
                        continue;
                }

                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    line.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (c != '\t' && NeedsEscape(c))
                {
                    AppendUnicodeEscape(line, c);
                }
                else
                {
                    line.Append(c);
                }
            }

            lines.Add(line.ToString());
            return lines;
        }

        /// <summary>XML doc text on one line (line breaks become <c>&lt;br/&gt;</c>).</summary>
        public static string XmlDocInline(string text) => string.Join("<br/>", XmlDocLines(text));

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
