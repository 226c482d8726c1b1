using System.Collections.Generic;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>A YAML scalar as written: its text (null for a YAML null) and where it stands.</summary>
    public sealed class RawScalar
    {
        public RawScalar(string? value, SourceSpan span, SourceSpan keySpan)
        {
            Value = value;
            Span = span;
            KeySpan = keySpan;
        }

        /// <summary>The scalar's text; null for <c>~</c>, <c>null</c> or an empty plain scalar.</summary>
        public string? Value { get; }

        public SourceSpan Span { get; }

        public SourceSpan KeySpan { get; }
    }

    /// <summary>One entry of <c>errors:</c> before validation; any field may be missing.</summary>
    public sealed class RawEntry
    {
        public RawEntry(SourceSpan span)
        {
            Span = span;
        }

        public SourceSpan Span { get; }

        public RawScalar? Code { get; set; }

        public RawScalar? Status { get; set; }

        public RawScalar? Name { get; set; }

        public RawScalar? Message { get; set; }

        public RawScalar? Description { get; set; }

        public RawScalar? Solution { get; set; }

        public List<RawScalar>? Parameters { get; set; }

        public SourceSpan ParametersSpan { get; set; }

        /// <summary>False when the reader already reported a structural problem that makes the entry unusable.</summary>
        public bool IsWellFormed { get; set; } = true;
    }

    /// <summary>The catalog document as read from YAML, before validation.</summary>
    public sealed class RawCatalog
    {
        public RawScalar? Catalog { get; set; }

        public RawScalar? Namespace { get; set; }

        public bool HasErrors { get; set; }

        public SourceSpan ErrorsKeySpan { get; set; }

        public SourceSpan RootSpan { get; set; }

        public List<RawEntry> Entries { get; } = new List<RawEntry>();

        /// <summary>True when the fast path read the file (see <see cref="FastCatalogParser"/>); for tests and measurements.</summary>
        public bool ReadByFastPath { get; set; }
    }
}
