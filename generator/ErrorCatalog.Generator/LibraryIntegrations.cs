using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using Microsoft.CodeAnalysis;

namespace ErrorCatalog.Generator
{
    /// <summary>A reference catalog by what its types are called: its file and its generated names' namespace and stem.</summary>
    internal sealed record ReferenceCatalog(string FilePath, string Namespace, string CatalogName, bool IsReference);

    /// <summary>The integrations a referenced library generated for one of its catalogs (read from the library's assembly).</summary>
    internal sealed record LibraryIntegrations(string FilePath, Frameworks Has);

    /// <summary>
    /// Which integrations the libraries that own the reference catalogs generated, by the public types (or the
    /// exception's public member) each integration's file declares (<see cref="FrameworkIntegration.Marker"/>).
    /// Only the integrations the project itself sees are looked for: the project adds those its libraries lack.
    /// Types a project generates for someone else's catalog are internal, so they never count as the library's.
    /// A reference catalog that the project's own catalog of the same identity shadows gets nothing.
    /// </summary>
    internal static class LibraryIntegrationDetection
    {
        /// <summary>The reference catalogs the project adds integrations for: those no catalog of its own shadows (a cached step: it reads no compilation).</summary>
        public static EquatableArray<ReferenceCatalog> Unshadowed(ImmutableArray<ReferenceCatalog> catalogs)
        {
            var owned = new HashSet<string>(catalogs.Where(c => !c.IsReference).Select(c => c.Namespace + "." + c.CatalogName));
            return new EquatableArray<ReferenceCatalog>(catalogs.Where(c => c.IsReference && !owned.Contains(c.Namespace + "." + c.CatalogName)).ToArray());
        }

        public static EquatableArray<LibraryIntegrations> Detect(Compilation compilation, EquatableArray<ReferenceCatalog> references, Frameworks seen)
        {
            if (seen.IsEmpty || references.Count == 0)
            {
                return EquatableArray<LibraryIntegrations>.Empty;
            }

            var found = new List<LibraryIntegrations>(references.Count);
            foreach (ReferenceCatalog reference in references)
            {
                var names = new CatalogTypeNames(reference.CatalogName, reference.Namespace);
                found.Add(new LibraryIntegrations(reference.FilePath, Frameworks.Where(row => seen.Has(row) && Declares(compilation, row.Marker(names)))));
            }

            return new EquatableArray<LibraryIntegrations>(found.ToArray());
        }

        /// <summary>What the library of the reference catalog at <paramref name="filePath"/> generated; null when the project adds nothing for it.</summary>
        public static Frameworks? For(EquatableArray<LibraryIntegrations> libraries, string filePath)
        {
            foreach (LibraryIntegrations library in libraries)
            {
                if (library.FilePath == filePath)
                {
                    return library.Has;
                }
            }

            return null;
        }

        private static bool Declares(Compilation compilation, (string Type, string? Member) marker)
        {
            foreach (INamedTypeSymbol type in compilation.GetTypesByMetadataName(marker.Type))
            {
                if (type.DeclaredAccessibility != Accessibility.Public)
                {
                    continue;
                }

                if (marker.Member == null)
                {
                    return true;
                }

                foreach (ISymbol member in type.GetMembers(marker.Member))
                {
                    if (member.DeclaredAccessibility == Accessibility.Public)
                    {
                        return true;
                    }
                }
            }

            return false;
        }
    }
}
