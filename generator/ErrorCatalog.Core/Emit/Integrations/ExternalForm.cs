namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// How an integration's file declares the members it adds to the catalog's exception when the catalog is a
    /// referenced library's (<see cref="EmitContext.External"/>): in an internal extensions class, instance members
    /// as extension methods on a receiver named <c>exception</c>, static members in a C# 14 <c>extension</c> block
    /// (the same call form, <c>XException.FromBody</c>) or, below C# 14, as static methods of the class. In-project
    /// the same text declares members of <c>XException</c> itself.
    /// </summary>
    internal static class ExternalForm
    {
        /// <summary>What a member of the exception reads through: <c>exception.</c>, or nothing in-project.</summary>
        public static string Self(EmitContext c) => c.External ? "exception." : string.Empty;

        /// <summary>The receiver's documentation line, appended to the line before it: a reference catalog's extension methods take <c>exception</c>.</summary>
        public static string ReceiverDoc(EmitContext c) => c.External ? "\n/// <param name=\"exception\">The exception.</param>" : string.Empty;

        /// <summary>A documentation reference to a member of the exception: <c>global::N.XException.M</c>, or <c>M</c> in-project.</summary>
        public static string Cref(EmitContext c, string member) => c.External ? c.Names.ExceptionQualified + "." + member : member;

        /// <summary>A documentation mention of a member the file adds: a <c>see</c> in-project, the plain name for a reference catalog.</summary>
        public static string See(EmitContext c, string member)
            => c.External ? $"<c>{c.Names.Exception}.{member}</c>" : $"<see cref=\"{member}\"/>";

        /// <summary>
        /// A call of a static member the file adds: <c>XException.M</c>, or below C# 14 for a reference catalog
        /// <c>XHttpExtensions.M</c> (<paramref name="extensions"/>).
        /// </summary>
        public static string Static(EmitContext c, string extensions, string member)
            => c.External && !c.Options.ExtensionBlocks ? extensions + "." + member : c.Names.ExceptionQualified + "." + member;

        /// <summary>An instance member's modifiers and the start of its parameter list: <c>static … M(this XException exception, </c> or <c>… M(</c>.</summary>
        public static string Instance(EmitContext c, string returnType, string name, bool more = true)
            => c.External
                ? $"static {returnType} {name}(this {c.Names.ExceptionQualified} exception{(more ? ", " : string.Empty)}"
                : $"{returnType} {name}(";

        /// <summary>A private helper that reads the exception: its receiver parameter, or nothing in-project (then it is an instance method).</summary>
        public static string Helper(EmitContext c, string returnType, string name, bool more = true)
            => c.External
                ? $"static {returnType} {name}({c.Names.ExceptionQualified} exception{(more ? ", " : string.Empty)}"
                : $"{returnType} {name}(";

        /// <summary>The first argument of a call to a <see cref="Helper"/>: <c>exception, </c>, or nothing in-project.</summary>
        public static string HelperArgument(EmitContext c, bool more = true) => c.External ? (more ? "exception, " : "exception") : string.Empty;

        /// <summary>Opens the file's type: <c>public partial class XException</c>, or the internal extensions class <paramref name="extensions"/>.</summary>
        public static void Open(CodeWriter w, EmitContext c, string extensions, string summary)
        {
            if (c.External)
            {
                w.Line($"/// <summary>{summary} for <see cref=\"{c.Names.ExceptionQualified}\"/>, a catalog that a referenced library owns.</summary>");
                w.Line(SourceFile.GeneratedCodeAttribute);
                w.Open($"internal static partial class {extensions}");
            }
            else
            {
                w.Open($"public partial class {c.Names.Exception}");
            }
        }

        /// <summary>Opens the static members' block where they need one (a reference catalog under C# 14); true when opened.</summary>
        public static bool OpenStatics(CodeWriter w, EmitContext c)
        {
            if (!c.External || !c.Options.ExtensionBlocks)
            {
                return false;
            }

            w.Open($"extension({c.Names.ExceptionQualified})");
            return true;
        }
    }
}
