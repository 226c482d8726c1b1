using System;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>
    /// Writes the C# for one catalog, one file per output: <c>XErrorCodes</c> (<see cref="CodesEmitter"/>),
    /// <c>XError</c> and <c>XErrors</c> (<see cref="ErrorsEmitter"/>), <c>XException</c> with one
    /// subclass per HTTP status (<see cref="ExceptionsEmitter"/>), <c>XFieldError</c> and <c>XValidationException</c>
    /// (<see cref="ValidationEmitter"/>), the culture API when the catalog has
    /// overlays (<see cref="CultureEmitter"/>), and one file per framework integration the compilation
    /// can see (one file per row of <see cref="FrameworkIntegrations.All"/>).
    /// Pure: the same model, plan and options always give the same text.
    /// </summary>
    public static class CSharpEmitter
    {
        public const string ToolName = SourceFile.ToolName;

        /// <summary>The package version (set once, in Directory.Build.props), without any '+commit' suffix.</summary>
        public static string ToolVersion => SourceFile.ToolVersion;

        /// <summary>Emits with a plan made for the purpose (tools and tests; the generator passes the plan it made when parsing).</summary>
        public static EquatableArray<GeneratedFile> Emit(CatalogModel model, EmitOptions options) => Emit(model, EmitPlan.Create(model), options);

        public static EquatableArray<GeneratedFile> Emit(CatalogModel model, EmitPlan plan, EmitOptions options)
        {
            var c = new EmitContext(model, plan, options);
            string prefix = string.IsNullOrEmpty(options.Namespace) ? string.Empty : options.Namespace + ".";

            // One buffer, sized for the largest file, serves every file in turn: a large catalog's
            // text is written into it once per file instead of into fresh large buffers.
            if (options.Library != null)
            {
                return EmitForReference(c, prefix, options.Library);
            }

            var w = new CodeWriter(Math.Max(EstimateErrors(c), CodesEmitter.Estimate(model))) { LineMap = options.LineMap };
            string errors = ErrorsEmitter.Emit(w, c);
            string codes = CodesEmitter.Emit(w.Reset(), c);
            string exceptions = ExceptionsEmitter.Emit(w.Reset(), c);
            var files = new System.Collections.Generic.List<GeneratedFile>
            {
                new GeneratedFile(prefix + c.Names.Codes + ".g.cs", codes),
                new GeneratedFile(prefix + c.Names.Errors + ".g.cs", errors),
                new GeneratedFile(prefix + c.Names.Exception + ".g.cs", exceptions),
                new GeneratedFile(prefix + c.Names.ValidationException + ".g.cs", ValidationEmitter.Emit(w.Reset(), c)),
            };

            if (c.HasCultures)
            {
                files.Add(new GeneratedFile(prefix + c.Names.Errors + ".Cultures.g.cs", CultureEmitter.Emit(w.Reset(), c)));
            }

            // Outputs for a framework, each in its own file, only when the compilation can see it.
            foreach (FrameworkIntegration integration in FrameworkIntegrations.All)
            {
                if (options.Frameworks.Has(integration))
                {
                    files.Add(new GeneratedFile(prefix + integration.FileName(c.Names), integration.Emit(w.Reset(), c)));
                }
            }

            return new EquatableArray<GeneratedFile>(files.ToArray());
        }

        /// <summary>
        /// A reference catalog in a project that sees frameworks its library does not: the files of those integrations
        /// only (the library has the catalog's types and its own integrations), in their external form.
        /// </summary>
        private static EquatableArray<GeneratedFile> EmitForReference(EmitContext c, string prefix, Frameworks library)
        {
            var w = new CodeWriter(4096);
            var files = new System.Collections.Generic.List<GeneratedFile>();
            Frameworks missing = c.Options.Frameworks.Except(library);
            foreach (FrameworkIntegration integration in FrameworkIntegrations.All)
            {
                if (missing.Has(integration))
                {
                    files.Add(new GeneratedFile(prefix + integration.FileName(c.Names), integration.Emit(w.Reset(), c)));
                }
            }

            return new EquatableArray<GeneratedFile>(files.ToArray());
        }

        /// <summary>About the length of the constants file (see <see cref="CodesEmitter.Estimate"/>).</summary>
        internal static int EstimateCodes(CatalogModel model) => CodesEmitter.Estimate(model);

        /// <summary>About the length of the descriptors file.</summary>
        internal static int EstimateErrors(CatalogModel model, string? ns)
            => EstimateErrors(new EmitContext(model, EmitPlan.Create(model), new EmitOptions(ns, true, string.Empty)));

        /// <summary>
        /// About the length of the errors file: its fixed text, each entry's property and texts, and
        /// each formatter by its shape. Sizing the builder once keeps a large catalog's text out of
        /// thousands of short-lived chunks, which the GC would copy.
        /// </summary>
        private static int EstimateErrors(EmitContext c)
        {
            CatalogTypeNames names = c.Names;
            long total = 12000;
            foreach (ErrorEntry entry in c.Model.Entries)
            {
                // The property with its docs, and the entry's texts in the joined table (4 separators).
                total += 160 + names.Codes.Length + names.ErrorQualified.Length + (4 * entry.Name.Length) + entry.Code.Length
                    + entry.MessageTemplate.Length + entry.Description.Length + entry.Solution.Length;
            }

            foreach (FormatterPlan formatter in c.Plan.Formatters)
            {
                ErrorEntry entry = c.Model.Entries[formatter.Entry];
                if (formatter.IsComposed)
                {
                    // The formatter: docs, the stack-buffer writes and the Compose call twice.
                    total += 640 + (3 * entry.MessageTemplate.Length) + (3 * names.ErrorQualified.Length)
                        + (entry.Segments.Count * (names.ErrorQualified.Length + 60));
                }
                else
                {
                    // The formatter: docs, the stack-buffer path, the pooled path and the concatenation,
                    // a line or a piece per template segment in each.
                    total += 700 + (3 * entry.MessageTemplate.Length) + names.ErrorsQualified.Length
                        + (entry.Segments.Count * ((2 * names.ErrorQualified.Length) + 150));
                }
            }

            return ClampCapacity(total);
        }

        internal static int ClampCapacity(long estimate) => (int)Math.Min(estimate, 256L * 1024 * 1024);
    }
}
