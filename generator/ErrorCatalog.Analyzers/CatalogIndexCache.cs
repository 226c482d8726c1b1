using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Lookup;
using ErrorCatalog.Core.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ErrorCatalog.Analyzers
{
    /// <summary>
    /// Builds the <see cref="CodeIndex"/> of a compilation's catalogs, parsing each catalog file once:
    /// parsed models are cached across compilations by path and content checksum, so typing in a C#
    /// file never re-parses YAML.
    /// </summary>
    internal static class CatalogIndexCache
    {
        private const int MaxCachedFiles = 64;
        private static readonly ConcurrentDictionary<string, CatalogModel?> s_models = new ConcurrentDictionary<string, CatalogModel?>(StringComparer.Ordinal);
        private static readonly ConcurrentDictionary<string, CodeIndex> s_indexes = new ConcurrentDictionary<string, CodeIndex>(StringComparer.Ordinal);

        /// <summary>Number of catalog parses done so far (for tests of the cache).</summary>
        internal static int ParseCount;

        public static CodeIndex? GetIndex(ImmutableArray<AdditionalText> files, AnalyzerConfigOptions globalOptions, CancellationToken cancellationToken)
        {
            var catalogs = new List<(string Path, SourceText Text, string Key)>();
            foreach (AdditionalText file in files)
            {
                if (!CatalogCompiler.IsCatalogPath(file.Path))
                {
                    continue;
                }

                SourceText? text = file.GetText(cancellationToken);
                if (text != null)
                {
                    catalogs.Add((file.Path, text, file.Path + "|" + Hex(text.GetChecksum())));
                }
            }

            if (catalogs.Count == 0)
            {
                return null;
            }

            globalOptions.TryGetValue("build_property.RootNamespace", out string? rootNamespace);
            var indexKey = new StringBuilder(rootNamespace ?? string.Empty);
            foreach ((_, _, string key) in catalogs)
            {
                indexKey.Append('\n').Append(key);
            }

            string combined = indexKey.ToString();
            if (s_indexes.TryGetValue(combined, out CodeIndex? cached))
            {
                return cached;
            }

            var models = new List<(CatalogModel, string)>();
            foreach ((string path, SourceText text, string key) in catalogs)
            {
                CatalogModel? model = s_models.GetOrAdd(key, _ => Parse(path, text, cancellationToken));
                if (model != null)
                {
                    models.Add((model, CatalogCompiler.ResolveNamespace(model, string.IsNullOrWhiteSpace(rootNamespace) ? null : rootNamespace!.Trim())));
                }
            }

            var index = new CodeIndex(models);
            Trim(s_models);
            Trim(s_indexes);
            s_indexes.TryAdd(combined, index);
            return index;
        }

        /// <summary>Parses the text already read for the checksum (the file is read once).</summary>
        private static CatalogModel? Parse(string path, SourceText text, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref ParseCount);
            try
            {
                // The generator reports the catalog's diagnostics; the analyzer only needs its codes.
                return CatalogCompiler.Parse(path, text.ToString(), null, cancellationToken).Model;
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                return null;
            }
        }

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
