using System;
using System.Collections.Generic;
using System.Linq;
using ErrorCatalog.Core.Emit.Integrations;
using Microsoft.CodeAnalysis;

namespace ErrorCatalog.Generator
{
    /// <summary>
    /// Which framework integrations a compilation can see, decided by the types themselves (HttpClient lives
    /// in netstandard.dll for some targets), as <see cref="FrameworkIntegrations"/> describes each framework.
    /// Type lookups build the referenced assemblies' symbol tables, so they run only when an assembly that can
    /// hold the framework is referenced at all. Shared by the generator and the analyzer (linked into both),
    /// so both see the same frameworks.
    /// </summary>
    internal static class FrameworkDetection
    {
        /// <param name="compilation">The compilation.</param>
        /// <param name="consider">The rows worth looking for (the analyzer needs only those that change which catalogs are usable); all when null.</param>
        public static Frameworks Detect(Compilation compilation, Func<FrameworkIntegration, bool>? consider = null)
        {
            // One pass over the references (this runs on every edit): the integrations whose assemblies are there.
            var gated = new List<FrameworkIntegration>(FrameworkIntegrations.All.Count);
            foreach (AssemblyIdentity assembly in compilation.ReferencedAssemblyNames)
            {
                foreach (FrameworkIntegration integration in FrameworkIntegrations.All)
                {
                    if (!gated.Contains(integration) && (consider == null || consider(integration)) && integration.GateAssemblies.Contains(assembly.Name))
                    {
                        gated.Add(integration);
                    }
                }
            }

            return gated.Count == 0
                ? Frameworks.None
                : Frameworks.Detect(integration => gated.Contains(integration) && integration.RequiredTypes.All(type => compilation.GetTypeByMetadataName(type) != null));
        }
    }
}
