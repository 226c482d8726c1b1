using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The framework integrations whose types the consuming compilation can see, detected by type
    /// (never by target framework). A value of the generator's pipeline: equatable, and the same on
    /// every edit that adds no reference.
    /// </summary>
    public sealed record Frameworks
    {
        private readonly int _bits;

        private Frameworks(int bits) => _bits = bits;

        /// <summary>No framework: the core files only.</summary>
        public static readonly Frameworks None = new Frameworks(0);

        /// <summary>Every integration of <see cref="FrameworkIntegrations.All"/>.</summary>
        public static Frameworks All => Of(FrameworkIntegrations.All);

        /// <summary>The integrations named, and those they require (<see cref="FrameworkIntegration.Requires"/>).</summary>
        public static Frameworks Of(IEnumerable<FrameworkIntegration> integrations)
            => new Frameworks(integrations.Aggregate(0, With));

        /// <summary>
        /// The integrations for which <paramref name="sees"/> is true (the generator: the compilation can see their
        /// types) and whose required integrations are detected too.
        /// </summary>
        public static Frameworks Detect(Func<FrameworkIntegration, bool> sees)
        {
            int bits = 0;
            foreach (FrameworkIntegration integration in FrameworkIntegrations.All)
            {
                if (integration.Requires.All(r => (bits & (1 << r.Bit)) != 0) && sees(integration))
                {
                    bits |= 1 << integration.Bit;
                }
            }

            return new Frameworks(bits);
        }

        /// <summary>True when an integration that is on adds string literals worth counting to the user-string heap (<see cref="FrameworkIntegration.AddsUserStrings"/>).</summary>
        public bool AddsUserStrings => AnyOn(i => i.AddsUserStrings);

        /// <summary>True when an integration that is on reads the exceptions' arguments (<see cref="FrameworkIntegration.KeepsArguments"/>).</summary>
        public bool KeepsArguments => AnyOn(i => i.KeepsArguments);

        private bool AnyOn(Func<FrameworkIntegration, bool> column) => FrameworkIntegrations.All.Any(i => column(i) && Has(i));

        private static int With(int bits, FrameworkIntegration integration)
            => integration.Requires.Aggregate(bits | (1 << integration.Bit), With);

        /// <summary>No integration is on.</summary>
        public bool IsEmpty => _bits == 0;

        /// <summary>The integrations on here and not in <paramref name="other"/> (a referenced library's, which a consuming project adds).</summary>
        public Frameworks Except(Frameworks other) => new Frameworks(_bits & ~other._bits);

        /// <summary>The integrations for which <paramref name="has"/> is true, whatever they require (what a library generated).</summary>
        public static Frameworks Where(Func<FrameworkIntegration, bool> has)
            => new Frameworks(FrameworkIntegrations.All.Where(has).Aggregate(0, (bits, i) => bits | (1 << i.Bit)));

        /// <summary>True when the compilation can see <paramref name="integration"/>'s framework.</summary>
        public bool Has(FrameworkIntegration integration) => (_bits & (1 << integration.Bit)) != 0;

        public override string ToString() => string.Join(",", FrameworkIntegrations.All.Where(Has).Select(i => i.Name));
    }
}
