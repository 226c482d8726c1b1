using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XErrorCodes.g.cs</c>: one <c>const string</c> per entry, carrying the entry's hover docs
    /// (the descriptor properties inherit them).
    /// </summary>
    internal static class CodesEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>The error codes of catalog <c>{{c.Model.CatalogName}}</c>, as constants.</summary>
                /// <remarks>Look a code up with <see cref="{{c.Names.ErrorsQualified}}.{{GeneratedMembers.TryGet}}"/>.</remarks>
                {{SourceFile.GeneratedCodeAttribute}}
                """);
            w.Open($"public static partial class {c.Names.Codes}");
            bool first = true;
            foreach (ErrorEntry entry in c.Model.Entries)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                WriteEntryDocs(w, c, entry);
                Lifecycle.WriteObsolete(w, c, entry);
                w.StartMappedLine(entry.CodeSpan, "public const string ").Append(entry.Name).Append(" = ").AppendLiteral(entry.Code).Append(';').EndMappedLine();
            }

            w.Close();
            return SourceFile.End(w, c.Options);
        }

        /// <summary>
        /// The hover text of a constant: the message as summary; code, HTTP status, description and
        /// solution as remarks. Two lines per entry (line breaks of the texts become <c>&lt;br/&gt;</c>),
        /// which keeps large catalogs' generated text, and so their generation and compile time, small.
        /// </summary>
        private static void WriteEntryDocs(CodeWriter w, EmitContext c, ErrorEntry entry)
        {
            w.StartLine().Append("/// <summary>").AppendXmlDocInline(entry.MessageTemplate).Append("</summary>").EndLine();
            string? statusName = HttpStatusNames.EnumName(entry.HttpStatus);
            w.StartLine().Append("/// <remarks><para>Code <c>").AppendXmlDocInline(entry.Code).Append("</c>, HTTP ").Append(entry.HttpStatus);
            if (statusName != null)
            {
                w.Append(" (").Append(statusName).Append(')');
            }

            w.Append(".</para>");
            if (entry.Description.Length > 0)
            {
                w.Append("<para>Description: ").AppendXmlDocInline(entry.Description).Append("</para>");
            }

            if (entry.Solution.Length > 0)
            {
                w.Append("<para>Solution: ").AppendXmlDocInline(entry.Solution).Append("</para>");
            }

            if (entry.IsDeprecated)
            {
                w.Append("<para>Deprecated: ").AppendXmlDocInline(Lifecycle.ObsoleteMessage(c, entry)).Append("</para>");
            }

            if (entry.IsRetryable)
            {
                w.Append("<para>Retryable: a retry may succeed.</para>");
            }

            string? link = Lifecycle.HelpLink(c.Model, entry);
            if (link != null)
            {
                w.Append("<para>Documentation: <see href=\"").AppendXmlDocInline(link).Append("\"/></para>");
            }

            w.Append("</remarks>").EndLine();
        }

        /// <summary>About the length of the constants file: its fixed text per entry plus the entry's texts (escapes may add a little; the builder then grows by a chunk).</summary>
        public static int Estimate(CatalogModel model)
        {
            long total = 2000;
            foreach (ErrorEntry entry in model.Entries)
            {
                total += 200 + entry.MessageTemplate.Length + entry.Description.Length + entry.Solution.Length + (2 * entry.Code.Length) + entry.Name.Length;
            }

            return CSharpEmitter.ClampCapacity(total);
        }
    }
}
