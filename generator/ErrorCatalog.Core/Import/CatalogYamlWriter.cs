using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace ErrorCatalog.Core.Import
{
    /// <summary>
    /// Writes a catalog in a stable, readable YAML: plain scalars where YAML reads them back
    /// unchanged, single quotes where it would not, double quotes (with escapes) for control
    /// characters and line breaks. Same input, same bytes.
    /// </summary>
    public static class CatalogYamlWriter
    {
        /// <summary>The catalog format's JSON Schema, as errcat writes it beside a catalog (<c>errcat schema</c>).</summary>
        public const string SchemaFileName = "errorcatalog.schema.json";

        /// <summary>
        /// The first line of a new catalog or overlay: YAML editors that use yaml-language-server (VS Code's YAML
        /// extension, most LSP editors) validate, complete and explain the file from the schema beside it.
        /// </summary>
        public const string SchemaModeline = "yaml-language-server: $schema=" + SchemaFileName;

        public static string Write(string catalog, string? ns, IEnumerable<CatalogEntryText> entries, IEnumerable<string>? headerComments = null)
        {
            var builder = new StringBuilder();
            foreach (string comment in headerComments ?? new string[0])
            {
                builder.Append("# ").Append(comment).Append('\n');
            }

            builder.Append("catalog: ").Append(Scalar(catalog)).Append('\n');
            if (!string.IsNullOrEmpty(ns))
            {
                builder.Append("namespace: ").Append(Scalar(ns!)).Append('\n');
            }

            builder.Append("errors:\n");
            foreach (CatalogEntryText entry in entries)
            {
                WriteEntry(builder, entry, "  ");
            }

            return builder.ToString();
        }

        /// <summary>One entry of <c>errors:</c>, its dash at <paramref name="indent"/> and its keys two columns further in.</summary>
        public static void WriteEntry(StringBuilder builder, CatalogEntryText entry, string indent)
        {
            string keys = indent + "  ";
            builder.Append(indent).Append("- code: ").Append(Scalar(entry.Code)).Append('\n');
            builder.Append(keys).Append("status: ").Append(entry.Status.ToString(CultureInfo.InvariantCulture)).Append('\n');
            if (entry.Name != null)
            {
                builder.Append(keys).Append("name: ").Append(Scalar(entry.Name)).Append('\n');
            }

            builder.Append(keys).Append("message: ").Append(Scalar(entry.Message)).Append('\n');
            if (entry.Parameters != null && entry.Parameters.Count > 0)
            {
                builder.Append(keys).Append("parameters: ").Append(Parameters(entry.Parameters)).Append('\n');
            }

            builder.Append(keys).Append("description: ").Append(Scalar(entry.Description)).Append('\n');
            builder.Append(keys).Append("solution: ").Append(Scalar(entry.Solution)).Append('\n');
        }

        /// <summary>A flow sequence of parameters: a name alone, or <c>{ name: n, type: t }</c> for a typed one.</summary>
        public static string Parameters(IEnumerable<ParameterText> parameters)
        {
            var parts = new List<string>();
            foreach (ParameterText parameter in parameters)
            {
                parts.Add(parameter.Type == null ? parameter.Name : "{ name: " + parameter.Name + ", type: " + parameter.Type + " }");
            }

            return "[" + string.Join(", ", parts) + "]";
        }

        /// <summary>A culture overlay: <c>catalog</c>, <c>namespace</c>, <c>culture</c>, then each entry's code and translated texts.</summary>
        public static string WriteOverlay(string catalog, string? ns, string culture, IEnumerable<OverlayEntryText> entries, IEnumerable<string>? headerComments = null)
        {
            var builder = new StringBuilder();
            foreach (string comment in headerComments ?? new string[0])
            {
                builder.Append("# ").Append(comment).Append('\n');
            }

            builder.Append("catalog: ").Append(Scalar(catalog)).Append('\n');
            if (!string.IsNullOrEmpty(ns))
            {
                builder.Append("namespace: ").Append(Scalar(ns!)).Append('\n');
            }

            builder.Append("culture: ").Append(Scalar(culture)).Append('\n');
            builder.Append("errors:\n");
            foreach (OverlayEntryText entry in entries)
            {
                WriteOverlayEntry(builder, entry, "  ");
            }

            return builder.ToString();
        }

        /// <summary>One overlay entry, its dash at <paramref name="indent"/>: the code and the texts it translates.</summary>
        public static void WriteOverlayEntry(StringBuilder builder, OverlayEntryText entry, string indent)
        {
            builder.Append(indent).Append("- code: ").Append(Scalar(entry.Code)).Append('\n');
            AppendOptional(builder, indent + "  ", "message", entry.Message);
            AppendOptional(builder, indent + "  ", "description", entry.Description);
            AppendOptional(builder, indent + "  ", "solution", entry.Solution);
        }

        private static void AppendOptional(StringBuilder builder, string indent, string key, string? value)
        {
            if (value != null)
            {
                builder.Append(indent).Append(key).Append(": ").Append(Scalar(value)).Append('\n');
            }
        }

        /// <summary>The YAML form of a text value that reads back as exactly that text.</summary>
        public static string Scalar(string text)
        {
            if (NeedsDoubleQuotes(text))
            {
                return DoubleQuoted(text);
            }

            return IsPlainSafe(text) ? text : "'" + text.Replace("'", "''") + "'";
        }

        private static bool IsPlainSafe(string text)
        {
            if (text.Length == 0 || text.Trim() != text)
            {
                return false;
            }

            if ("-?:,[]{}#&*!|>'\"%@`".IndexOf(text[0]) >= 0 || (text[0] >= '0' && text[0] <= '9') || text[0] == '.' || text[0] == '+')
            {
                return false;
            }

            if (text.Contains(": ") || text.Contains(" #") || text.EndsWith(":", System.StringComparison.Ordinal))
            {
                return false;
            }

            switch (text.ToLowerInvariant())
            {
                case "null":
                case "~":
                case "true":
                case "false":
                case "yes":
                case "no":
                    return false;
                default:
                    return true;
            }
        }

        private static bool NeedsDoubleQuotes(string text)
        {
            foreach (char c in text)
            {
                if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF' || char.IsSurrogate(c))
                {
                    return true;
                }
            }

            return false;
        }

        private static string DoubleQuoted(string text)
        {
            var builder = new StringBuilder("\"");
            foreach (char c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    case '\n':
                        builder.Append("\\n");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    default:
                        if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }
}
