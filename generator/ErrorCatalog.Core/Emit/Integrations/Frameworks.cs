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

        /// <summary>The integrations named.</summary>
        public static Frameworks Of(IEnumerable<FrameworkIntegration> integrations)
            => new Frameworks(integrations.Aggregate(0, (bits, integration) => bits | (1 << integration.Bit)));

        /// <summary>The integrations for which <paramref name="sees"/> is true (the generator: the compilation can see their types).</summary>
        public static Frameworks Detect(Func<FrameworkIntegration, bool> sees) => Of(FrameworkIntegrations.All.Where(sees));

        /// <summary>True when the compilation can see <paramref name="integration"/>'s framework.</summary>
        public bool Has(FrameworkIntegration integration) => (_bits & (1 << integration.Bit)) != 0;

        public override string ToString() => string.Join(",", FrameworkIntegrations.All.Where(Has).Select(i => i.Name));
    }
}
