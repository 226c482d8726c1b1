using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Templates
{
    /// <summary>
    /// Parses a .NET composite format string (<c>{0}</c>, <c>{1,8:N2}</c>, <c>{{</c>, <c>}}</c>) or a
    /// template with named placeholders (<c>{id}</c>), once, at generation time, so that the
    /// generated formatters never parse at run time.
    /// </summary>
    public static class MessageTemplate
    {
        /// <summary>.NET refuses indexes of a million and more; so do we.</summary>
        public const int MaxIndex = 999_999;

        private static readonly List<string> s_noNames = new List<string>();
        private static readonly List<TemplateError> s_noErrors = new List<TemplateError>();

        /// <summary>
        /// The .NET composite format string an entry's template means, when it differs from the
        /// template as written (named placeholders such as <c>{id}</c>, spacing .NET would refuse);
        /// null when the template already is it, as every message without placeholders is.
        /// Literal braces come out doubled, each placeholder as <c>{index[,alignment][:format]}</c>.
        /// </summary>
        public static string? RewrittenCompositeFormat(ErrorEntry entry)
            => RewrittenCompositeFormat(entry.Segments, entry.ParameterCount, entry.MessageTemplate);

        /// <summary>The same for any parsed template (a translated message): null when <paramref name="template"/> already is its composite format.</summary>
        public static string? RewrittenCompositeFormat(IReadOnlyList<TemplateSegment> segments, int parameterCount, string template)
        {
            if (parameterCount == 0)
            {
                return null;
            }

            var builder = new StringBuilder(template.Length + 8);
            foreach (TemplateSegment segment in segments)
            {
                if (segment.Literal != null)
                {
                    builder.Append(segment.Literal.Replace("{", "{{").Replace("}", "}}"));
                    continue;
                }

                builder.Append('{').Append(segment.ParameterIndex.ToString(CultureInfo.InvariantCulture));
                if (segment.Alignment != 0)
                {
                    builder.Append(',').Append(segment.Alignment.ToString(CultureInfo.InvariantCulture));
                }

                if (segment.Format != null)
                {
                    builder.Append(':').Append(segment.Format);
                }

                builder.Append('}');
            }

            string composite = builder.ToString();
            return composite == template ? null : composite;
        }

        public static ParsedTemplate Parse(string message)
        {
            if (message.IndexOf('{') < 0 && message.IndexOf('}') < 0)
            {
                // Most messages have no placeholder: one literal segment (none for an empty message).
                var only = new List<TemplateSegment>(1);
                if (message.Length > 0)
                {
                    only.Add(TemplateSegment.Text(message));
                }

                return new ParsedTemplate(PlaceholderKind.None, only, s_noNames, 0, s_noErrors);
            }

            var segments = new List<TemplateSegment>();
            var errors = new List<TemplateError>();
            var names = new List<string>();
            var literal = new StringBuilder();
            bool sawIndexed = false;
            bool sawNamed = false;
            int maxIndex = -1;
            var usedIndexes = new HashSet<int>();

            int i = 0;
            while (i < message.Length)
            {
                char c = message[i];
                if (c == '{')
                {
                    if (i + 1 < message.Length && message[i + 1] == '{')
                    {
                        literal.Append('{');
                        i += 2;
                        continue;
                    }

                    int close = message.IndexOf('}', i + 1);
                    int nextOpen = message.IndexOf('{', i + 1);
                    if (close < 0 || (nextOpen >= 0 && nextOpen < close))
                    {
                        errors.Add(new TemplateError(i, 1, $"'{{' at position {i + 1} is not closed; write '{{{{' for a literal brace"));
                        literal.Append(c);
                        i++;
                        continue;
                    }

                    string body = message.Substring(i + 1, close - i - 1);
                    if (TryParsePlaceholder(body, out string head, out int alignment, out string? format, out string? problem))
                    {
                        FlushLiteral(literal, segments);
                        if (IsAllDigits(head))
                        {
                            sawIndexed = true;
                            int index = int.Parse(head, NumberStyles.None, CultureInfo.InvariantCulture);
                            usedIndexes.Add(index);
                            if (index > maxIndex)
                            {
                                maxIndex = index;
                            }

                            segments.Add(TemplateSegment.Placeholder(index, alignment, format));
                        }
                        else
                        {
                            sawNamed = true;
                            int index = names.IndexOf(head);
                            if (index < 0)
                            {
                                index = names.Count;
                                names.Add(head);
                            }

                            segments.Add(TemplateSegment.Placeholder(index, alignment, format));
                        }
                    }
                    else
                    {
                        errors.Add(new TemplateError(i, close - i + 1, problem!));
                    }

                    i = close + 1;
                    continue;
                }

                if (c == '}')
                {
                    if (i + 1 < message.Length && message[i + 1] == '}')
                    {
                        literal.Append('}');
                        i += 2;
                        continue;
                    }

                    errors.Add(new TemplateError(i, 1, $"'}}' at position {i + 1} has no matching '{{'; write '}}}}' for a literal brace"));
                    literal.Append(c);
                    i++;
                    continue;
                }

                literal.Append(c);
                i++;
            }

            FlushLiteral(literal, segments);

            if (sawIndexed && sawNamed)
            {
                errors.Add(new TemplateError(0, message.Length, "The message mixes indexed ({0}) and named ({name}) placeholders; use one kind"));
            }

            int parameterCount = 0;
            PlaceholderKind kind = PlaceholderKind.None;
            if (sawNamed && !sawIndexed)
            {
                kind = PlaceholderKind.Named;
                parameterCount = names.Count;
            }
            else if (sawIndexed && !sawNamed)
            {
                kind = PlaceholderKind.Indexed;
                parameterCount = maxIndex + 1;
                for (int index = 0; index <= maxIndex; index++)
                {
                    if (!usedIndexes.Contains(index))
                    {
                        errors.Add(new TemplateError(0, message.Length,
                            $"The placeholders skip {{{index}}}: indexes must run from {{0}} to {{{maxIndex}}} without gaps"));
                        break;
                    }
                }
            }

            if (kind != PlaceholderKind.Named)
            {
                names.Clear();
            }

            return new ParsedTemplate(kind, segments, names, parameterCount, errors);
        }

        private static bool TryParsePlaceholder(string body, out string head, out int alignment, out string? format, out string? problem)
        {
            head = string.Empty;
            alignment = 0;
            format = null;
            problem = null;
            if (body.Length == 0)
            {
                problem = "'{}' is an empty placeholder; write {0} (or {name}) for an argument, or '{{}}' for literal braces";
                return false;
            }

            int colon = body.IndexOf(':');
            string beforeFormat = colon >= 0 ? body.Substring(0, colon) : body;
            if (colon >= 0)
            {
                format = body.Substring(colon + 1);
            }

            int comma = beforeFormat.IndexOf(',');
            head = comma >= 0 ? beforeFormat.Substring(0, comma) : beforeFormat;
            if (comma >= 0)
            {
                string alignmentText = beforeFormat.Substring(comma + 1).Trim();
                if (!int.TryParse(alignmentText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out alignment)
                    || alignment > 1_000_000 || alignment < -1_000_000)
                {
                    problem = $"'{{{body}}}' has an invalid alignment '{alignmentText}'; write {{0,8}} or {{0,-8}}";
                    return false;
                }
            }

            if (IsAllDigits(head))
            {
                if (head.Length > 6)
                {
                    problem = $"'{{{body}}}' has an index above {MaxIndex}";
                    return false;
                }

                return true;
            }

            if (Identifiers.IsValidIdentifier(head) || Identifiers.IsKeyword(head))
            {
                return true;
            }

            problem = $"'{{{body}}}' is not a valid placeholder; write an index such as {{0}} or a name such as {{id}}, or double the braces for literal text";
            return false;
        }

        private static bool IsAllDigits(string text)
        {
            if (text.Length == 0)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static void FlushLiteral(StringBuilder literal, List<TemplateSegment> segments)
        {
            if (literal.Length > 0)
            {
                segments.Add(TemplateSegment.Text(literal.ToString()));
                literal.Clear();
            }
        }
    }
}
