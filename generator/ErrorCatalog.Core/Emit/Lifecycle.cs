using System;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>What the emitters write about an entry's life: its <c>[Obsolete]</c> message and its documentation link.</summary>
    internal static class Lifecycle
    {
        /// <summary>The <c>[Obsolete]</c> message of a deprecated entry: its reason, then the replacement's constant.</summary>
        public static string ObsoleteMessage(EmitContext c, ErrorEntry entry)
        {
            string reason = entry.Deprecation!.Trim();
            if (reason.Length == 0)
            {
                reason = $"Error code {entry.Code} is deprecated.";
            }
            else if (!reason.EndsWith(".", StringComparison.Ordinal))
            {
                reason += ".";
            }

            ErrorEntry? replacement = Replacement(c.Model, entry);
            return replacement == null ? reason : reason + " Use " + c.Names.Codes + "." + replacement.Name + ".";
        }

        /// <summary>The attribute line: a warning, never an error.</summary>
        public static void WriteObsolete(CodeWriter w, EmitContext c, ErrorEntry entry)
        {
            if (entry.IsDeprecated)
            {
                w.StartLine().Append("[global::System.Obsolete(").AppendLiteral(ObsoleteMessage(c, entry)).Append(")]").EndLine();
            }
        }

        public static ErrorEntry? Replacement(CatalogModel model, ErrorEntry entry)
        {
            if (entry.ReplacedBy == null)
            {
                return null;
            }

            foreach (ErrorEntry candidate in model.Entries)
            {
                if (candidate.Code == entry.ReplacedBy)
                {
                    return candidate;
                }
            }

            return null;
        }

        /// <summary>The entry's documentation link (the catalog's <c>docs</c> with <c>{code}</c> and <c>{name}</c> URI-escaped), or null.</summary>
        public static string? HelpLink(CatalogModel model, ErrorEntry entry)
            => model.Docs?.Replace("{code}", Uri.EscapeDataString(entry.Code)).Replace("{name}", Uri.EscapeDataString(entry.Name));

        public static bool AnyLifecycle(CatalogModel model)
        {
            foreach (ErrorEntry entry in model.Entries)
            {
                if (entry.IsDeprecated || entry.IsRetryable)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
