using YamlDotNet.Core;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>The fast path's cursor over the text: keys, sequence items, spaces, line ends, comment lines, marks, and the characters it declines.</summary>
    internal sealed partial class FastCatalogParser
    {
        /// <summary>Where a key of letters, digits and '_' that starts at <paramref name="position"/> ends, when ':' and a space or line end follow it; otherwise -1.</summary>
        private int KeyEnd(int position)
        {
            if (position >= _text.Length || !(IsLetter(_text[position]) || _text[position] == '_'))
            {
                return -1;
            }

            int end = position + 1;
            while (end < _text.Length && IsNameChar(_text[end]))
            {
                end++;
            }

            return end < _text.Length && _text[end] == ':' && (IsLineEnd(end + 1) || _text[end + 1] == ' ') ? end : -1;
        }

        private bool IsKeyAt(int position) => KeyEnd(position) >= 0;

        private bool IsSequenceItem(int position)
            => _text[position] == '-' && (IsLineEnd(position + 1) || _text[position + 1] == ' ');

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');

        private static bool IsNameChar(char c) => IsLetter(c) || (c >= '0' && c <= '9') || c == '_';

        private bool IsLineEnd(int position) => position >= _text.Length || _text[position] == '\n' || _text[position] == '\r';

        private int SkipSpaces(int position)
        {
            while (position < _text.Length && _text[position] == ' ')
            {
                position++;
            }

            return position;
        }

        /// <summary>Leaves the current line and moves to the next content line (skipping blank and comment lines).</summary>
        private void NextLine()
        {
            int position = _content;
            while (position < _text.Length && _text[position] != '\n')
            {
                position++;
            }

            if (position >= _text.Length)
            {
                _eof = true;
                _lineStart = _text.Length;
                return;
            }

            _line++;
            _lineStart = position + 1;
            _content = _lineStart;
            SkipToContentLine();
        }

        /// <summary>From the start of a line (<see cref="_lineStart"/>), finds the first line with content.</summary>
        private void SkipToContentLine()
        {
            while (true)
            {
                int position = SkipSpaces(_lineStart);
                if (position >= _text.Length)
                {
                    _eof = true;
                    return;
                }

                char c = _text[position];
                if (c != '\n' && c != '\r' && c != '#')
                {
                    _indent = position - _lineStart;
                    _content = position;
                    if (c == '-' && position + 2 < _text.Length && _text[position + 1] == '-' && _text[position + 2] == '-')
                    {
                        throw Decline(); // a document marker, or a plain scalar that looks like one
                    }

                    if (c == '.' && position + 2 < _text.Length && _text[position + 1] == '.' && _text[position + 2] == '.')
                    {
                        throw Decline();
                    }

                    return;
                }

                while (position < _text.Length && _text[position] != '\n')
                {
                    position++;
                }

                if (position >= _text.Length)
                {
                    _eof = true;
                    return;
                }

                _line++;
                _lineStart = position + 1;
            }
        }

        private Mark MarkAt(int position) => new Mark(position, _line, position - _lineStart + 1);

        /// <summary>YamlDotNet's mark for the end of the stream: one line past the last line break, or past the last unfinished line.</summary>
        private Mark EndOfStream()
        {
            if (_endOfStream is Mark known)
            {
                return known;
            }

            int breaks = 0;
            for (int i = 0; i < _text.Length; i++)
            {
                if (_text[i] == '\n')
                {
                    breaks++;
                }
            }

            bool endsWithBreak = _text.Length > 0 && _text[_text.Length - 1] == '\n';
            _endOfStream = new Mark(_text.Length, breaks + (endsWithBreak ? 1 : 2), 1);
            return _endOfStream.Value;
        }

        /// <summary>Characters the fast path leaves to YamlDotNet: tabs, lone CRs, controls, NEL, LS/PS, surrogates, BOM, non-characters.</summary>
        private void CheckCharacters()
        {
            string text = _text;

            // A last line of spaces without a line break: YamlDotNet marks the first closing event there, not past it.
            int last = text.Length;
            while (last > 0 && text[last - 1] == ' ')
            {
                last--;
            }

            if (last < text.Length && (last == 0 || text[last - 1] == '\n'))
            {
                throw Decline();
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c >= ' ' && c < '\u007F')
                {
                    continue;
                }

                if (c == '\n')
                {
                    continue;
                }

                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    continue;
                }

                if (c < '\u00A0' || (c >= '\uD800' && c <= '\uDFFF') || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || c >= '\uFFFE')
                {
                    throw Decline();
                }
            }
        }

        /// <summary>The tag directives YamlDotNet reports for a document that declares none.</summary>
        private static YamlDotNet.Core.TagDirectiveCollection DefaultTags()
            => new YamlDotNet.Core.TagDirectiveCollection(new[]
            {
                new YamlDotNet.Core.Tokens.TagDirective("!", "!"),
                new YamlDotNet.Core.Tokens.TagDirective("!!", "tag:yaml.org,2002:"),
            });
    }
}
