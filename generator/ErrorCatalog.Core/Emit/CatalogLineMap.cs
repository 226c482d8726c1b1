using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// Where an editor's go-to-definition on a generated declaration goes: <c>#line</c> directives that map
    /// the declaration's line to its entry in the catalog file, and <c>#line default</c> after it, so that
    /// bodies, hover, diagnostics and the debugger stay in the generated file. Emitted only for the IDE's
    /// design-time builds (the generator decides); a command-line build's output has no <c>#line</c> and
    /// no path. Editors follow a mapping only to an absolute path.
    /// </summary>
    /// <param name="Path">The catalog's absolute path, as the compiler was given it.</param>
    /// <param name="Spans">C# 10 or later: the enhanced form, mapping the member's name onto the <c>code:</c> key and value; else the line form.</param>
    public sealed record CatalogLineMap(string Path, bool Spans)
    {
        /// <summary>A mapping to <paramref name="path"/>, or null when no <c>#line</c> can name it (relative, or holding a quote or a line break).</summary>
        public static CatalogLineMap? For(string path, bool spans)
        {
            bool rooted = path.StartsWith("/", System.StringComparison.Ordinal) || (path.Length > 2 && path[1] == ':' && (path[2] == '\\' || path[2] == '/')) || path.StartsWith(@"\\", System.StringComparison.Ordinal);
            return !rooted || path.IndexOfAny(new[] { '"', '\n', '\r' }) >= 0 ? null : new CatalogLineMap(path, spans);
        }
    }
}
