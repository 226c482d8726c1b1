using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// Printf-style holes in documentation messages (<c>%s</c>, <c>%d</c>, Python's <c>%(key)s</c>, and
    /// <c>%%</c>) as composite-format placeholders: <c>{0}</c>, <c>{1}</c>… in order, or <c>{key}</c> when
    /// the message names any hole (unnamed ones are then <c>{arg0}</c>…, since a template is not both);
    /// <c>%d</c> and <c>%i</c> make <c>int</c> parameters, the rest <c>string</c>. Text that is not a hole
    /// (a lone <c>%</c>, <c>50%</c>) stays as it is.
    /// </summary>
    public static class PrintfHoles
    {
        /// <summary>Converts the holes of a message whose literal braces are already doubled.</summary>
        public static PrintfConversion Convert(string message)
        {
            var holes = new List<(int Start, int Length, string? Name, char Kind)>();
            bool named = false;
            for (int i = 0; i < message.Length; i++)
            {
                if (message[i] != '%' || i + 1 >= message.Length)
                {
                    continue;
                }

                char next = message[i + 1];
                if (next == '%')
                {
                    holes.Add((i, 2, null, '%'));
                    i++;
                }
                else if (next == 's' || next == 'd' || next == 'i')
                {
                    holes.Add((i, 2, null, next));
                    i++;
                }
                else if (next == '(')
                {
                    int close = message.IndexOf(')', i + 2);
                    if (close > i + 2 && close + 1 < message.Length && "sdi".IndexOf(message[close + 1]) >= 0 && IsName(message, i + 2, close))
                    {
                        holes.Add((i, close + 2 - i, message.Substring(i + 2, close - i - 2), message[close + 1]));
                        named = true;
                        i = close + 1;
                    }
                }
            }

            if (holes.Count == 0)
            {
                return new PrintfConversion(message, new ParameterText[0], new string[0]);
            }

            var builder = new StringBuilder(message.Length + 8);
            var parameters = new List<ParameterText>();
            var converted = new List<string>();
            var seen = new HashSet<string>();
            int position = 0;
            int index = 0;
            foreach ((int start, int length, string? name, char kind) in holes)
            {
                builder.Append(message, position, start - position);
                position = start + length;
                string hole = message.Substring(start, length);
                if (kind == '%')
                {
                    builder.Append('%');
                    converted.Add(hole + " -> %");
                    continue;
                }

                string type = kind == 's' ? "string" : "int";
                string placeholder;
                if (named)
                {
                    string parameter = name ?? "arg" + index.ToString(CultureInfo.InvariantCulture);
                    placeholder = "{" + parameter + "}";
                    if (seen.Add(parameter))
                    {
                        parameters.Add(new ParameterText(parameter, type));
                    }
                }
                else
                {
                    placeholder = "{" + index.ToString(CultureInfo.InvariantCulture) + "}";
                    parameters.Add(new ParameterText("arg" + index.ToString(CultureInfo.InvariantCulture), type));
                }

                if (name == null)
                {
                    index++;
                }

                builder.Append(placeholder);
                converted.Add(hole + " -> " + placeholder);
            }

            builder.Append(message, position, message.Length - position);
            return new PrintfConversion(builder.ToString(), parameters, converted);
        }

        private static bool IsName(string text, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = text[i];
                bool ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > start && c >= '0' && c <= '9');
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
