using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>What every emitter of one catalog reads: the model, its plan, the options and the names.</summary>
    internal sealed class EmitContext
    {
        public EmitContext(CatalogModel model, EmitPlan plan, EmitOptions options)
        {
            Model = model;
            Plan = plan;
            Options = options;
            Names = new CatalogTypeNames(model.CatalogName, options.Namespace);
            NullableMark = options.NullableAnnotations ? "?" : string.Empty;
        }

        public CatalogModel Model { get; }

        public EmitPlan Plan { get; }

        public EmitOptions Options { get; }

        public CatalogTypeNames Names { get; }

        /// <summary>The nullable annotation of a reference type: <c>?</c> with C# 8+, else nothing.</summary>
        public string NullableMark { get; }

        /// <summary>
        /// A reference catalog's integrations, written in a consuming project (<see cref="EmitOptions.Library"/>): members
        /// the in-project form declares on <c>XException</c> and <c>XError</c> become extension methods, and the types are
        /// internal to the project.
        /// </summary>
        public bool External => Options.Library != null;

        /// <summary>The accessibility of a generated integration type: <c>public</c>, or <c>internal</c> when <see cref="External"/>.</summary>
        public string Access => External ? "internal" : "public";

        /// <summary>The catalog has culture overlays: the culture API is generated (<see cref="CultureEmitter"/>).</summary>
        public bool HasCultures => !Options.Translations.IsEmpty;

        /// <summary>
        /// Exceptions keep the arguments they were made with (<c>XException.Arguments</c>): to answer in the
        /// caller's language (overlays), or for an integration whose row says it reads them
        /// (<see cref="Integrations.FrameworkIntegration.KeepsArguments"/>: gRPC's <c>ErrorInfo</c> metadata).
        /// </summary>
        /// For a reference catalog (<see cref="External"/>) it is what its library generated: only the library's own
        /// rows and overlays decide whether its exception has <c>Arguments</c>.
        public bool KeepsArguments => HasCultures || (External ? Options.Library!.KeepsArguments : Options.Frameworks.KeepsArguments);

        private System.Collections.Generic.Dictionary<string, int>? _rowByCode;

        /// <summary>The row (catalog index) of the entry with <paramref name="code"/>, or -1; the index is made on first use.</summary>
        public int RowOf(string code)
        {
            if (_rowByCode == null)
            {
                _rowByCode = new System.Collections.Generic.Dictionary<string, int>(Model.Entries.Count, System.StringComparer.Ordinal);
                for (int i = 0; i < Model.Entries.Count; i++)
                {
                    _rowByCode[Model.Entries[i].Code] = i;
                }
            }

            return _rowByCode.TryGetValue(code, out int row) ? row : -1;
        }
    }
}
