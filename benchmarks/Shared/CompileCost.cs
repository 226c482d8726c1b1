using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Benchmarking
{
    /// <summary>
    /// Figure 5's measurement, compiled into two programs: ErrorCatalog.Perf (in process, on the Roslyn
    /// 4.8 the generator targets) and ErrorCatalog.CompileTimer (on the SDK's own Roslyn). One source, so
    /// both compilers are timed the same way: a full compilation (parse, bind, emit to memory) of a set
    /// of generated files, .NET 8 symbols, C# 12, nullable on, the runtime's System.* references.
    /// </summary>
    internal static class CompileCost
    {
        public static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.CSharp12, preprocessorSymbols: new[] { "NET", "NET8_0_OR_GREATER", "NET6_0_OR_GREATER", "NETCOREAPP" });

        public static readonly CSharpCompilationOptions Options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

        public static readonly ImmutableArray<MetadataReference> References = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) == "netstandard.dll" || Path.GetFileName(p) == "mscorlib.dll")
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();

        /// <summary>Doc comments parsed as structure (the IDE, or a build with GenerateDocumentationFile) and as plain trivia (what `dotnet build` does without /doc).</summary>
        public static readonly (DocumentationMode Mode, string Label)[] Modes =
        {
            (DocumentationMode.Parse, "doc comments parsed (IDE, GenerateDocumentationFile)"),
            (DocumentationMode.None, "doc comments as trivia (dotnet build default)"),
        };

        /// <summary>Milliseconds to compile the files; throws when they do not compile.</summary>
        public static double Compile(IReadOnlyList<(string Path, SourceText Text)> files, DocumentationMode mode)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            CSharpParseOptions options = Parse.WithDocumentationMode(mode);
            var watch = Stopwatch.StartNew();
            var trees = files.Select(f => CSharpSyntaxTree.ParseText(f.Text, options, f.Path)).ToList();
            CSharpCompilation compilation = CSharpCompilation.Create("Generated", trees, References, Options);
            using var stream = new MemoryStream();
            EmitResult emitted = compilation.Emit(stream);
            watch.Stop();
            if (!emitted.Success)
            {
                throw new InvalidOperationException("generated code does not compile: " + string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(5)));
            }

            return watch.Elapsed.TotalMilliseconds;
        }

        /// <summary>
        /// Both file sets compiled <paramref name="runs"/> times after a warm-up run, alternating which goes
        /// first so that neither always inherits the other's heap.
        /// </summary>
        public static (List<double> Ours, List<double> Peer) Alternate(IReadOnlyList<(string Path, SourceText Text)> ours, IReadOnlyList<(string Path, SourceText Text)> peer, DocumentationMode mode, int runs)
        {
            var ourTimes = new List<double>();
            var peerTimes = new List<double>();
            for (int run = 0; run <= runs; run++)
            {
                double p = run % 2 == 0 ? Compile(peer, mode) : double.NaN;
                double o = Compile(ours, mode);
                p = double.IsNaN(p) ? Compile(peer, mode) : p;
                if (run > 0)
                {
                    ourTimes.Add(o);
                    peerTimes.Add(p);
                }
            }

            return (ourTimes, peerTimes);
        }
    }
}
