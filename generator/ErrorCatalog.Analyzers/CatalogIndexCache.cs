using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Runtime.CompilerServices;
using System.Threading;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Emit;
using ErrorCatalog.Core.Emit.Integrations;
using ErrorCatalog.Core.Lookup;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Analyzers
{
    /// <summary>
    /// Builds the <see cref="CodeIndex"/> of a compilation's catalogs, parsing each catalog file once:
    /// parse results are cached across compilations by path, content checksum and limits, so typing
    /// in a C# file never re-parses YAML. The project's settings are read as the generator reads them
    /// (<see cref="ProjectSettings"/>), and only the catalogs the generator generates are indexed: a
    /// refused catalog (over a limit, a duplicate identity, over the string-heap budget) has no
    /// constants to suggest.
    /// </summary>
    internal static class CatalogIndexCache
    {
        private const int MaxCachedFiles = 64;
        private static readonly ConcurrentDictionary<string, CatalogParseResult> s_parsed = new ConcurrentDictionary<string, CatalogParseResult>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, CodeIndex> s_indexes = new ConcurrentDictionary<string, CodeIndex>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, bool> s_nearBudget = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);

        /// <summary>Number of catalog parses done so far (for tests of the cache).</summary>
        internal static int ParseCount;

        /// <param name="compilation">The compilation, asked for only when the catalogs come near the string budget (null: no framework seen).</param>
        public static CodeIndex? GetIndex(Func<Compilation?> compilation, ImmutableArray<AdditionalText> files, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
        {
            AnalyzerConfigOptions globalOptions = options.GlobalOptions;
            ProjectSettings settings = ProjectSettings.Read(key => globalOptions.TryGetValue(key, out string? value) ? value : null);
            string limits = settings.Limits.MaxFileChars.ToString(System.Globalization.CultureInfo.InvariantCulture) + "|" + settings.Limits.MaxEntries.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var catalogs = new List<(string Path, SourceText Text, CatalogSource Source, string Key)>();
            foreach (AdditionalText file in files)
            {
                if (!CatalogCompiler.IsCatalogPath(file.Path))
                {
                    continue;
                }

                SourceText? text = file.GetText(cancellationToken);
                if (text != null)
                {
                    AnalyzerConfigOptions fileOptions = options.GetOptions(file);
                    CatalogSource source = CatalogSource.Read(key => fileOptions.TryGetValue(key, out string? value) ? value : null);
                    string origin = source.IsReference ? "ref:" + source.RootNamespace : "own";
                    catalogs.Add((file.Path, text, source, file.Path + "|" + Checksum(text) + "|" + limits + "|" + origin));
                }
            }

            if (catalogs.Count == 0)
            {
                return null;
            }

            var indexKey = new StringBuilder(settings.RootNamespace ?? string.Empty);
            foreach ((_, _, _, string key) in catalogs)
            {
                indexKey.Append('\n').Append(key);
            }

            // Which catalogs the generator refuses can depend on the frameworks it sees (XLog's share of the
            // string heap): looked up, as the generator looks them up, only for catalogs near the budget. Whether
            // they are is kept per set of catalogs, so an edit in C# finds its index without touching a parse.
            string catalogSet = indexKey.ToString();
            List<CatalogParseResult>? parsed = null;
            if (!s_nearBudget.TryGetValue(catalogSet, out bool near))
            {
                parsed = ParseAll(catalogs, settings, cancellationToken);
                near = CatalogCompiler.PlainUserStringBytes(parsed.FindAll(c => !c.Source.IsReference), logging: true) > UserStringBudget.ProjectBudget;
                s_nearBudget[catalogSet] = near;
            }

            Compilation? seen = near ? compilation() : null;
            Frameworks frameworks = seen != null ? FrameworkDetection.Detect(seen, integration => integration.AddsUserStrings) : Frameworks.None;
            string combined = catalogSet + "\n" + frameworks.ToString();
            if (s_indexes.TryGetValue(combined, out CodeIndex? cached))
            {
                return cached;
            }

            parsed ??= ParseAll(catalogs, settings, cancellationToken);

            var models = new List<(CatalogModel, string)>();
            foreach (CatalogParseResult catalog in settings.UsableCatalogs(parsed, frameworks))
            {
                models.Add((catalog.Model!, CatalogCompiler.ResolveNamespace(catalog, settings.RootNamespace)));
            }

            var index = new CodeIndex(models);
            Trim(s_parsed);
            Trim(s_indexes);
            Trim(s_nearBudget);
            s_indexes.TryAdd(combined, index);
            return index;
        }

        private static List<CatalogParseResult> ParseAll(List<(string Path, SourceText Text, CatalogSource Source, string Key)> catalogs, ProjectSettings settings, CancellationToken cancellationToken)
        {
            var parsed = new List<CatalogParseResult>(catalogs.Count);
            foreach ((string path, SourceText text, CatalogSource source, string key) in catalogs)
            {
                parsed.Add(s_parsed.GetOrAdd(key, _ => Parse(path, text, source, settings, cancellationToken)));
            }

            return parsed;
        }

        /// <summary>Parses the text already read for the checksum (the file is read once).</summary>
        private static CatalogParseResult Parse(string path, SourceText text, CatalogSource source, ProjectSettings settings, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref ParseCount);
            try
            {
                // The generator reports the catalog's diagnostics; the analyzer only needs its codes.
                return CatalogCompiler.Parse(path, text.ToString(), settings.Limits, cancellationToken, source);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return new CatalogParseResult(path, null, EquatableArray<ErrorCatalog.Core.Diagnostics.CatalogDiagnostic>.Empty) { Source = source };
            }
        }

        /// <summary>
        /// The text's checksum in hex, computed once per text instance: the IDE hands the same
        /// SourceText to every compilation while the file is unchanged, so an edit in C# does not hash
        /// a large catalog again.
        /// </summary>
        private static string Checksum(SourceText text) => s_checksums.GetValue(text, t => Hex(t.GetChecksum()));

        private static readonly ConditionalWeakTable<SourceText, string> s_checksums = new ConditionalWeakTable<SourceText, string>();

        private static void Trim<T>(ConcurrentDictionary<string, T> cache)
        {
            if (cache.Count > MaxCachedFiles)
            {
                cache.Clear();
            }
        }

        private static string Hex(ImmutableArray<byte> bytes)
        {
            var builder = new StringBuilder(bytes.Length * 2);
            foreach (byte b in bytes)
            {
                builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }

            return builder.ToString();
        }
    }
}
