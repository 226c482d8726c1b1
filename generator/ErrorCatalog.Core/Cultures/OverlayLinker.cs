using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Templates;

namespace ErrorCatalog.Core.Cultures
{
    /// <summary>
    /// Joins each culture overlay of a project to the neutral catalog of the same identity (catalog
    /// name and namespace) and checks it against that catalog: ERRCAT013 for a code the catalog lacks,
    /// ERRCAT014 for a translated message whose placeholders differ, ERRCAT015 for the coverage, and
    /// ERRCAT016 for an overlay without a neutral catalog or a second overlay of one culture. Overlays
    /// are taken in ordinal path order, so the result does not depend on the order files arrive in.
    /// Reference catalogs' overlays are their library's business: skipped.
    /// </summary>
    public static class OverlayLinker
    {
        public static CultureLinkResult Link(IEnumerable<CatalogParseResult> catalogs, string? rootNamespace)
        {
            var overlays = new List<CatalogParseResult>();
            foreach (CatalogParseResult catalog in catalogs)
            {
                if (catalog.Overlay != null)
                {
                    overlays.Add(catalog);
                }
            }

            if (overlays.Count == 0)
            {
                return CultureLinkResult.None;
            }

            var neutrals = new Dictionary<string, CatalogParseResult>(StringComparer.OrdinalIgnoreCase);
            foreach (CatalogParseResult catalog in CatalogCompiler.InProjectOrder(catalogs))
            {
                // A reference catalog's overlays come with it (its integrations in this project answer in their
                // languages); they translate only catalogs of the same kind, and their diagnostics are its library's.
                {
                    string identity = Kind(catalog) + Identity(CatalogCompiler.ResolveNamespace(catalog, rootNamespace), catalog.Model!.CatalogName);
                    if (!neutrals.ContainsKey(identity))
                    {
                        neutrals.Add(identity, catalog);
                    }
                }
            }

            overlays.Sort((a, b) => string.CompareOrdinal(a.FilePath, b.FilePath));
            var reported = new List<CatalogDiagnostic>();
            var byNeutral = new Dictionary<string, List<CultureTexts>>(StringComparer.Ordinal);
            var firstByCulture = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var rowsByNeutral = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
            foreach (CatalogParseResult file in overlays)
            {
                OverlayModel overlay = file.Overlay!;
                string ns = CatalogCompiler.ResolveNamespace(overlay.Namespace, file.Source.IsReference ? file.Source.RootNamespace : rootNamespace);
                string identity = Kind(file) + Identity(ns, overlay.CatalogName);
                List<CatalogDiagnostic> diagnostics = file.Source.IsReference ? new List<CatalogDiagnostic>() : reported;
                if (!neutrals.TryGetValue(identity, out CatalogParseResult? neutral))
                {
                    string where = ns.Length == 0 ? "the global namespace" : $"namespace '{ns}'";
                    diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.OverlayNotApplicable,
                        $"The '{overlay.Culture}' overlay translates catalog '{overlay.CatalogName}' in {where}, but the project has no such catalog; give it the 'catalog' (and 'namespace') of the catalog it translates",
                        file.FilePath, overlay.IdentitySpan));
                    continue;
                }

