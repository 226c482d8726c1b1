using System.Text;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>A tiny indented writer that always ends lines with '\n', whatever the OS.</summary>
    internal sealed class CodeWriter
    {
        private readonly StringBuilder _builder;
        private int _indent;

        public CodeWriter(int capacity = 4096)
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

        public CodeWriter Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
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

        public override string ToString() => _builder.ToString();
    }
}
