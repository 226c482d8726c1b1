using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Templates;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>One typed formatter, measured once.</summary>
    /// <param name="Entry">The entry's index in the catalog.</param>
    /// <param name="Holes">Placeholder occurrences in the template (a repeated placeholder counts each time).</param>
    /// <param name="LiteralLength">Characters of literal text.</param>
    /// <param name="Plain">No placeholder has alignment or format.</param>
    /// <param name="QualifiedHelpers">A parameter is named like a helper and would hide it: the helpers are called qualified.</param>
    /// <param name="CompositeFormat">The composite format the template means, when it is not the template itself (named placeholders, spacing .NET refuses); else null.</param>
    public sealed record FormatterPlan(int Entry, int Holes, int LiteralLength, bool Plain, bool QualifiedHelpers, string? CompositeFormat)
    {
        /// <summary>The stack buffer the message is written into: the literal text plus 32 characters per placeholder.</summary>
        public int StackChars => LiteralLength + (32 * Holes);

        /// <summary>The message fits a stack buffer on .NET 6+.</summary>
        public bool UsesStackBuffer => StackChars <= EmitPlan.MaxStackChars;

        /// <summary>
        /// The formatter hands its pieces to the shared <c>Compose</c> (texts and values alternate: the
        /// template parser merges adjacent literal text); otherwise it gets a body of its own.
        /// </summary>
        public bool IsComposed => Plain && Holes > 0 && Holes <= EmitPlan.MaxComposedHoles;

        public static FormatterPlan Create(int index, ErrorEntry entry)
            => Create(index, entry, entry.Segments, MessageTemplate.RewrittenCompositeFormat(entry));

        /// <summary>The plan of a formatter body for <paramref name="segments"/> (a translated message bound to the entry's parameters).</summary>
        public static FormatterPlan Create(int index, ErrorEntry entry, EquatableArray<TemplateSegment> segments, string? compositeFormat)
        {
            int holes = 0;
            int literalLength = 0;
            bool plain = true;
            foreach (TemplateSegment segment in segments)
            {
                if (segment.IsLiteral)
                {
                    literalLength += segment.Literal!.Length;
                }
                else
                {
                    holes++;
                    plain &= segment.Alignment == 0 && segment.Format == null;
                }
            }

            bool qualified = false;
            foreach (string parameter in entry.ParameterNames)
            {
                foreach (string helper in GeneratedMembers.FormatterHelpers)
                {
                    qualified |= parameter == helper;
                }
            }

            return new FormatterPlan(index, holes, literalLength, plain, qualified, compositeFormat);
        }
    }
}
