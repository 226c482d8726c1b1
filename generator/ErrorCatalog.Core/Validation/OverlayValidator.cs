using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Core.Validation
{
    /// <summary>
    /// Checks a culture overlay on its own (<c>culture:</c> present): its identity, its culture name,
    /// and its entries' codes. What needs the neutral catalog (unknown codes, placeholders, coverage)
    /// is checked when the two are joined (<see cref="Cultures.OverlayLinker"/>).
    /// </summary>
    public static class OverlayValidator
    {
        /// <summary>
        /// A .NET culture name as BCP 47 spells it: a language of 2 to 8 letters, then subtags of 1 to 8
        /// letters or digits (<c>zh</c>, <c>zh-CN</c>, <c>zh-Hans-CN</c>, <c>de-DE</c>). Checked by
        /// shape, not against the machine's culture data, so every machine accepts the same catalogs.
        /// </summary>
        private static readonly Regex s_cultureName = new Regex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$", RegexOptions.CultureInvariant);

        public static bool IsValidCultureName(string? culture) => culture != null && s_cultureName.IsMatch(culture);

        public static OverlayModel? Validate(string path, RawCatalog raw, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var context = new CatalogValidator.Context(path, diagnostics);
            string? catalogName = CatalogValidator.ValidateIdentity(raw, context, out string? ns);
            string? culture = raw.Culture.Value;
            if (!IsValidCultureName(culture))
            {
                context.Report(DiagnosticIds.InvalidIdentity, raw.Culture.IsPresent && culture != null ? raw.Culture.Span : raw.Culture.KeySpan,
                    $"'{CatalogValidator.Printable(culture ?? string.Empty)}' is not a culture name; write a .NET culture name such as 'zh-CN', 'zh' or 'de'");
                return null;
            }

            if (catalogName == null)
            {
                return null;
            }

            if (!raw.HasErrors)
            {
                context.Report(DiagnosticIds.WrongStructure, raw.RootSpan, "The overlay is missing the required key 'errors' (the translated entries)");
                return null;
            }

            var entries = new List<OverlayEntry>(raw.Entries.Count);
            var firstLineByCode = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < raw.Entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                OverlayEntry? entry = ValidateEntry(in raw.Entries[i], firstLineByCode, context);
                if (entry != null)
                {
                    entries.Add(entry);
                }
            }

            return new OverlayModel(catalogName, ns, culture!, new EquatableArray<OverlayEntry>(entries.ToArray()))
            {
                IdentitySpan = raw.Catalog.Span,
                CultureSpan = raw.Culture.Span,
            };
        }

        private static OverlayEntry? ValidateEntry(in RawEntry entry, Dictionary<string, int> firstLineByCode, CatalogValidator.Context context)
        {
            ReportNeutralOnly(entry.Status, "status", context);
            ReportNeutralOnly(entry.Name, "name", context);
            ReportNeutralOnly(entry.EventId, "eventId", context);
            ReportNeutralOnly(entry.Level, "level", context);
            ReportNeutralOnly(entry.Deprecated, "deprecated", context);
            ReportNeutralOnly(entry.ReplacedBy, "replacedBy", context);
            ReportNeutralOnly(entry.Retryable, "retryable", context);
            ReportNeutralOnly(entry.GrpcStatus, "grpcStatus", context);
            if (entry.Parameters != null)
            {
                context.Report(DiagnosticIds.UnknownKey, entry.ParametersSpan, $"'parameters' belongs to the neutral catalog and is ignored in an overlay; an overlay entry holds code, message, description and solution");
            }

            string? code = entry.Code.Value;
            if (!entry.IsWellFormed)
            {
                return null;
            }

            if (code == null)
            {
                context.Report(DiagnosticIds.WrongStructure, entry.Code.IsPresent ? entry.Code.KeySpan : entry.Span, "The overlay entry is missing the required key 'code' (the code it translates)");
                return null;
            }

            if (!CatalogValidator.CheckCode(entry.Code, firstLineByCode, "translated", context))
            {
                return null;
            }

            return new OverlayEntry(code, entry.Code.Span, entry.Message.Value, entry.Message.Span, entry.Description.Value, entry.Solution.Value);
        }

        private static void ReportNeutralOnly(in RawScalar value, string key, CatalogValidator.Context context)
        {
            if (value.IsPresent)
            {
                context.Report(DiagnosticIds.UnknownKey, value.KeySpan, $"'{key}' belongs to the neutral catalog and is ignored in an overlay; an overlay entry holds code, message, description and solution");
            }
        }
    }
}
