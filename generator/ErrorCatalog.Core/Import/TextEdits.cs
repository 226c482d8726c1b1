using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// Edits of a catalog's text at the places its reader found (<see cref="RawScalar.Span"/>): values
    /// replaced where they stand, keys added as lines at the end of their entry, entries appended after
    /// the last one. Everything else, comments and layout included, stays byte for byte; new lines take
    /// the file's line ending.
    /// </summary>
    internal sealed class TextEdits
    {
        private readonly string _text;
        private readonly RawCatalog _raw;
        private readonly string _newline;
        private bool _breakAdded;
        // Yielding: an edit that gives way to a value replaced around it (a block scalar's strip indicator).
        private readonly List<(int Start, int End, string Text, int Order, bool Yielding)> _edits = new List<(int, int, string, int, bool)>();

        public TextEdits(string text, RawCatalog raw)
        {
            _text = text;
            _raw = raw;
            _newline = text.Contains("\r\n") ? "\r\n" : "\n";
        }

        /// <summary>
        /// Replaces a scalar's text; a block scalar's span ends with its line break, and so does its
        /// replacement (blank lines after it that are not its value stay).
        /// </summary>
        public void Replace(SourceSpan span, string value)
        {
            bool block = BlockScalarText.IsBlock(_text, span.Start) && span.Length > 0 && _text[span.End - 1] == '\n';
            Add(span.Start, block ? BlockScalarText.ValueEnd(_text, span.Start, span.End) : span.End, block ? value + _newline : value);
        }

        /// <summary>Adds <c>key: value</c> as a line after the entry's last line, at the column of its other keys.</summary>
        public void InsertLine(RawEntry entry, string key, string value)
        {
            (int at, bool needsBreak) = AfterLastLine(entry);
            string indent = new string(' ', entry.Code.KeySpan.StartColumn);
            Add(at, at, (needsBreak ? _newline : string.Empty) + indent + key + ": " + value + _newline);
        }

        /// <summary>Appends entries (written with '\n' line breaks) after the last entry of <c>errors:</c>.</summary>
        public void Append(string entries)
        {
            string text = _newline == "\n" ? entries : entries.Replace("\n", _newline);
            if (_raw.Entries.Count == 0)
            {
                Add(_text.Length, _text.Length, (_text.Length > 0 && !_text.EndsWith("\n", StringComparison.Ordinal) ? _newline : string.Empty) + text);
                return;
            }

            (int at, bool needsBreak) = AfterLastLine(_raw.Entries[_raw.Entries.Count - 1]);
            Add(at, at, (needsBreak ? _newline : string.Empty) + text);
        }

        /// <summary>The text before the dash of the file's entries (two spaces when it has none).</summary>
        public string DashIndent()
        {
            if (_raw.Entries.Count == 0)
            {
                return "  ";
            }

            RawScalar code = _raw.Entries[0].Code;
            int lineStart = _text.LastIndexOf('\n', Math.Max(0, code.KeySpan.Start - 1)) + 1;
            int dash = _text.IndexOf('-', lineStart);
            return dash >= lineStart && dash < code.KeySpan.Start && _text.Substring(lineStart, dash - lineStart).Trim().Length == 0
                ? _text.Substring(lineStart, dash - lineStart)
                : "  ";
        }

        /// <summary>The text with every edit applied, in order of position (edits at one position in the order they were made).</summary>
        public string Apply()
        {
            var builder = new StringBuilder(_text.Length + 256);
            int position = 0;
            foreach ((int start, int end, string text, _, bool yielding) in _edits.OrderBy(e => e.Start).ThenBy(e => e.Order))
            {
                if (start < position)
                {
                    // Inside a replaced value: a yielding edit is dropped with it; any other overlap is a bug.
                    if (!yielding)
                    {
                        throw new InvalidOperationException($"Edits overlap at offset {start}");
                    }

                    continue;
                }

                builder.Append(_text, position, start - position);
                builder.Append(text);
                position = Math.Max(position, end);
            }

            builder.Append(_text, position, _text.Length - position);
            return builder.ToString();
        }

        private void Add(int start, int end, string text, bool yielding = false) => _edits.Add((start, end, text, _edits.Count, yielding));

        /// <summary>Where a line after the entry's last line goes (<see cref="RawEntry.End"/>), and whether the file's last line lacks its break.</summary>
        /// <remarks>The first line added at the end of a text without a final break adds one; a clipped block scalar there is then stripped, so its value stays.</remarks>
        private (int At, bool NeedsBreak) AfterLastLine(RawEntry entry)
        {
            bool needsBreak = !_breakAdded && entry.End == _text.Length && entry.End > 0 && _text[entry.End - 1] != '\n';
            if (needsBreak && _raw.FinalClippedBlockHeader >= 0)
            {
                Add(_raw.FinalClippedBlockHeader + 1, _raw.FinalClippedBlockHeader + 1, "-", yielding: true);
            }

            _breakAdded |= needsBreak;
            return (entry.End, needsBreak);
        }
    }
}
