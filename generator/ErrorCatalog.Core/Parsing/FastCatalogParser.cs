using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>
    /// A fast path for the YAML that catalogs are made of: block mappings and sequences, one-line
    /// plain, single- and double-quoted scalars, one-line flow lists of names (<c>[field, value]</c>),
    /// comments, LF or CRLF line ends. It yields exactly the events YamlDotNet's <see cref="Parser"/>
    /// yields for the same text — values, styles and marks — and throws
    /// <see cref="FastPathDeclinedException"/> as soon as the text leaves that subset (block
    /// scalars, multi-line scalars, anchors, tags, flow mappings, tabs, unusual escapes or
    /// characters, and every syntax error), so the caller reads the file again with YamlDotNet.
    /// The tests hold it to YamlDotNet's events on every catalog they have and on fuzzed ones.
    /// </summary>
    internal sealed class FastCatalogParser : IParser
    {
        private readonly string _text;
        private readonly IEnumerator<ParsingEvent> _events;

        // The current content line: its number (1-based), where it starts, its indentation, and
        // where its content starts; _eof once no content line is left.
        private int _line = 1;
        private int _lineStart;
        private int _indent;
        private int _content;
        private bool _eof;
        private Mark? _endOfStream;

        public FastCatalogParser(string text)
        {
            _text = text;
            _events = Events().GetEnumerator();
        }

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (!_events.MoveNext())
            {
                Current = null;
                return false;
            }

            Current = _events.Current;
            return true;
        }

        /// <summary>Reads every event, or returns null when the text leaves the fast path's subset (for tests and tools).</summary>
        public static List<ParsingEvent>? TryReadAll(string text)
        {
            var events = new List<ParsingEvent>();
            var parser = new FastCatalogParser(text);
            try
            {
                while (parser.MoveNext())
                {
                    events.Add(parser.Current!);
                }
            }
            catch (FastPathDeclinedException)
            {
                return null;
            }

            return events;
        }

        private IEnumerable<ParsingEvent> Events()
        {
            CheckCharacters();
            Mark start = new Mark(0, 1, 1);
            yield return new StreamStart(start, start);
            _content = 0;
            SkipToContentLine();
            if (_eof || _indent != 0 || !IsKeyAt(_content))
            {
                throw Decline();
            }

            yield return new DocumentStart(null, DefaultTags(), true, MarkAt(_content), MarkAt(_content));
            foreach (ParsingEvent e in Mapping(0, _content))
            {
                yield return e;
            }

            if (!_eof)
            {
                throw Decline();
            }

            Mark end = EndOfStream();
            yield return new DocumentEnd(true, end, end);
            yield return new StreamEnd(end, end);
        }

        /// <summary>A block mapping whose keys stand at column <paramref name="indent"/>; the first key is at <paramref name="keyPosition"/> on the current line.</summary>
        private IEnumerable<ParsingEvent> Mapping(int indent, int keyPosition)
        {
            Mark start = MarkAt(keyPosition);
            yield return new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block, start, start);
            int position = keyPosition;
            while (true)
            {
                int keyEnd = KeyEnd(position);
                if (keyEnd < 0)
                {
                    throw Decline();
                }

                yield return PlainScalar(KeyText(position, keyEnd - position), position, keyEnd);
                int afterColon = keyEnd + 1;
                int value = SkipSpaces(afterColon);
                if (IsLineEnd(value) || (_text[value] == '#' && value > afterColon))
                {
                    // The value is on the following lines, or empty.
                    Mark empty = MarkAt(afterColon);
                    NextLine();
                    if (!_eof && _indent > indent)
                    {
                        IEnumerable<ParsingEvent> nested = IsSequenceItem(_content) ? Sequence(_indent, indentless: false)
                            : IsKeyAt(_content) ? Mapping(_indent, _content)
                            : throw Decline();
                        foreach (ParsingEvent e in nested)
                        {
                            yield return e;
                        }
                    }
                    else if (!_eof && _indent == indent && IsSequenceItem(_content))
                    {
                        foreach (ParsingEvent e in Sequence(indent, indentless: true))
                        {
                            yield return e;
                        }
                    }
                    else
                    {
                        yield return EmptyScalar(empty);
                    }
                }
                else
                {
                    if (_text[value] == '[')
                    {
                        foreach (ParsingEvent e in FlowList(value))
                        {
                            yield return e;
                        }
                    }
                    else
                    {
                        yield return InlineScalar(value);
                    }

                    NextLine();
                    if (!_eof && _indent > indent)
                    {
                        throw Decline(); // a continuation line, or an indentation error
                    }
                }

                if (_eof || _indent < indent)
                {
                    Mark end = _eof ? EndOfStream() : MarkAt(_content);
                    yield return new MappingEnd(end, end);
                    yield break;
                }

                if (_indent > indent || !IsKeyAt(_content))
                {
                    throw Decline();
                }

                position = _content;
            }
        }

        /// <summary>A block sequence whose '-' stand at column <paramref name="indent"/>; the current line holds its first '-'.</summary>
        private IEnumerable<ParsingEvent> Sequence(int indent, bool indentless)
        {
            int dash = _content;
            yield return new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block, MarkAt(dash), MarkAt(indentless ? dash + 1 : dash));
            while (true)
            {
                int item = SkipSpaces(dash + 1);
                if (IsLineEnd(item) || (_text[item] == '#' && item > dash + 1))
                {
                    yield return EmptyScalar(MarkAt(dash + 1));
                    NextLine();
                    if (!_eof && _indent > indent)
                    {
                        throw Decline(); // a nested node on the following lines
                    }
                }
                else if (IsKeyAt(item))
                {
                    foreach (ParsingEvent e in Mapping(item - _lineStart, item))
                    {
                        yield return e;
                    }
                }
                else
                {
                    if (_text[item] == '[')
                    {
                        throw Decline();
                    }

                    yield return InlineScalar(item);
                    NextLine();
                    if (!_eof && _indent > indent)
                    {
                        throw Decline();
                    }
                }

                if (!_eof && _indent == indent && IsSequenceItem(_content))
                {
                    dash = _content;
                    continue;
                }

                if (!_eof && (_indent > indent || (_indent == indent && !indentless)))
                {
                    throw Decline();
                }

                Mark end = _eof ? EndOfStream() : MarkAt(_content);
                yield return new SequenceEnd(end, end);
                yield break;
            }
        }

        /// <summary>The catalog's own keys come back as the same string instances (no copy per key per entry).</summary>
        private string KeyText(int start, int length)
        {
            foreach (string known in KnownKeys)
            {
                if (known.Length == length && string.CompareOrdinal(_text, start, known, 0, length) == 0)
                {
                    return known;
                }
            }

            return _text.Substring(start, length);
        }

        private static readonly string[] KnownKeys = CatalogYamlReader.EntryKeys.Concat(CatalogYamlReader.RootKeys).ToArray();

        /// <summary>A one-line flow list of plain names: <c>[a, b]</c>.</summary>
        private IEnumerable<ParsingEvent> FlowList(int open)
        {
            yield return new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Flow, MarkAt(open), MarkAt(open));
            int position = SkipSpaces(open + 1);
            if (position < _text.Length && _text[position] != ']')
            {
                while (true)
                {
                    int end = position;
                    while (end < _text.Length && IsNameChar(_text[end]))
                    {
                        end++;
                    }

                    if (end == position)
                    {
                        throw Decline();
                    }

                    yield return PlainScalar(_text.Substring(position, end - position), position, end);
                    position = SkipSpaces(end);
                    if (position < _text.Length && _text[position] == ',')
                    {
                        position = SkipSpaces(position + 1);
                        continue;
                    }

                    break;
                }
            }

            if (position >= _text.Length || _text[position] != ']')
            {
                throw Decline();
            }

            yield return new SequenceEnd(MarkAt(position), MarkAt(position));
            ExpectLineEnd(position + 1);
        }

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

        private static FastPathDeclinedException Decline() => new FastPathDeclinedException();
    }

    /// <summary>The text left the fast path's subset; read it with YamlDotNet instead.</summary>
    internal sealed class FastPathDeclinedException : Exception
    {
    }
}
