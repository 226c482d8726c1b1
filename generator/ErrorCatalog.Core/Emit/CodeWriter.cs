using System.Globalization;
using System.Text;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// A tiny indented writer that always ends lines with '\n', whatever the OS. The per-entry parts
    /// of a file go through <see cref="StartLine"/>, <see cref="Append(string)"/> and the escaping
    /// appenders, straight into one builder: no string per line, no escaped copy per text.
    /// </summary>
    internal sealed partial class CodeWriter
    {
        private readonly StringBuilder _builder;
        private int _indent;
        private readonly char[] _digits = new char[10];

        /// <summary>
        /// A writer with room for <paramref name="capacity"/> characters. <see cref="CSharpEmitter"/> sizes one
        /// writer for the largest file of a catalog and reuses it for every file (<see cref="Reset"/>), so a
        /// large catalog's text is written into one buffer instead of many growing ones.
        /// </summary>
        public CodeWriter(int capacity = 8000)
        {
            _builder = new StringBuilder(capacity);
        }

        public CodeWriter Line(string text)
        {
            if (text.Length > 0)
            {
                _builder.Append(' ', _indent * 4);
                _builder.Append(text);
            }

            _builder.Append('\n');
            return this;
        }

        public CodeWriter Line() => Line(string.Empty);

        /// <summary>
        /// Writes a multi-line template (a raw string literal, at its real indentation) line by line at
        /// the current indentation, each line ended with '\n'. A '\r' before a line break is dropped,
        /// so the output is the same whatever line endings the emitter's own source was checked out with.
        /// </summary>
        public CodeWriter Block(string template)
        {
            int start = 0;
            while (true)
            {
                int end = template.IndexOf('\n', start);
                int next = end < 0 ? template.Length : end;
                int lineEnd = next > start && template[next - 1] == '\r' ? next - 1 : next;
                if (lineEnd > start)
                {
                    _builder.Append(' ', _indent * 4);
                    _builder.Append(template, start, lineEnd - start);
                }

                _builder.Append('\n');
                if (end < 0)
                {
                    return this;
                }

                start = end + 1;
            }
        }

        /// <summary>Starts an indented line that the caller finishes with <see cref="Append(string)"/> and <see cref="EndLine"/>.</summary>
        public CodeWriter StartLine()
        {
            _builder.Append(' ', _indent * 4);
            return this;
        }

        public CodeWriter Append(string text)
        {
            _builder.Append(text);
            return this;
        }

        public CodeWriter Append(char c)
        {
            _builder.Append(c);
            return this;
        }

        /// <summary>Appends an integer in invariant digits, without a string per number.</summary>
        public CodeWriter Append(int value)
        {
            if (value < 0)
            {
                _builder.Append(value.ToString(CultureInfo.InvariantCulture));
                return this;
            }

            int length = 0;
            do
            {
                _digits[length++] = (char)('0' + (value % 10));
                value /= 10;
            }
            while (value > 0);

            while (length > 0)
            {
                _builder.Append(_digits[--length]);
            }

            return this;
        }

        /// <summary>Appends <paramref name="text"/> as a C# string literal (see <see cref="CSharpText.Literal"/>).</summary>
        public CodeWriter AppendLiteral(string text)
        {
            CSharpText.AppendLiteral(_builder, text);
            return this;
        }

        /// <summary>Appends <paramref name="text"/> escaped as inside a C# string literal, without the quotes.</summary>
        public CodeWriter AppendLiteralContent(string text)
        {
            CSharpText.AppendLiteralContent(_builder, text);
            return this;
        }

        /// <summary>Appends XML doc text on the current line; line breaks become <c>&lt;br/&gt;</c>.</summary>
        public CodeWriter AppendXmlDocInline(string text)
        {
            CSharpText.AppendXmlDoc(_builder, text, "<br/>");
            return this;
        }

        public CodeWriter EndLine()
        {
            _builder.Append('\n');
            return this;
        }

        public CodeWriter Open(string header)
        {
            Line(header);
            Line("{");
            _indent++;
            return this;
        }

        /// <summary>Writes <c>{</c> alone and indents what follows until <see cref="Close()"/>.</summary>
        public CodeWriter Open()
        {
            Line("{");
            _indent++;
            return this;
        }

        public CodeWriter Close() => Close("}");

        /// <summary>Outdents and writes the closing line (<c>}</c>, <c>};</c>, <c>});</c>).</summary>
        public CodeWriter Close(string closing)
        {
            _indent--;
            Line(closing);
            return this;
        }

        public CodeWriter Indent()
        {
            _indent++;
            return this;
        }

        public CodeWriter Outdent()
        {
            _indent--;
            return this;
        }

        /// <summary>
        /// Where the member lines of this writer's files map to in the catalog (design-time builds); null
        /// writes no <c>#line</c> at all. Set once per catalog; <see cref="Reset"/> keeps it.
        /// </summary>
        public CatalogLineMap? LineMap { get; set; }

        /// <summary>
        /// Starts a declaration line that maps to <paramref name="target"/> in the catalog (a <c>#line</c>
        /// directive before it when <see cref="LineMap"/> is set) and writes <paramref name="prefix"/>, the
        /// text before the member's name: the enhanced form maps the text from the name on. A span the
        /// enhanced form cannot state (its end before its start) takes the line form: a directive must never
        /// be a compile error in the IDE. The caller appends the rest and ends with <see cref="EndMappedLine"/>.
        /// </summary>
        public CodeWriter StartMappedLine(SourceSpan target, string prefix)
        {
            CatalogLineMap? map = LineMap;
            if (map != null)
            {
                Append("#line ");
                bool ordered = target.EndLine > target.StartLine || (target.EndLine == target.StartLine && target.EndColumn >= target.StartColumn);
                if (map.Spans && ordered && target.StartLine >= 0 && target.StartColumn >= 0)
                {
                    Append('(').Append(target.StartLine + 1).Append(", ").Append(target.StartColumn + 1).Append(") - (")
                        .Append(target.EndLine + 1).Append(", ").Append(target.EndColumn + 1).Append(") ").Append((_indent * 4) + prefix.Length + 1);
                }
                else
                {
                    Append(target.StartLine + 1);
                }

                Append(" \"").Append(map.Path).Append("\"\n");
            }

            return StartLine().Append(prefix);
        }

        /// <summary>Ends the line <see cref="StartMappedLine"/> started; what follows is the generated file's own again (<c>#line default</c>).</summary>
        public CodeWriter EndMappedLine()
        {
            EndLine();
            if (LineMap != null)
            {
                _builder.Append("#line default\n");
            }

            return this;
        }

        /// <summary>Empties the writer for the next file, keeping its buffer.</summary>
        public CodeWriter Reset()
        {
            _builder.Clear();
            _indent = 0;
            return this;
        }

        public override string ToString() => _builder.ToString();
    }
}
