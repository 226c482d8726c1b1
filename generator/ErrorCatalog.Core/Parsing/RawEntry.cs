using System.Collections.Generic;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Parsing
{
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

        /// <summary>
        /// The offset just past the entry's last line, recorded by the reader: the line of its last key,
        /// value or block scalar, and the comment lines right below it indented with its keys (the text's
        /// end when the file ends there). What is added to the entry goes here.
        /// </summary>
        public int End { get; set; }

        public RawScalar Code { get; set; }

        public RawScalar Status { get; set; }

        public RawScalar Name { get; set; }

        public RawScalar Message { get; set; }

        public RawScalar Description { get; set; }

        public RawScalar Solution { get; set; }

        // The operational keys most entries do not have live in one object made when the first is read:
        // six inline scalars would add 384 bytes to every entry of a large catalog.
        private RawEntryExtras? _extras;

        public RawScalar EventId { get => _extras == null ? default : _extras.EventId; set => Extras().EventId = value; }

        public RawScalar Level { get => _extras == null ? default : _extras.Level; set => Extras().Level = value; }

        public RawScalar Deprecated { get => _extras == null ? default : _extras.Deprecated; set => Extras().Deprecated = value; }

        public RawScalar ReplacedBy { get => _extras == null ? default : _extras.ReplacedBy; set => Extras().ReplacedBy = value; }

        public RawScalar Retryable { get => _extras == null ? default : _extras.Retryable; set => Extras().Retryable = value; }

        /// <summary>The gRPC status code name the entry maps to (<c>grpcStatus: NOT_FOUND</c>).</summary>
        public RawScalar GrpcStatus { get => _extras == null ? default : _extras.GrpcStatus; set => Extras().GrpcStatus = value; }

        /// <summary>True when the entry has any of <c>eventId</c>, <c>level</c>, <c>deprecated</c>, <c>replacedBy</c>, <c>retryable</c>, <c>grpcStatus</c>.</summary>
        public bool HasExtras => _extras != null;

        private RawEntryExtras Extras() => _extras ??= new RawEntryExtras();

        public List<RawScalar>? Parameters { get; set; }

        /// <summary>Each parameter's <c>type</c>, parallel to <see cref="Parameters"/>; not present for a parameter given by name alone.</summary>
        public List<RawScalar>? ParameterTypes { get; set; }

        public SourceSpan ParametersSpan { get; set; }

        /// <summary>False when the reader already reported a structural problem that makes the entry unusable.</summary>
        public bool IsWellFormed { get; set; }
    }
}
