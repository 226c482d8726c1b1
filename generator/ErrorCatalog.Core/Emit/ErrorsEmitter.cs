using ErrorCatalog.Core.Model;
using Members = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XErrors.g.cs</c>: the descriptor class (<see cref="DescriptorEmitter"/>), then the catalog
    /// class <c>XErrors</c> — one descriptor property per entry, the lookups, the typed formatters
    /// (<see cref="FormatterEmitter"/>) and, last, the data the descriptors are built from.
    /// </summary>
    internal static class ErrorsEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string error = c.Names.ErrorQualified;
            SourceFile.Start(w, c.Options);
            DescriptorEmitter.Emit(w, c);
            w.Line();
            w.Block($$"""
                /// <summary>The errors of catalog <c>{{c.Model.CatalogName}}</c>: one descriptor per code, lookups by code, and typed message formatters.</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                """);
            w.Open($"public static partial class {c.Names.Errors}");
            string declaration = $"public static {error} "; // once per file, not a string per entry
            for (int i = 0; i < c.Model.Entries.Count; i++)
            {
                ErrorEntry entry = c.Model.Entries[i];

                // The message, description and solution are documented once, on the constant; the
                // descriptor inherits them (the IDE shows the same hover), halving the generated text.
                // Unqualified: no member of this class can be named like the constants class (the validator reserves it).
                w.Line($"/// <inheritdoc cref=\"{c.Names.Codes}.{entry.Name}\"/>");
                Lifecycle.WriteObsolete(w, c, entry);
                w.StartMappedLine(entry.CodeSpan, declaration).Append($"{entry.Name} => {Members.AllArray}[{i}];").EndMappedLine();
                w.Line();
            }

            WriteLookups(w, c);
            FormatterEmitter.Emit(w, c);
            w.Line();

            // The data, last in the class. The descriptors live in one array, built at type
            // initialization from a table: five texts per entry (code, name, message, description,
            // solution; DescriptorTable), then the statuses and parameter counts in catalog order.
            // The texts are one literal split at a separator they do not contain: one token for the
            // compiler instead of five per entry. Each property above reads its element of AllArray.
            // (Static fields rather than locals of CreateAll: ~7% less compile time at 10,000 entries.)
            //
            // Why last: a long list slows the compiler's parse of every statement after it in the same
            // file (Roslyn 4.14+, the .NET 10 SDK's compiler: ~0.3 s more at 10,000 entries with the
            // table before the formatters; docs/performance.md). Static fields initialize in textual
            // order: the table before AllArray, AllArray before what is built from it.
            DataEmitter.Emit(w, c);
            w.Close();
            return SourceFile.End(w, c.Options);
        }

        private static void WriteLookups(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string error = c.Names.ErrorQualified;
            string bang = c.Options.NullableAnnotations ? "!" : string.Empty;
            w.Block($$"""
                /// <summary>Finds the error with this exact code (ordinal comparison).</summary>
                /// <param name="code">The error code, such as <c>error_code</c> from a response body; may be null.</param>
                /// <param name="error">The error when found; otherwise null.</param>
                /// <returns>True when the code is in the catalog.</returns>
                public static bool {{Members.TryGet}}(string{{q}} code, out {{error}} error)
                {
                    error = {{Members.Lookup}}(code){{bang}};
                    return error != null;
                }

                /// <summary>Finds the error with this exact code (ordinal comparison).</summary>
                /// <param name="code">The error code; may be null.</param>
                /// <returns>The error, or null when the code is not in the catalog.</returns>
                public static {{error}}{{q}} {{Members.Find}}(string{{q}} code)
                {
                    return {{Members.Lookup}}(code);
                }

                /// <summary>Tells whether the code is in the catalog (ordinal comparison).</summary>
                /// <param name="code">The error code; may be null.</param>
                /// <returns>True when the code is in the catalog.</returns>
                public static bool {{Members.IsKnown}}(string{{q}} code)
                {
                    return {{Members.Lookup}}(code) != null;
                }

                /// <summary>Tells whether a retry may succeed for a code (its entry's <c>retryable</c>); usable as a retry predicate.</summary>
                /// <param name="code">The error code; may be null.</param>
                /// <returns>True for a known code marked retryable; false otherwise.</returns>
                public static bool {{Members.IsRetryable}}(string{{q}} code)
                {
                    {{error}}{{q}} error = {{Members.Lookup}}(code);
                    return error != null && error.IsRetryable;
                }

                /// <summary>The HTTP status the catalog gives for a code.</summary>
                /// <param name="code">The error code; may be null.</param>
                /// <returns>The status, or null when the code is not in the catalog.</returns>
                public static int? {{Members.GetHttpStatus}}(string{{q}} code)
                {
                    {{error}}{{q}} error = {{Members.Lookup}}(code);
                    return error == null ? (int?)null : error.HttpStatus;
                }
                """);
        }
    }
}
