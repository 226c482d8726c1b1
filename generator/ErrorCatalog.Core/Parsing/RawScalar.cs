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
        public RawScalar(string? value, SourceSpan span, SourceSpan keySpan, bool isPlain = true)
        {
            Value = value;
            Span = span;
            KeySpan = keySpan;
            IsPresent = true;
            IsPlain = isPlain;
        }

        /// <summary>True for a plain scalar (unquoted, not a block): only a plain scalar is a YAML number or boolean.</summary>
        public bool IsPlain { get; }

        /// <summary>False for a key the mapping does not have (the default value).</summary>
        public bool IsPresent { get; }

        /// <summary>The scalar's text; null for <c>~</c>, <c>null</c>, an empty plain scalar, or a missing key.</summary>
        public string? Value { get; }

        public SourceSpan Span { get; }

        public SourceSpan KeySpan { get; }
    }
}
