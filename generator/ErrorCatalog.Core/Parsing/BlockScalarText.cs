namespace ErrorCatalog.Core.Parsing
{
    /// <summary>
    /// The text of a block scalar (<c>|</c> or <c>&gt;</c>) as the parser spans it: from its header to past
    /// its trailing blank lines, which belong to its value only when the header keeps them (<c>+</c>).
    /// </summary>
    internal static class BlockScalarText
    {
        /// <summary>True when <paramref name="span"/> (from a scalar's start to its end) is a block scalar's: it starts with '|' or '&gt;'.</summary>
        public static bool IsBlock(string text, int start) => start < text.Length && (text[start] == '|' || text[start] == '>');

        /// <summary>The chomping indicator of the header at <paramref name="header"/>: '+' keep, '-' strip, or ' ' for none (clip).</summary>
        public static char Chomping(string text, int header)
        {
            for (int i = header + 1; i < text.Length && i <= header + 2; i++)
            {
                if (text[i] == '+' || text[i] == '-')
                {
                    return text[i];
                }
            }

            return ' ';
        }

        /// <summary>
        /// Where the block scalar from <paramref name="header"/> to <paramref name="end"/> ends as a value:
        /// after the line break of its last line of content, its trailing blank lines left out unless kept.
        /// </summary>
        public static int ValueEnd(string text, int header, int end)
        {
            if (Chomping(text, header) == '+')
            {
                return end;
            }

            int at = end;
            while (at > header + 1 && text[at - 1] == '\n' && IsBlankLine(text, at - 1, header))
            {
                at = text.LastIndexOf('\n', at - 2) + 1;
            }

            return at;
        }

        /// <summary>True when the line whose break is at <paramref name="lineBreak"/> holds only spaces (or a carriage return), and starts after <paramref name="floor"/>.</summary>
        private static bool IsBlankLine(string text, int lineBreak, int floor)
        {
            int i = lineBreak - 1;
            while (i > floor && (text[i] == ' ' || text[i] == '\r'))
            {
                i--;
            }

            return i > floor && text[i] == '\n';
        }
    }
}
