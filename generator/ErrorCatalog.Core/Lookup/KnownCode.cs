using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Lookup
{
    /// <summary>What the index knows of one code: its catalog and the generated constant.</summary>
    public sealed record KnownCode(string Code, string CatalogName, string Namespace, string MemberName)
    {
        /// <summary>The fully qualified constant, such as <c>global::HuaweiCloud.CodeArtsReq.CodeArtsReqErrorCodes.ResourceNotFound</c>.</summary>
        public string QualifiedConstant => CatalogTypeNames.QualifiedConstant(CatalogName, Namespace, MemberName);

        /// <summary>The constant as the user reads it, such as <c>CodeArtsReqErrorCodes.ResourceNotFound</c>.</summary>
        public string DisplayConstant => CatalogTypeNames.CodesOf(CatalogName) + "." + MemberName;

        /// <summary>The catalog's entry: its status, message, description and solution (for completion's documentation).</summary>
        public ErrorEntry? Entry { get; init; }

        /// <summary>Null for a current code; for a deprecated one, its reason (empty without one).</summary>
        public string? Deprecation { get; init; }

        /// <summary>The code that replaces a deprecated one, or null.</summary>
        public string? ReplacementCode { get; init; }

        /// <summary>The member name of the replacement's constant, or null.</summary>
        public string? ReplacementMember { get; init; }

        /// <summary>The replacement's fully qualified constant, or null.</summary>
        public string? ReplacementConstant => ReplacementMember == null ? null : CatalogTypeNames.QualifiedConstant(CatalogName, Namespace, ReplacementMember);

        /// <summary>The replacement's constant as the user reads it, or null.</summary>
        public string? ReplacementDisplay => ReplacementMember == null ? null : CatalogTypeNames.CodesOf(CatalogName) + "." + ReplacementMember;
    }
}
