using Members = ErrorCatalog.Core.Naming.GeneratedMembers;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// <c>XException.Arguments</c>, where exceptions keep what <c>ToException</c> was given
    /// (<see cref="EmitContext.KeepsArguments"/>: the catalog has overlays, or an integration that reads
    /// them is on, <see cref="Integrations.FrameworkIntegration.KeepsArguments"/>): in the exception file.
    /// </summary>
    internal static class ArgumentsEmitter
    {
        public static void Write(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string list = $"global::System.Collections.ObjectModel.ReadOnlyCollection<object{q}>";
            w.Block($$"""
                public partial class {{c.Names.Exception}}
                {
                    private static readonly {{list}} s_noArguments = new {{list}}(new object{{q}}[0]);

                    private {{list}}{{q}} _arguments;

                    /// <summary>
                    /// The arguments the exception was made with (<see cref="{{c.Names.ErrorQualified}}.ToException"/>), in parameter order;
                    /// empty for an exception made from a received error (<see cref="FromResponse"/>, a decoded response).
                    /// </summary>
                    public global::System.Collections.Generic.IReadOnlyList<object{{q}}> Arguments
                    {
                        get { return _arguments ?? s_noArguments; }
                    }

                    /// <summary>True when the exception was made by <c>ToException</c> (it holds its arguments). Public, and hidden from completion, for the integrations that projects referencing this catalog generate.</summary>
                    [global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
                    public bool {{Members.HasArguments}}
                    {
                        get { return _arguments != null; }
                    }

                    internal void {{Members.SetArguments}}(object{{q}}[] args)
                    {
                        _arguments = new {{list}}((object{{q}}[])args.Clone());
                    }
                }
                """);
        }
    }
}
