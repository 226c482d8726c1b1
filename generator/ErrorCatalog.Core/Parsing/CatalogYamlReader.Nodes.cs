using System;
using System.Collections.Generic;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>Mappings with their repeated-key check, scalars, and skipping the nodes a catalog does not use.</summary>
    public sealed partial class CatalogYamlReader
    {
        /// <summary>
        /// Reads the mapping whose MappingStart is current (the catalog's root, or an entry); leaves its
        /// MappingEnd current; an entry's values go to <paramref name="entry"/>, the root's to
        /// <paramref name="catalog"/>. Repeated keys are found without a dictionary per mapping: known keys by
        /// their index (the first span kept in a per-depth array), other keys in a set made on demand.
        /// </summary>
        private void ReadMapping(string[] knownKeys, RawCatalog catalog, ref RawEntry entry, bool isEntry)
        {
            int depth = _mappingDepth++;
            if (depth == _firstSpans.Count)
            {
                _firstSpans.Add(new SourceSpan[16]);
            }

            SourceSpan[] firstKnown = _firstSpans[depth];
            int seenKnown = 0;
            Dictionary<string, SourceSpan>? seenOther = null;
            Next();
            while (!(Current is MappingEnd))
            {
                if (!(Current is Scalar key) || key.Value.Length == 0)
                {
                    Report(DiagnosticIds.WrongStructure, Span(Current), $"A key must be a name such as '{knownKeys[0]}'");
                    SkipNode();
                    SkipNode();
                    continue;
                }

                SourceSpan keySpan = Span(key);
                Next();
                int known = Array.IndexOf(knownKeys, key.Value);
                SourceSpan first = default;
                bool repeated = known >= 0
                    ? (seenKnown & (1 << known)) != 0
                    : seenOther != null && seenOther.TryGetValue(key.Value, out first);
                if (repeated)
                {
                    first = known >= 0 ? firstKnown[known] : first;
                    Report(DiagnosticIds.WrongStructure, keySpan,
                        $"The key '{key.Value}' appears twice in the same mapping (first on line {first.DisplayLine}); remove one");
                    SkipNode();
                    continue;
                }

                if (known >= 0)
                {
                    seenKnown |= 1 << known;
                    firstKnown[known] = keySpan;
                }
                else
                {
                    (seenOther ??= new Dictionary<string, SourceSpan>(StringComparer.Ordinal)).Add(key.Value, keySpan);
                }

                if (isEntry)
                {
                    ReadEntryValue(ref entry, key.Value, keySpan);
                }
                else
                {
                    ReadRootValue(catalog, key.Value, keySpan);
                }
            }

            _mappingDepth--;
        }

        /// <summary>The current scalar as the value of <paramref name="key"/>; anything else is reported and skipped (not present, ok false).</summary>
        private RawScalar ReadScalar(string key, SourceSpan keySpan, out bool ok)
        {
            if (Current is Scalar scalar)
            {
                var result = new RawScalar(IsNull(scalar) ? null : scalar.Value, Span(scalar), keySpan, scalar.Style == YamlDotNet.Core.ScalarStyle.Plain);
                Next();
                ok = true;
                return result;
            }

            Report(DiagnosticIds.WrongStructure, Span(Current), $"'{key}' must be a single text value, not {KindOf(Current)}");
            SkipNode();
            ok = false;
            return default;
        }

        /// <summary>Skips the node that starts at the current event, leaving the event after it current.</summary>
        private void SkipNode()
        {
            int depth = 0;
            do
            {
                if (Current is MappingStart || Current is SequenceStart)
                {
                    depth++;
                }
                else if (Current is MappingEnd || Current is SequenceEnd)
                {
                    depth--;
                }

                Next();
            }
            while (depth > 0);
        }
    }
}
