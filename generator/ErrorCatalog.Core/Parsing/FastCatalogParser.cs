using System;
using System.Collections.Generic;
using System.Linq;
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
    internal sealed partial class FastCatalogParser : IParser
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

        private static FastPathDeclinedException Decline() => new FastPathDeclinedException();
    }

    /// <summary>The text left the fast path's subset; read it with YamlDotNet instead.</summary>
    internal sealed class FastPathDeclinedException : Exception
    {
    }
}
