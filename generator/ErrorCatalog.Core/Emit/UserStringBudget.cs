using System.Collections.Generic;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Templates;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The space a catalog's generated code takes in the compiled assembly's user-string heap
    /// (<c>#US</c>): every string literal in executable code (an <c>ldstr</c>) is stored there once,
    /// as UTF-16 with a length prefix and a terminal byte, and the heap holds at most 16 MiB − 1
    /// bytes (ECMA-335 II.24.2.4: string tokens have 24-bit offsets). Past that the compiler fails
    /// with CS8103, so the generator refuses a catalog before it would emit such code.
    /// Constants (<c>const string</c>) and XML docs do not count; they live elsewhere.
    /// </summary>
    public static class UserStringBudget
    {
        /// <summary>The heap's hard limit in bytes (offsets are 24 bits; offset 0 is the empty blob).</summary>
        public const long HeapLimit = 0xFFFFFF;

        /// <summary>
        /// What all catalogs of one project may take together: 15 MiB, leaving 1 MiB (about half a
        /// million characters of literals) to the project's own code.
        /// </summary>
        public const long ProjectBudget = 15L * 1024 * 1024;

        /// <summary>
        /// The helper code's own literals (argument-check messages, separators), counted once per
        /// catalog; an upper bound, checked against compiled output by the tests.
        /// </summary>
        public const long FixedBytes = 1024;

        /// <summary>
        /// An upper bound of the heap bytes the catalog's generated code uses: the descriptor texts
        /// (code, name, message, description, solution; one literal, see <see cref="DescriptorTable"/>),
        /// the formatters' literal parts and formats, and the fixed helper literals. The compiler stores
        /// each distinct string once; duplicates among the formatters' strings are only looked for when
        /// the plain sum is over the budget, so a normal catalog costs one pass of additions.
        /// </summary>
        public static long Estimate(CatalogModel model)
        {
            // The separator search reads every text; one search serves both sums.
            bool joined = DescriptorTable.Separator(model) != null;
            long total = Sum(model, joined, null);
            return total <= ProjectBudget ? total : Sum(model, joined, NewSeen());
        }

        /// <summary>The same bound with each distinct string counted once, as the compiler stores them.</summary>
        public static long EstimateExact(CatalogModel model)
            => Sum(model, DescriptorTable.Separator(model) != null, NewSeen());

        private static HashSet<string> NewSeen() => new HashSet<string>(System.StringComparer.Ordinal);

        /// <summary>The bytes one distinct string takes: compressed length, UTF-16 characters, a terminal byte.</summary>
        public static long SizeOf(string text) => SizeOfLength(text.Length);

        private static long SizeOfLength(long length)
        {
            long blob = (2L * length) + 1;
            int prefix = blob < 0x80 ? 1 : blob < 0x4000 ? 2 : 4;
            return prefix + blob;
        }

        /// <summary>
        /// Every string the emitter writes as a literal in executable code (see <see cref="CSharpEmitter"/>):
        /// the descriptor table, the formatters' literal parts and formats, and the composite format
        /// (with its code) the descriptor's Format uses where it differs from the template. With <paramref name="seen"/>,
        /// each distinct string once. <paramref name="joined"/>: the texts are one literal (a separator was found).
        /// </summary>
        private static long Sum(CatalogModel model, bool joined, HashSet<string>? seen)
        {
            long total = FixedBytes;
            if (joined)
            {
                // One literal holds every text, repeated ones included.
                total += SizeOfLength(DescriptorTable.JoinedLength(model));
            }
            else
            {
                foreach (ErrorEntry entry in model.Entries)
                {
                    for (int i = 0; i < DescriptorTable.TextsPerEntry; i++)
                    {
                        total += Size(DescriptorTable.Text(entry, i), seen);
                    }
                }
            }

            foreach (ErrorEntry entry in model.Entries)
            {
                if (entry.ParameterCount == 0)
                {
                    continue; // no formatter: the message is only in the table
                }

                int placeholders = 0;
                foreach (TemplateSegment segment in entry.Segments)
                {
                    total += Size(segment.Literal ?? segment.Format, seen);
                    placeholders += segment.IsLiteral ? 0 : 1;
                }

                // A rewritten composite format is chosen by the descriptor's Format in a switch on the
                // code: a `case` with the code and the format.
                if (seen == null)
                {
                    // The plain sum bounds the composite format without building it: a placeholder
                    // written out as {index,alignment:format} is at most 7 characters longer than in
                    // the template (an index of up to 6 digits for a name of at least 1 character).
                    total += SizeOfLength(entry.MessageTemplate.Length + (7 * placeholders)) + SizeOf(entry.Code);
                }
                else
                {
                    string? composite = MessageTemplate.RewrittenCompositeFormat(entry);
                    total += composite == null ? 0 : Size(composite, seen) + Size(entry.Code, seen);
                }
            }

            return total;
        }

        private static long Size(string? text, HashSet<string>? seen)
            => text == null || (seen != null && !seen.Add(text)) ? 0 : SizeOf(text);
    }
}
