using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Templates;

namespace ErrorCatalog.Core.Validation
{
    /// <summary>An entry that passed its own checks, waiting for its member name (<see cref="CatalogValidator"/>).</summary>
    internal sealed class Candidate
    {
        public Candidate(string code, int status, string message, string description, string solution, string? explicitName, SourceSpan nameSpan, string[] parameterNames, ParsedTemplate template)
        {
            Code = code;
            Status = status;
            Message = message;
            Description = description;
            Solution = solution;
            ExplicitName = explicitName;
            NameSpan = nameSpan;
            ParameterNames = parameterNames;
            Template = template;
        }

        public string Code { get; }

        public int Status { get; }

        public string Message { get; }

        public string Description { get; }

        public string Solution { get; }

        public string? ExplicitName { get; }

        public SourceSpan NameSpan { get; }

        public string[] ParameterNames { get; }

        public string[]? ParameterTypes { get; set; }

        public ParsedTemplate Template { get; }

        public string? ResolvedName { get; set; }

        public SourceSpan CodeSpan { get; set; }

        /// <summary>The <c>code:</c> key and its value: where an editor's go-to-definition lands.</summary>
        public SourceSpan CodeLineSpan { get; set; }

        /// <summary>The operational keys (<see cref="LifecycleValidator"/>).</summary>
        public Extras More { get; set; } = Extras.None;

        /// <summary>An entry's <c>eventId</c>, <c>level</c>, <c>deprecated</c>, <c>replacedBy</c> and <c>retryable</c>, as validated.</summary>
        internal sealed class Extras
        {
            /// <summary>An entry without any of the keys (shared: never written).</summary>
            public static readonly Extras None = new Extras();

            public int? EventId { get; set; }

            public SourceSpan EventIdSpan { get; set; }

            public string? Level { get; set; }

            public string? Deprecation { get; set; }

            public string? ReplacedBy { get; set; }

            public SourceSpan ReplacedBySpan { get; set; }

            public bool Retryable { get; set; }

            /// <summary>The gRPC status code (<c>grpcStatus</c>), or null to map from the HTTP status.</summary>
            public int? GrpcStatus { get; set; }
        }
    }
}
