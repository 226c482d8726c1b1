namespace ErrorCatalog.Core.Model
{
    /// <summary>One error code of a catalog, validated and with its member name resolved.</summary>
    public sealed record ErrorEntry(
        string Code,
        int HttpStatus,
        string Name,
        string MessageTemplate,
        string Description,
        string Solution,
        EquatableArray<string> ParameterNames,
        EquatableArray<TemplateSegment> Segments)
    {
        public int ParameterCount => ParameterNames.Count;

        /// <summary>Each parameter's type (<see cref="ParameterType.All"/>), parallel to <see cref="ParameterNames"/>; empty when every parameter is <c>object</c>.</summary>
        public EquatableArray<string> ParameterTypes { get; init; } = EquatableArray<string>.Empty;

        /// <summary>The entry's <c>eventId:</c>, or null to take the stable hash of the code.</summary>
        public int? ExplicitEventId { get; init; }

        /// <summary>The entry's <c>level:</c> (<see cref="Naming.LogNames.Levels"/>), or null to take it from the status.</summary>
        public string? ExplicitLevel { get; init; }

        /// <summary>Null when the entry is current; its <c>deprecated:</c> reason when deprecated (empty for <c>deprecated: true</c> or a bare <c>replacedBy</c>).</summary>
        public string? Deprecation { get; init; }

        public bool IsDeprecated => Deprecation != null;

        /// <summary>The code that replaces a deprecated entry (<c>replacedBy:</c>, checked to be a current code of the catalog), or null.</summary>
        public string? ReplacedBy { get; init; }

        /// <summary><c>retryable: true</c>: a retry may succeed.</summary>
        public bool IsRetryable { get; init; }

        /// <summary>The gRPC status code of <c>grpcStatus</c> (its number), or null to map from <see cref="HttpStatus"/>.</summary>
        public int? GrpcStatus { get; init; }

        /// <summary>Where the entry's <c>code:</c> key and value stand: the target of its members' <c>#line</c> mappings (<see cref="Emit.CatalogLineMap"/>).</summary>
        public SourceSpan CodeSpan { get; init; }

        /// <summary>The event id its log method uses (<see cref="Naming.LogNames.StableEventId"/> without <c>eventId:</c>).</summary>
        public int EventId => ExplicitEventId ?? Naming.LogNames.StableEventId(Code);

        /// <summary>The level its log method uses (<see cref="Naming.LogNames.LevelOfStatus"/> without <c>level:</c>).</summary>
        public string Level => ExplicitLevel ?? Naming.LogNames.LevelOfStatus(HttpStatus);
    }
}
