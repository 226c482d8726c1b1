using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>An entry's rarely present keys (<see cref="RawEntry.HasExtras"/>).</summary>
    internal sealed class RawEntryExtras
    {
        public RawScalar EventId;

        public RawScalar Level;

        public RawScalar Deprecated;

        public RawScalar ReplacedBy;

        public RawScalar Retryable;

        public RawScalar GrpcStatus;
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

        /// <summary>
        /// Where the header ('|' or '>') of a clipped block scalar stands when it ends the last entry and the
        /// text, with no line break after it; -1 otherwise. A line added after it would give its value a
        /// final line break, so an edit there strips it instead (<c>|-</c>).
        /// </summary>
        public int FinalClippedBlockHeader { get; set; } = -1;

        /// <summary>True when the fast path read the file (see <see cref="FastCatalogParser"/>); for tests and measurements.</summary>
        public bool ReadByFastPath { get; set; }
    }
}
