using System;
using System.Runtime.CompilerServices;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// Interpolated lines: <c>w.Line($"public static string {name}({type} {parameter})")</c> writes the
    /// indentation, each piece and the line break straight into the writer's buffer (no string per
    /// line). Text that needs escaping says so: <see cref="Literal"/> (a C# string literal),
    /// <see cref="Doc"/> (XML doc text); <see cref="List"/> writes a comma-separated list.
    /// </summary>
    internal sealed partial class CodeWriter
    {
        /// <summary>Writes one indented line.</summary>
        public CodeWriter Line([InterpolatedStringHandlerArgument("")] ref LineText line) => EndLine();

        /// <summary>Writes a header line, <c>{</c>, and indents what follows until <see cref="Close"/>.</summary>
        public CodeWriter Open([InterpolatedStringHandlerArgument("")] ref LineText header)
        {
            EndLine();
            Line("{");
            return Indent();
        }

        /// <summary>Continues the current line (after <see cref="StartLine"/>) without ending it.</summary>
        public CodeWriter Append([InterpolatedStringHandlerArgument("")] ref PieceText piece) => this;

        /// <summary><paramref name="text"/> as a C# string literal, quotes included.</summary>
        public static Escaped Literal(string text) => new Escaped(text, EscapeKind.Literal);

        /// <summary><paramref name="text"/> as XML doc text on one line (line breaks become <c>&lt;br/&gt;</c>).</summary>
        public static Escaped Doc(string text) => new Escaped(text, EscapeKind.Doc);

        /// <summary>The items <c>0 … count-1</c>, each written by <paramref name="item"/>, separated by <c>", "</c>.</summary>
        public static ListText List(int count, Func<int, string?> item) => new ListText(count, item, escape: false);

        /// <summary>As <see cref="List"/>, each item after <c>", "</c>: the rest of an argument list that has begun (nothing when empty).</summary>
        public static ListText MoreArguments(int count, Func<int, string?> item) => new ListText(count, item, escape: false, leading: true);

        /// <summary>As <see cref="List"/>, each item a C# string literal (<c>null</c> for a null item).</summary>
        public static ListText LiteralList(int count, Func<int, string?> item) => new ListText(count, item, escape: true);

        internal void Write(Escaped text)
        {
            if (text.Kind == EscapeKind.Literal)
            {
                AppendLiteral(text.Text);
            }
            else
            {
                AppendXmlDocInline(text.Text);
            }
        }

        internal void Write(ListText list)
        {
            for (int i = 0; i < list.Count; i++)
            {
                if (i > 0 || list.Leading)
                {
                    Append(", ");
                }

                string? item = list.Item(i);
                if (list.Escape && item != null)
                {
                    AppendLiteral(item);
                }
                else
                {
                    Append(item ?? "null");
                }
            }
        }
    }

    internal enum EscapeKind
    {
        Literal,
        Doc,
    }

    /// <summary>Text to escape as it is written (<see cref="CodeWriter.Literal"/>, <see cref="CodeWriter.Doc"/>).</summary>
    internal readonly struct Escaped
    {
        public Escaped(string text, EscapeKind kind)
        {
            Text = text;
            Kind = kind;
        }

        public string Text { get; }

        public EscapeKind Kind { get; }
    }

    /// <summary>A comma-separated list written item by item (<see cref="CodeWriter.List"/>).</summary>
    internal readonly struct ListText
    {
        public ListText(int count, Func<int, string?> item, bool escape, bool leading = false)
        {
            Count = count;
            Item = item;
            Escape = escape;
            Leading = leading;
        }

        /// <summary>Every item, the first too, follows a separator.</summary>
        public bool Leading { get; }

        public int Count { get; }

        public Func<int, string?> Item { get; }

        public bool Escape { get; }
    }

    /// <summary>An interpolated line of <see cref="CodeWriter.Line(ref LineText)"/>: indentation first, then each piece as it comes.</summary>
    [InterpolatedStringHandler]
    internal ref struct LineText
    {
        private readonly CodeWriter _writer;

        public LineText(int literalLength, int formattedCount, CodeWriter writer)
        {
            _writer = writer;
            writer.StartLine();
        }

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string text) => _writer.Append(text);

        public void AppendFormatted(char c) => _writer.Append(c);

        public void AppendFormatted(int value) => _writer.Append(value);

        public void AppendFormatted(Escaped text) => _writer.Write(text);

        public void AppendFormatted(ListText list) => _writer.Write(list);
    }

    /// <summary>An interpolated piece of a line already started (<see cref="CodeWriter.Append(ref PieceText)"/>).</summary>
    [InterpolatedStringHandler]
    internal ref struct PieceText
    {
        private readonly CodeWriter _writer;

        public PieceText(int literalLength, int formattedCount, CodeWriter writer) => _writer = writer;

        public void AppendLiteral(string text) => _writer.Append(text);

        public void AppendFormatted(string text) => _writer.Append(text);

        public void AppendFormatted(char c) => _writer.Append(c);

        public void AppendFormatted(int value) => _writer.Append(value);

        public void AppendFormatted(Escaped text) => _writer.Write(text);

        public void AppendFormatted(ListText list) => _writer.Write(list);
    }
}
