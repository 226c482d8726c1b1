using System;
using System.Collections.Generic;
using System.Linq;

namespace ErrorCatalog.Core.Import
{
    /// <summary>What a merge did: counts per kind, each changed key, and the changes <c>errcat diff</c> calls breaking.</summary>
    public sealed class MergeSummary
    {
        public int Added { get; internal set; }

        public int Deprecated { get; internal set; }

        public int Unchanged { get; internal set; }

        /// <summary>Entries whose texts changed, by key (status, message, description, solution).</summary>
        public SortedDictionary<string, int> Changed { get; } = new SortedDictionary<string, int>(StringComparer.Ordinal);

        /// <summary>Breaking changes, one line each (a status changed).</summary>
        public List<string> Breaking { get; } = new List<string>();

        /// <summary>Entries whose derived member name was written down because their message changed.</summary>
        public List<string> PinnedNames { get; } = new List<string>();

        internal void Count(string key) => Changed[key] = Changed.TryGetValue(key, out int n) ? n + 1 : 1;

        public override string ToString()
        {
            string changed = Changed.Count == 0 ? "0" : $"{Changed.Values.Sum()} ({string.Join(", ", Changed.Select(c => $"{c.Key} {c.Value}"))})";
            return $"added {Added}, changed {changed}, deprecated {Deprecated}, unchanged {Unchanged}";
        }
    }
}
