using System.Collections.Generic;
using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Templates
{
    /// <summary>The result of parsing a message: its segments and the parameters it needs.</summary>
    public sealed class ParsedTemplate
    {
        internal ParsedTemplate(PlaceholderKind kind, List<TemplateSegment> segments, List<string> placeholderNames, int parameterCount, List<TemplateError> errors)
        {
            Kind = kind;
            Segments = segments;
            PlaceholderNames = placeholderNames;
            ParameterCount = parameterCount;
            Errors = errors;
        }

        public PlaceholderKind Kind { get; }

        public IReadOnlyList<TemplateSegment> Segments { get; }

        /// <summary>For named placeholders, the distinct names in order of first appearance; otherwise empty.</summary>
        public IReadOnlyList<string> PlaceholderNames { get; }

        public int ParameterCount { get; }

        public IReadOnlyList<TemplateError> Errors { get; }

        public bool IsValid => Errors.Count == 0;
    }
}
