using System;

namespace ErrorCatalog.Core.Model
{
    /// <summary>
    /// A place in a catalog file: character offsets and zero-based line/column positions,
    /// enough to build a Roslyn <c>Location</c> without holding one.
    /// </summary>
    public readonly record struct SourceSpan(int Start, int End, int StartLine, int StartColumn, int EndLine, int EndColumn)
    {
        public static readonly SourceSpan Empty = new SourceSpan(0, 0, 0, 0, 0, 0);

        public int Length => Math.Max(0, End - Start);

        /// <summary>One-based line, as compilers print it.</summary>
        public int DisplayLine => StartLine + 1;

        /// <summary>One-based column, as compilers print it.</summary>
        public int DisplayColumn => StartColumn + 1;

        /// <summary>From the start of <paramref name="first"/> to the end of <paramref name="last"/> (a key and its value).</summary>
        public static SourceSpan Join(SourceSpan first, SourceSpan last)
            => new SourceSpan(first.Start, last.End, first.StartLine, first.StartColumn, last.EndLine, last.EndColumn);
    }
}
