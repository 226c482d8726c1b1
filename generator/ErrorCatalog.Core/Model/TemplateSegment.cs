namespace ErrorCatalog.Core.Model
{
    /// <summary>
    /// A piece of a parsed message template: literal text (with <c>{{</c>/<c>}}</c> already
    /// unescaped), or a placeholder bound to a formatter parameter.
    /// </summary>
    public sealed record TemplateSegment(string? Literal, int ParameterIndex, int Alignment, string? Format)
    {
        public bool IsLiteral => Literal != null;

        public static TemplateSegment Text(string literal) => new TemplateSegment(literal, -1, 0, null);

        public static TemplateSegment Placeholder(int parameterIndex, int alignment, string? format)
            => new TemplateSegment(null, parameterIndex, alignment, format);
    }
}
