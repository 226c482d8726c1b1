using System;
using System.Collections.Generic;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// One framework the generator writes code for, described once for both sides: the generator's
    /// detection reads what gates it (<see cref="GateAssemblies"/>, <see cref="RequiredTypes"/>) and the
    /// emitter writes its file (<see cref="FileName"/>) when the compilation can see it. The rows are
    /// <see cref="FrameworkIntegrations.All"/>.
    /// </summary>
    public sealed class FrameworkIntegration
    {
        private readonly Func<CatalogTypeNames, string> _fileStem;
        private readonly Func<CodeWriter, EmitContext, string> _emit;
        private readonly Func<CatalogTypeNames, string[]> _calls;
        private readonly Func<CatalogTypeNames, string> _markerType;
        private readonly string? _markerMember;

        internal FrameworkIntegration(string name, string[] gateAssemblies, string[] requiredTypes, Func<CatalogTypeNames, string> fileStem, Func<CodeWriter, EmitContext, string> emit, FrameworkIntegration[]? requires = null, bool keepsArguments = false, bool addsUserStrings = false,
            string needs = "", Func<CatalogTypeNames, string[]>? calls = null, Func<CatalogTypeNames, string>? markerType = null, string? markerMember = null)
        {
            _markerType = markerType ?? (names => names.Exception);
            _markerMember = markerMember;
            Needs = needs;
            _calls = calls ?? (_ => Array.Empty<string>());
            AddsUserStrings = addsUserStrings;
            Name = name;
            GateAssemblies = gateAssemblies;
            RequiredTypes = requiredTypes;
            Requires = requires ?? Array.Empty<FrameworkIntegration>();
            KeepsArguments = keepsArguments;
            _fileStem = fileStem;
            _emit = emit;
        }

        /// <summary>The name <c>errcat preview --frameworks</c> takes: one per row of <see cref="FrameworkIntegrations.All"/>.</summary>
        public string Name { get; }

        /// <summary>
        /// The integrations whose files this one's file uses (IHttpClientFactory's registration: the HTTP client's
        /// handler). The generator turns this one on only with them, and <see cref="Frameworks.Of"/> adds them.
        /// </summary>
        public IReadOnlyList<FrameworkIntegration> Requires { get; }

        /// <summary>
        /// The file's string literals take a share of the assembly's user-string heap worth counting (<c>XLog</c>'s
        /// message templates, one per entry): the project-wide budget check adds it when the row is on, in the
        /// generator and the analyzer alike (<see cref="CatalogCompiler.FindProjectConflicts"/>).
        /// </summary>
        public bool AddsUserStrings { get; }

        /// <summary>The file reads <c>XException.Arguments</c> (gRPC's <c>ErrorInfo</c> metadata): exceptions keep what they were made with.</summary>
        public bool KeepsArguments { get; }

        /// <summary>
        /// Assemblies that can hold the framework: its types are looked up only when the compilation
        /// references one of them (type lookups build the references' symbol tables).
        /// </summary>
        public IReadOnlyList<string> GateAssemblies { get; }

        /// <summary>The metadata names the compilation must see, all of them, for the file to be emitted.</summary>
        public IReadOnlyList<string> RequiredTypes { get; }

        /// <summary>What a project references to see the framework, in the words of ERRCAT103 ("the package Grpc.StatusProto").</summary>
        public string Needs { get; }

        /// <summary>
        /// The methods of its file that code calls by name on the catalog's types or with its descriptors
        /// (<c>ToRpcException</c>, <c>ProducesErrors</c>): a call to one that does not exist because the framework
        /// is not visible gets ERRCAT103, naming <see cref="Needs"/>.
        /// </summary>
        public IReadOnlyList<string> Calls(CatalogTypeNames names) => _calls(names);

        /// <summary>
        /// How a consuming project tells that a referenced library generated this integration for its catalog: the
        /// metadata name of a public type of the file (<c>XExceptionHandler</c>), and the member of it the file
        /// declares when the type is the exception (<c>RecordOn</c>), else null.
        /// </summary>
        public (string Type, string? Member) Marker(CatalogTypeNames names) => (names.MetadataName(_markerType(names)), _markerMember);

        /// <summary>The bit of this integration in <see cref="Frameworks"/>: its row's index in <see cref="FrameworkIntegrations.All"/>.</summary>
        internal int Bit { get; set; } = -1;

        /// <summary>The generated file's name, without the namespace prefix: <c>XException.Http.g.cs</c>, <c>XLog.g.cs</c>.</summary>
        public string FileName(CatalogTypeNames names) => _fileStem(names) + ".g.cs";

        internal string Emit(CodeWriter writer, EmitContext context) => _emit(writer, context);

        public override string ToString() => Name;
    }
}
