using System.Globalization;
using System.Text;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// What an entry's log message is made of, for <see cref="LoggingEmitter"/> and for the string-heap
    /// budget that counts its literals: the message with named holes (the <c>{OriginalFormat}</c>), the
    /// holes' state keys, and whether a cached <c>LoggerMessage.Define</c> delegate can carry it.
    /// </summary>
    internal static class LogTemplates
    {
        /// <summary>The most entry parameters a <c>LoggerMessage.Define</c> delegate takes (it takes six; the code is the first).</summary>
        internal const int MaxDefineParameters = 5;

        /// <summary>The length of <see cref="NamedTemplate"/>'s result.</summary>
        internal static int NamedTemplateLength(ErrorEntry entry)
        {
            int length = 0;
            foreach (TemplateSegment segment in entry.Segments)
            {
                if (segment.IsLiteral)
                {
                    length += segment.Literal!.Length;
                    foreach (char c in segment.Literal!)
                    {
                        length += c == '{' || c == '}' ? 1 : 0;
                    }

                    continue;
                }

                length += 2 + HoleName(entry, segment.ParameterIndex).Length;
                length += segment.Alignment == 0 ? 0 : 1 + segment.Alignment.ToString(CultureInfo.InvariantCulture).Length;
                length += segment.Format == null ? 0 : 1 + segment.Format.Length;
            }

            return length;
        }

        /// <summary>A cached delegate needs each placeholder once (LoggerMessage counts holes), at most five of them, and hole names of its own.</summary>
        internal static bool UsesDefine(ErrorEntry entry)
        {
            if (entry.ParameterCount > MaxDefineParameters)
            {
                return false;
            }

            var seen = new bool[entry.ParameterCount];
            foreach (TemplateSegment segment in entry.Segments)
            {
                if (!segment.IsLiteral)
                {
                    if (seen[segment.ParameterIndex])
                    {
                        return false;
                    }

                    seen[segment.ParameterIndex] = true;
                }
            }

            return true;
        }

        /// <summary>The state key of a parameter: its name, with '_' appended where it would be one of the fixed keys.</summary>
        internal static string HoleName(ErrorEntry entry, int parameter)
        {
            string name = entry.ParameterNames[parameter];
            return name == "ErrorCode" || name == "ErrorMessage" || name == "OriginalFormat" ? name + "_" : name;
        }

        /// <summary>The message with named holes (<c>{limit}</c>, <c>{amount,8:N2}</c>) and literal braces doubled: the <c>{OriginalFormat}</c>.</summary>
        internal static string NamedTemplate(ErrorEntry entry)
        {
            var builder = new StringBuilder(entry.MessageTemplate.Length + 16);
            foreach (TemplateSegment segment in entry.Segments)
            {
                if (segment.IsLiteral)
                {
                    builder.Append(segment.Literal!.Replace("{", "{{").Replace("}", "}}"));
                    continue;
                }

                builder.Append('{').Append(HoleName(entry, segment.ParameterIndex));
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

            return builder.ToString();
        }
    }
}
