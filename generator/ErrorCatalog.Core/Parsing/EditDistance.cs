using System;
using System.Collections.Generic;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>Levenshtein distance with an early cut-off, for did-you-mean suggestions.</summary>
    public static class EditDistance
    {
        /// <summary>The distance between two strings, or <paramref name="max"/> + 1 when it is larger than <paramref name="max"/>.</summary>
        public static int Compute(string a, string b, int max)
        {
            if (Math.Abs(a.Length - b.Length) > max)
            {
                return max + 1;
            }

            int[] previous = new int[b.Length + 1];
            int[] current = new int[b.Length + 1];
            for (int j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (int i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                int rowMin = current[0];
                for (int j = 1; j <= b.Length; j++)
                {
                    int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                    rowMin = Math.Min(rowMin, current[j]);
                }

                if (rowMin > max)
                {
                    return max + 1;
                }

                int[] swap = previous;
                previous = current;
                current = swap;
            }

            return Math.Min(previous[b.Length], max + 1);
        }

        /// <summary>The closest candidate within <paramref name="max"/> edits (first in order on ties), or null.</summary>
        public static string? Closest(string value, IEnumerable<string> candidates, int max)
        {
            string? best = null;
            int bestDistance = max + 1;
            foreach (string candidate in candidates)
            {
                int distance = Compute(value, candidate, max);
                if (distance < bestDistance)
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            return best;
        }
    }
}
