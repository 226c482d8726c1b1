using System.Collections.Generic;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// What the emitter decides about a catalog before writing a line, computed once when the catalog
    /// is parsed: the descriptor table's separator, each typed formatter's shape, and the composite
    /// formats the descriptor's <c>Format</c> spells out. The string-heap budget
    /// (<see cref="UserStringBudget"/>) counts <see cref="Literals"/>, the very strings the emitter
    /// writes from this plan, so the two cannot drift apart. Value-equatable (a pipeline value).
    /// </summary>
    /// <param name="Separator">The descriptor texts' separator (<see cref="DescriptorTable.Separator"/>); null: one literal per text.</param>
    /// <param name="JoinedTextLength">The length of the joined descriptor literal's value.</param>
    /// <param name="Formatters">One per entry with placeholders, in catalog order.</param>
    public sealed record EmitPlan(char? Separator, long JoinedTextLength, EquatableArray<FormatterPlan> Formatters)
    {
        /// <summary>The most placeholders a formatter hands to the shared <c>Compose</c>; more, or alignment or format, take the pooled interpolated-string handler.</summary>
        public const int MaxComposedHoles = 3;

        /// <summary>The largest stack buffer a formatter writes its message into: the literal text plus 32 characters per placeholder.</summary>
        public const int MaxStackChars = 256;

        public static EmitPlan Create(CatalogModel model)
        {
            var formatters = new List<FormatterPlan>();
            for (int i = 0; i < model.Entries.Count; i++)
            {
                ErrorEntry entry = model.Entries[i];
                if (entry.ParameterCount > 0)
                {
                    formatters.Add(FormatterPlan.Create(i, entry));
                }
            }

            char? separator = DescriptorTable.Separator(model);
            return new EmitPlan(separator, separator == null ? 0 : DescriptorTable.JoinedLength(model), new EquatableArray<FormatterPlan>(formatters.ToArray()));
        }

        /// <summary>True when any entry's composite format is spelled out (the descriptor's <c>Format</c> then switches on the code).</summary>
        public bool AnyRewritten
        {
            get
            {
                foreach (FormatterPlan formatter in Formatters)
                {
                    if (formatter.CompositeFormat != null)
                    {
                        return true;
                    }
                }

                return false;
            }
        }

        /// <summary>
        /// Every string literal the emitted executable code holds besides the descriptor table and the
        /// fixed helper literals: each formatter's literal pieces and placeholder formats, and each
        /// spelled-out composite format with the code its <c>case</c> tests. Repeats included.
        /// </summary>
        public IEnumerable<string> Literals(CatalogModel model)
        {
            foreach (FormatterPlan formatter in Formatters)
            {
                ErrorEntry entry = model.Entries[formatter.Entry];
                foreach (TemplateSegment segment in entry.Segments)
                {
                    string? literal = segment.Literal ?? segment.Format;
                    if (literal != null)
                    {
                        yield return literal;
                    }
                }

                if (formatter.CompositeFormat != null)
                {
                    yield return formatter.CompositeFormat;
                    yield return entry.Code;
                }
            }
        }
    }
}
