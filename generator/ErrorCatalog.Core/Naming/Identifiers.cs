using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ErrorCatalog.Core.Naming
{
    /// <summary>C# identifier rules, kept free of Roslyn so the core can run anywhere.</summary>
    public static class Identifiers
    {
        private static readonly HashSet<string> s_keywords = new HashSet<string>
        {
            "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
            "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
            "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
            "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
            "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
            "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
            "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
            "__arglist", "__makeref", "__reftype", "__refvalue",
        };

        public static bool IsKeyword(string text) => s_keywords.Contains(text);

        /// <summary>True for a simple C# identifier that needs no '@' (letters, digits, '_'; not a keyword).</summary>
        public static bool IsValidIdentifier(string text)
        {
            if (string.IsNullOrEmpty(text) || IsKeyword(text))
            {
                return false;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (i == 0 ? !IsIdentifierStart(c) : !IsIdentifierPart(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A dotted namespace such as <c>HuaweiCloud.CodeArtsReq</c>.</summary>
        public static bool IsValidNamespace(string text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return false;
            }

            foreach (string part in text.Split('.'))
            {
                if (!IsValidIdentifier(part) || part == "global")
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Prefixes '@' where the name is a keyword, so it can be used as a parameter name.</summary>
        public static string EscapeKeyword(string name) => IsKeyword(name) ? "@" + name : name;

        /// <summary>
        /// Derives a PascalCase member name from a message: placeholders and punctuation dropped, words
        /// capitalised, at most <paramref name="maxLength"/> characters cut at a word boundary, and
        /// never starting with a digit. Returns an empty string when the message has no letters or digits.
        /// </summary>
        public static string DeriveFromText(string text, int maxLength = 64)
        {
            // One pass into a small char buffer: each word (ASCII letters and digits outside
            // placeholders; apostrophes join) is appended capitalised while it fits; the first word
            // that does not fit ends the name.
            char[] result = t_nameBuffer ??= new char[256];
            if (result.Length < maxLength + 2)
            {
                result = new char[maxLength + 2];
            }

            int length = 0;
            int wordStart = -1;
            int depth = 0;
            for (int i = 0; i <= text.Length; i++)
            {
                char c = i < text.Length ? text[i] : ' ';
                bool literalBrace = depth == 0 && (c == '{' || c == '}') && i + 1 < text.Length && text[i + 1] == c;
                if (!literalBrace && c != '{' && c != '}' && depth == 0)
                {
                    if (IsAsciiLetterOrDigit(c))
                    {
                        if (wordStart < 0)
                        {
                            wordStart = length;
                            c = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
                        }

                        if (length > maxLength)
                        {
                            // Past the limit inside a word: the word cannot fit, whatever follows.
                            continue;
                        }

                        result[length++] = c;
                        continue;
                    }

                    if (c == '\'' || c == '\u2019')
                    {
                        continue;
                    }
                }

                if (wordStart >= 0)
                {
                    if (wordStart > 0 && length > maxLength)
                    {
                        length = wordStart; // this word does not fit: the name ends before it
                        break;
                    }

                    wordStart = -1;
                    if (length > maxLength)
                    {
                        break; // the first word alone is too long: it is cut below
                    }
                }

                if (literalBrace)
                {
                    i++;
                }
                else if (c == '{')
                {
                    depth++;
                }
                else if (c == '}' && depth > 0)
                {
                    depth--;
                }
            }

            length = Math.Min(length, maxLength);
            if (length == 0)
            {
                return string.Empty;
            }

            string name = new string(result, 0, length);
            return char.IsDigit(name[0]) ? "Error" + name : name;
        }

        [ThreadStatic]
        private static char[]? t_nameBuffer;

        /// <summary>Turns any text (such as an error code) into identifier characters: <c>PM.0215</c> gives <c>PM_0215</c>.</summary>
        public static string Sanitize(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                builder.Append(IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
            }

            return builder.ToString();
        }

        private static bool IsAsciiLetterOrDigit(char c)
            => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

        private static bool IsIdentifierStart(char c)
        {
            if (c == '_')
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.LetterNumber:
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsIdentifierPart(char c)
        {
            if (IsIdentifierStart(c))
            {
                return true;
            }

            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.DecimalDigitNumber:
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                    return true;
                default:
                    return false;
            }
        }
    }
}
