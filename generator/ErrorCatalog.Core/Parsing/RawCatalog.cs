using System;
using System.Collections.Generic;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>
    /// A YAML scalar as written: its text (null for a YAML null) and where it stands. A value type:
    /// entries hold their scalars inline, so a raw catalog costs no object per value (see
    /// <see cref="RawEntryList"/>); <c>default</c> is a key that is not there.
    /// </summary>
    public readonly struct RawScalar
    {
        public RawScalar(string? value, SourceSpan span, SourceSpan keySpan)
        {
            Value = value;
            Span = span;
            KeySpan = keySpan;
            IsPresent = true;
        }

        /// <summary>False for a key the mapping does not have (the default value).</summary>
        public bool IsPresent { get; }

        /// <summary>The scalar's text; null for <c>~</c>, <c>null</c>, an empty plain scalar, or a missing key.</summary>
        public string? Value { get; }

        public SourceSpan Span { get; }

        public SourceSpan KeySpan { get; }
    }

    /// <summary>One entry of <c>errors:</c> before validation; any field may be missing (its scalar not <see cref="RawScalar.IsPresent"/>).</summary>
    public struct RawEntry
    {
        public RawEntry(SourceSpan span)
        {
            this = default;
            Span = span;
            IsWellFormed = true;
        }

        public SourceSpan Span { get; }

        public RawScalar Code { get; set; }

        public RawScalar Status { get; set; }

        public RawScalar Name { get; set; }

        public RawScalar Message { get; set; }

        public RawScalar Description { get; set; }

        public RawScalar Solution { get; set; }

        // The operational keys most entries do not have live in one object made when the first is read:
        // five inline scalars would add 320 bytes to every entry of a large catalog.
        private RawEntryExtras? _extras;

        public RawScalar EventId { get => _extras == null ? default : _extras.EventId; set => Extras().EventId = value; }

        public RawScalar Level { get => _extras == null ? default : _extras.Level; set => Extras().Level = value; }

        public RawScalar Deprecated { get => _extras == null ? default : _extras.Deprecated; set => Extras().Deprecated = value; }

        public RawScalar ReplacedBy { get => _extras == null ? default : _extras.ReplacedBy; set => Extras().ReplacedBy = value; }

        public RawScalar Retryable { get => _extras == null ? default : _extras.Retryable; set => Extras().Retryable = value; }

        /// <summary>True when the entry has any of <c>eventId</c>, <c>level</c>, <c>deprecated</c>, <c>replacedBy</c>, <c>retryable</c>.</summary>
        public bool HasExtras => _extras != null;

        private RawEntryExtras Extras() => _extras ??= new RawEntryExtras();

        public List<RawScalar>? Parameters { get; set; }

        /// <summary>Each parameter's <c>type</c>, parallel to <see cref="Parameters"/>; not present for a parameter given by name alone.</summary>
        public List<RawScalar>? ParameterTypes { get; set; }

        public SourceSpan ParametersSpan { get; set; }

        /// <summary>False when the reader already reported a structural problem that makes the entry unusable.</summary>
        public bool IsWellFormed { get; set; }
    }

    /// <summary>An entry's rarely present keys (<see cref="RawEntry.HasExtras"/>).</summary>
    internal sealed class RawEntryExtras
    {
        public RawScalar EventId;

        public RawScalar Level;

        public RawScalar Deprecated;

        public RawScalar ReplacedBy;

        public RawScalar Retryable;
    }

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

    /// <summary>The catalog document as read from YAML, before validation.</summary>
    public sealed class RawCatalog
    {
        public RawScalar Catalog { get; set; }

        public RawScalar Namespace { get; set; }

        /// <summary>The documentation link template (<c>docs: https://…#{code}</c>).</summary>
        public RawScalar Docs { get; set; }

        /// <summary>Present in a culture overlay (<c>culture: zh-CN</c>): the file translates the neutral catalog of the same identity.</summary>
        public RawScalar Culture { get; set; }

        public bool HasErrors { get; set; }

        public SourceSpan ErrorsKeySpan { get; set; }

        public SourceSpan RootSpan { get; set; }

        public RawEntryList Entries { get; } = new RawEntryList();

        /// <summary>True when the fast path read the file (see <see cref="FastCatalogParser"/>); for tests and measurements.</summary>
        public bool ReadByFastPath { get; set; }
    }
}
