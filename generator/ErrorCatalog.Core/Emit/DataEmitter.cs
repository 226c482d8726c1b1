using System;
using ErrorCatalog.Core.Model;
using Members = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// The end of <c>XErrors</c>: the descriptor table (texts, statuses, parameter counts), the
    /// descriptors built from it, <c>All</c>, and the code lookup (a <c>FrozenDictionary</c> on .NET 8+,
    /// a <c>Dictionary</c> elsewhere; both built from the descriptors, both allocation-free per lookup).
    /// </summary>
    internal static class DataEmitter
    {
        public static void Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string error = c.Names.ErrorQualified;
            WriteTextTable(w, c);
            w.Line();
            WriteIntTable(w, Members.DescriptorStatuses, c.Model.Entries, static entry => entry.HttpStatus);
            w.Line();
            WriteIntTable(w, Members.DescriptorParameterCounts, c.Model.Entries, static entry => entry.ParameterCount);
            w.Line();
            string dictionary = $"global::System.Collections.Generic.Dictionary<string, {error}>";

            w.Line($"private static readonly {error}[] {Members.AllArray} = {Members.CreateAll}();");
            w.Line();
            w.Open($"private static {error}[] {Members.CreateAll}()");
            w.Line($"{error}[] all = new {error}[{Members.DescriptorStatuses}.Length];");
            w.Open("for (int i = 0; i < all.Length; i++)");
            w.Block($$"""
                int row = i * {{DescriptorTable.TextsPerEntry}};
                all[i] = new {{error}}({{Members.DescriptorTexts}}[row], {{Members.DescriptorStatuses}}[i], {{Members.DescriptorTexts}}[row + 1], {{Members.DescriptorTexts}}[row + 2], {{Members.DescriptorTexts}}[row + 3], {{Members.DescriptorTexts}}[row + 4], {{Members.DescriptorParameterCounts}}[i]);
                """);
            if (c.HasCultures)
            {
                // With culture overlays, each descriptor knows its row in the culture tables (CultureEmitter).
                w.Line($"all[i].{CultureEmitter.Row} = i;");
            }

            w.Close();
            w.Line();
            WriteLifecycle(w, c);
            w.Line("return all;");
            w.Close();
            w.Line();
            w.Block($$"""
                /// <summary>Every error of the catalog, in catalog order.</summary>
                public static global::System.Collections.Generic.IReadOnlyList<{{error}}> {{Members.All}} { get; } = new global::System.Collections.ObjectModel.ReadOnlyCollection<{{error}}>({{Members.AllArray}});

                #if NET8_0_OR_GREATER
                private static readonly global::System.Collections.Frozen.FrozenDictionary<string, {{error}}> {{Members.ByCode}} =
                    global::System.Collections.Frozen.FrozenDictionary.ToFrozenDictionary({{Members.AllArray}}, e => e.Code, global::System.StringComparer.Ordinal);
                #else
                private static readonly {{dictionary}} {{Members.ByCode}} = {{Members.CreateByCode}}();

                private static {{dictionary}} {{Members.CreateByCode}}()
                {
                    {{dictionary}} byCode = new {{dictionary}}({{Members.AllArray}}.Length, global::System.StringComparer.Ordinal);
                    foreach ({{error}} error in {{Members.AllArray}})
                    {
                        byCode.Add(error.Code, error);
                    }

                    return byCode;
                }
                #endif

                private static {{error}}{{q}} {{Members.Lookup}}(string{{q}} code)
                {
                    {{error}}{{q}} error;
                    return code != null && {{Members.ByCode}}.TryGetValue(code, out error) ? error : null;
                }
                """);
        }

        /// <summary>Deprecations, replacements and retryability, set on the descriptors once they exist (statements of <c>CreateAll</c>, then a blank line).</summary>
        private static void WriteLifecycle(CodeWriter w, EmitContext c)
        {
            bool any = false;
            EquatableArray<ErrorEntry> entries = c.Model.Entries;
            for (int i = 0; i < entries.Count; i++)
            {
                ErrorEntry entry = entries[i];
                if (entry.IsDeprecated)
                {
                    w.StartLine().Append("all[").Append(i).Append("].IsDeprecated = true;").EndLine();
                    int replacement = entry.ReplacedBy == null ? -1 : c.RowOf(entry.ReplacedBy);
                    if (replacement >= 0)
                    {
                        w.StartLine().Append("all[").Append(i).Append("].ReplacedBy = all[").Append(replacement).Append("];").EndLine();
                    }
                }

                if (entry.IsRetryable)
                {
                    w.StartLine().Append("all[").Append(i).Append("].IsRetryable = true;").EndLine();
                }

                any |= entry.IsDeprecated || entry.IsRetryable;
            }

            if (any)
            {
                w.Line();
            }
        }

        /// <summary>
        /// The descriptor texts (<see cref="DescriptorTable"/>): one literal joined at the plan's
        /// separator and split at type initialization, or, when no separator is free, one literal per text.
        /// </summary>
        private static void WriteTextTable(CodeWriter w, EmitContext c)
        {
            char? separator = c.Plan.Separator;
            if (separator == null)
            {
                w.Open($"private static readonly string[] {Members.DescriptorTexts} = new string[]");
                foreach (ErrorEntry entry in c.Model.Entries)
                {
                    w.StartLine();
                    for (int i = 0; i < DescriptorTable.TextsPerEntry; i++)
                    {
                        w.Append(i == 0 ? string.Empty : " ").AppendLiteral(DescriptorTable.Text(entry, i)).Append(',');
                    }

                    w.EndLine();
                }

                w.Close("};");
                return;
            }

            string escaped = CSharpText.UnicodeEscape(separator.Value);
            w.StartLine().Append("private static readonly string[] ").Append(Members.DescriptorTexts).Append(" = \"");
            for (int e = 0; e < c.Model.Entries.Count; e++)
            {
                for (int i = 0; i < DescriptorTable.TextsPerEntry; i++)
                {
                    if (e > 0 || i > 0)
                    {
                        w.Append(escaped);
                    }

                    w.AppendLiteralContent(DescriptorTable.Text(c.Model.Entries[e], i));
                }
            }

            w.Append("\".Split('").Append(escaped).Append("');").EndLine();
        }

        /// <summary>A private static <c>int[]</c> with one value per entry, twenty to a line.</summary>
        private static void WriteIntTable(CodeWriter w, string name, EquatableArray<ErrorEntry> entries, Func<ErrorEntry, int> value)
        {
            w.Open($"private static readonly int[] {name} = new int[]");
            for (int i = 0; i < entries.Count; i += 20)
            {
                w.StartLine();
                for (int j = i; j < Math.Min(i + 20, entries.Count); j++)
                {
                    w.Append(j == i ? string.Empty : " ").Append(value(entries[j])).Append(',');
                }

                w.EndLine();
            }

            w.Close("};");
        }
    }
}