                string cultureKey = identity + "|" + overlay.Culture;
                if (firstByCulture.TryGetValue(cultureKey, out string? firstPath))
                {
                    diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.OverlayNotApplicable,
                        $"Catalog '{overlay.CatalogName}' already has a '{overlay.Culture}' overlay ({Path.GetFileName(firstPath)}); merge the two files",
                        file.FilePath, overlay.CultureSpan));
                    continue;
                }

                firstByCulture.Add(cultureKey, file.FilePath);
                if (!rowsByNeutral.TryGetValue(neutral.FilePath, out Dictionary<string, int>? rows))
                {
                    rowsByNeutral.Add(neutral.FilePath, rows = RowsByCode(neutral.Model!));
                }

                CultureTexts texts = Translate(file.FilePath, overlay, neutral.Model!, rows, diagnostics);
                if (!byNeutral.TryGetValue(neutral.FilePath, out List<CultureTexts>? list))
                {
                    byNeutral.Add(neutral.FilePath, list = new List<CultureTexts>());
                }

                list.Add(texts);
            }

            var result = new List<CatalogTranslations>();
            foreach (KeyValuePair<string, List<CultureTexts>> pair in byNeutral)
            {
                pair.Value.Sort((a, b) => string.CompareOrdinal(a.Culture, b.Culture));
                result.Add(new CatalogTranslations(pair.Key, new EquatableArray<CultureTexts>(pair.Value.ToArray())));
            }

            result.Sort((a, b) => string.CompareOrdinal(a.NeutralPath, b.NeutralPath));
            return new CultureLinkResult(new EquatableArray<CatalogTranslations>(result.ToArray()), new EquatableArray<CatalogDiagnostic>(reported.ToArray()));
        }

        private static string Identity(string ns, string catalogName) => ns + "." + catalogName;

        private static string Kind(CatalogParseResult file) => file.Source.IsReference ? "reference:" : string.Empty;

        private static Dictionary<string, int> RowsByCode(CatalogModel neutral)
        {
            var rows = new Dictionary<string, int>(neutral.Entries.Count, StringComparer.Ordinal);
            for (int i = 0; i < neutral.Entries.Count; i++)
            {
                rows.Add(neutral.Entries[i].Code, i);
            }

            return rows;
        }

        private static CultureTexts Translate(string path, OverlayModel overlay, CatalogModel neutral, Dictionary<string, int> rows, List<CatalogDiagnostic> diagnostics)
        {
            var translated = new List<TranslatedEntry>();
            foreach (OverlayEntry entry in overlay.Entries)
            {
                if (!rows.TryGetValue(entry.Code, out int row))
                {
                    diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.OverlayUnknownCode,
                        $"Catalog '{neutral.CatalogName}' has no code '{entry.Code}'; the '{overlay.Culture}' translation of it is ignored", path, entry.CodeSpan));
                    continue;
                }

                ErrorEntry original = neutral.Entries[row];
                string? message = entry.Message;
                EquatableArray<TemplateSegment> segments = EquatableArray<TemplateSegment>.Empty;
                string? composite = null;
                if (message != null)
                {
                    string? problem = MatchPlaceholders(message, original, out segments);
                    if (problem != null)
                    {
                        diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.OverlayPlaceholderMismatch,
                            $"The '{overlay.Culture}' message of '{entry.Code}' is not used: {problem}; the neutral message is '{original.MessageTemplate}'", path, entry.MessageSpan));
                        message = null;
                    }
                    else
                    {
                        composite = MessageTemplate.RewrittenCompositeFormat(segments, original.ParameterCount, message);
                    }
                }

                if (message != null || entry.Description != null || entry.Solution != null)
                {
                    translated.Add(new TranslatedEntry(row, message, entry.Description, entry.Solution, segments, composite));
                }
            }

            translated.Sort((a, b) => a.Row.CompareTo(b.Row));
            string count = translated.Count.ToString(CultureInfo.InvariantCulture);
            string coverage = translated.Count == neutral.Entries.Count
                ? $"translates all {count} entries"
                : $"translates {count} of {neutral.Entries.Count.ToString(CultureInfo.InvariantCulture)} entries; the others fall back to the parent cultures and the neutral catalog";
            diagnostics.Add(CatalogDiagnostic.Create(DiagnosticIds.OverlayCoverage, $"The '{overlay.Culture}' overlay of catalog '{neutral.CatalogName}' {coverage}", path, overlay.CultureSpan));
            return new CultureTexts(overlay.Culture, new EquatableArray<TranslatedEntry>(translated.ToArray()));
        }

        /// <summary>
        /// Parses a translated message with the neutral entry's parameters: indexed placeholders must use
        /// every index the neutral message does, named ones the neutral entry's parameter names (each at
        /// least once, in any order). Returns the problem, or null with the segments bound to parameters.
        /// </summary>
        private static string? MatchPlaceholders(string message, ErrorEntry original, out EquatableArray<TemplateSegment> segments)
        {
            segments = EquatableArray<TemplateSegment>.Empty;
            ParsedTemplate parsed = MessageTemplate.Parse(message);
            if (!parsed.IsValid)
            {
                return "it is malformed (" + parsed.Errors[0].Message + ")";
            }

            var bound = new TemplateSegment[parsed.Segments.Count];
            var used = new bool[original.ParameterCount];
            for (int i = 0; i < bound.Length; i++)
            {
                TemplateSegment segment = parsed.Segments[i];
                if (segment.IsLiteral)
                {
                    bound[i] = segment;
                    continue;
                }

                int index = segment.ParameterIndex;
                if (parsed.Kind == PlaceholderKind.Named)
                {
                    string name = parsed.PlaceholderNames[index];
                    index = IndexOf(original.ParameterNames, name);
                    if (index < 0)
                    {
                        return $"it has the placeholder {{{name}}}, which is not a parameter of the entry ({string.Join(", ", original.ParameterNames)})";
                    }
                }
                else if (index >= original.ParameterCount)
                {
                    return $"it has the placeholder {{{index}}}, but the entry takes {original.ParameterCount} argument(s)";
                }

                used[index] = true;
                bound[i] = TemplateSegment.Placeholder(index, segment.Alignment, segment.Format);
            }

            for (int p = 0; p < used.Length; p++)
            {
                if (!used[p])
                {
                    return $"it leaves out the placeholder of parameter '{original.ParameterNames[p]}' ({{{p}}})";
                }
            }

            segments = new EquatableArray<TemplateSegment>(bound);
            return null;
        }

        private static int IndexOf(EquatableArray<string> names, string name)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
