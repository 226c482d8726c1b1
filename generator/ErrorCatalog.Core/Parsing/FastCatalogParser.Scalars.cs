using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>The fast path's scalars: plain, single- and double-quoted, each on one line, with YamlDotNet's values, styles and marks.</summary>
    internal sealed partial class FastCatalogParser
    {
        /// <summary>A one-line scalar that starts at <paramref name="start"/>: quoted or plain.</summary>
        private Scalar InlineScalar(int start)
        {
            char first = _text[start];
            if (first == '"')
            {
                return DoubleQuoted(start);
            }

            if (first == '\'')
            {
                return SingleQuoted(start);
            }

            if ("-?:,[]{}#&*!|>%@`".IndexOf(first) >= 0)
            {
                throw Decline();
            }

            int position = start;
            int end = start;
            while (!IsLineEnd(position))
            {
                char c = _text[position];
                if (c == ' ')
                {
                    if (position + 1 < _text.Length && _text[position + 1] == '#')
                    {
                        break; // a comment
                    }
                }
                else
                {
                    if (c == ':' && (IsLineEnd(position + 1) || _text[position + 1] == ' '))
                    {
                        throw Decline(); // "a: b: c" is a YAML error
                    }

                    end = position + 1;
                }

                position++;
            }

            return PlainScalar(_text.Substring(start, end - start), start, end);
        }

        private Scalar DoubleQuoted(int open)
        {
            StringBuilder? builder = null;
            int run = open + 1;
            int position = open + 1;
            while (true)
            {
                if (IsLineEnd(position))
                {
                    throw Decline(); // multi-line, or unterminated
                }

                char c = _text[position];
                if (c == '"')
                {
                    break;
                }

                if (c != '\\')
                {
                    position++;
                    continue;
                }

                builder ??= new StringBuilder();
                builder.Append(_text, run, position - run);
                if (position + 1 >= _text.Length)
                {
                    throw Decline();
                }

                char escape = _text[position + 1];
                int length = 2;
                switch (escape)
                {
                    case '"':
                    case '\\':
                    case '/':
                        builder.Append(escape);
                        break;
                    case 'n':
                        builder.Append('\n');
                        break;
                    case 't':
                        builder.Append('\t');
                        break;
                    case 'r':
                        builder.Append('\r');
                        break;
                    case '0':
                        builder.Append('\0');
                        break;
                    case 'u':
                        int code = Hex(position + 2, 4);
                        if (code < 0 || (code >= 0xD800 && code <= 0xDFFF))
                        {
                            throw Decline();
                        }

                        builder.Append((char)code);
                        length = 6;
                        break;
                    default:
                        throw Decline();
                }

                position += length;
                run = position;
            }

            string value = builder == null
                ? _text.Substring(open + 1, position - open - 1)
                : builder.Append(_text, run, position - run).ToString();
            ExpectLineEnd(position + 1);
            return new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.DoubleQuoted, false, true, MarkAt(open), MarkAt(position + 1));
        }

        private Scalar SingleQuoted(int open)
        {
            StringBuilder? builder = null;
            int run = open + 1;
            int position = open + 1;
            while (true)
            {
                if (IsLineEnd(position))
                {
                    throw Decline();
                }

                if (_text[position] != '\'')
                {
                    position++;
                    continue;
                }

                if (position + 1 < _text.Length && _text[position + 1] == '\'')
                {
                    builder ??= new StringBuilder();
                    builder.Append(_text, run, position - run + 1);
                    position += 2;
                    run = position;
                    continue;
                }

                break;
            }

            string value = builder == null
                ? _text.Substring(open + 1, position - open - 1)
                : builder.Append(_text, run, position - run).ToString();
            ExpectLineEnd(position + 1);
            return new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.SingleQuoted, false, true, MarkAt(open), MarkAt(position + 1));
        }

        private int Hex(int start, int digits)
        {
            if (start + digits > _text.Length)
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < start + digits; i++)
            {
                char c = _text[i];
                int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
                if (digit < 0)
                {
                    return -1;
                }

                value = (value * 16) + digit;
            }

            return value;
        }

        /// <summary>After a quoted scalar or a flow list: only spaces and a comment may follow on the line.</summary>
        private void ExpectLineEnd(int position)
        {
            int next = SkipSpaces(position);
            if (!IsLineEnd(next) && !(_text[next] == '#' && next > position))
            {
                throw Decline();
            }
        }

        private Scalar PlainScalar(string value, int start, int end) => PlainScalar(value, MarkAt(start), MarkAt(end));

        private static Scalar PlainScalar(string value, Mark start, Mark end)
            => new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, true, false, start, end);

        /// <summary>A missing value: YamlDotNet marks it just after its ':' or '-', which may lie on an earlier line than the parser stands on.</summary>
        private static Scalar EmptyScalar(Mark at) => PlainScalar(string.Empty, at, at);
    }
}
