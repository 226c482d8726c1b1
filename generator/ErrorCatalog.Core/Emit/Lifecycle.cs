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

            ErrorEntry? replacement = Replacement(c, entry);
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

        /// <summary>The entry that replaces a deprecated <paramref name="entry"/> (the validator checked it exists), or null.</summary>
        public static ErrorEntry? Replacement(EmitContext c, ErrorEntry entry)
        {
            int row = entry.ReplacedBy == null ? -1 : c.RowOf(entry.ReplacedBy);
            return row < 0 ? null : c.Model.Entries[row];
        }

        /// <summary>The entry's documentation link (the catalog's <c>docs</c> with <c>{code}</c> and <c>{name}</c> URI-escaped), or null.</summary>
        public static string? HelpLink(CatalogModel model, ErrorEntry entry)
            => model.Docs?.Replace("{code}", Uri.EscapeDataString(entry.Code)).Replace("{name}", Uri.EscapeDataString(entry.Name));
    }
}
