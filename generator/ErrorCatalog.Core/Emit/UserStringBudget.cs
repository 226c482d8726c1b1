using System.Collections.Generic;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;

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
        /// the plan's other literals (<see cref="EmitPlan.Literals"/>), and the fixed helper literals.
        /// The compiler stores each distinct string once; duplicates are only looked for when the plain
        /// sum is over the budget, so a normal catalog costs one pass of additions.
        /// </summary>
        /// <param name="logging">The compilation sees Microsoft.Extensions.Logging: <c>XLog</c>'s literals count too.</param>
        public static long Estimate(CatalogModel model, EmitPlan plan, bool logging = false)
        {
            long total = Sum(model, plan, null, logging);
            return total <= ProjectBudget ? total : Sum(model, plan, NewSeen(), logging);
        }

        /// <summary>The same bound with each distinct string counted once, as the compiler stores them.</summary>
        public static long EstimateExact(CatalogModel model, EmitPlan plan, bool logging = false) => Sum(model, plan, NewSeen(), logging);

        /// <summary><see cref="Estimate(CatalogModel, EmitPlan, bool)"/> with a plan made for the purpose.</summary>
        public static long Estimate(CatalogModel model, bool logging = false) => Estimate(model, EmitPlan.Create(model), logging);

        /// <summary><see cref="EstimateExact(CatalogModel, EmitPlan, bool)"/> with a plan made for the purpose.</summary>
        public static long EstimateExact(CatalogModel model, bool logging = false) => EstimateExact(model, EmitPlan.Create(model), logging);

        /// <summary>What <c>XLog</c> adds, each literal counted (an upper bound of the difference logging makes).</summary>
        public static long LoggingEstimate(CatalogModel model)
        {
            long total = 0;
            foreach ((string? _, int length) in LoggingEmitter.Literals(model, texts: false))
            {
                total += SizeOfLength(length);
            }

            return total;
        }

        private static HashSet<string> NewSeen() => new HashSet<string>(System.StringComparer.Ordinal);

        /// <summary>The bytes one distinct string takes: compressed length, UTF-16 characters, a terminal byte.</summary>
        public static long SizeOf(string text) => SizeOfLength(text.Length);

        private static long SizeOfLength(long length)
        {
            long blob = (2L * length) + 1;
            int prefix = blob < 0x80 ? 1 : blob < 0x4000 ? 2 : 4;
            return prefix + blob;
        }

        /// <summary>Every string the emitter writes as a literal in executable code; with <paramref name="seen"/>, each distinct string once.</summary>
        private static long Sum(CatalogModel model, EmitPlan plan, HashSet<string>? seen, bool logging)
        {
            long total = FixedBytes;
            if (plan.Separator != null)
            {
                // One literal holds every text, repeated ones included.
                total += SizeOfLength(plan.JoinedTextLength);
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

            foreach (string literal in plan.Literals(model))
            {
                total += Size(literal, seen);
            }

            if (logging)
            {
                foreach ((string? text, int length) in LoggingEmitter.Literals(model, texts: seen != null))
                {
                    total += text == null ? SizeOfLength(length) : Size(text, seen);
                }
            }

            return total;
        }

        private static long Size(string? text, HashSet<string>? seen)
            => text == null || (seen != null && !seen.Add(text)) ? 0 : SizeOf(text);
    }
}
