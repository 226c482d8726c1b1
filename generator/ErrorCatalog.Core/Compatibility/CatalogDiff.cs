using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Core.Validation;

namespace ErrorCatalog.Core.Compatibility
{
    /// <summary>
    /// Compares two versions of a catalog for <c>errcat diff</c>. Breaking: a code removed (called out
    /// when it was not deprecated first), its status changed, its parameters changed in count, name or
    /// type, or its generated member name changed. Not breaking, still listed: codes added, texts
    /// edited, entries newly deprecated, other lifecycle changes (retryable, replacement). Each finding
    /// is located: removed codes in the old file, the rest in the new one.
    /// </summary>
    public static class CatalogDiff
    {
        public static readonly CompatibilityRule Removed = new CompatibilityRule("code-removed", "A code was removed", true);
        public static readonly CompatibilityRule RemovedUndeprecated = new CompatibilityRule("code-removed-undeprecated", "A code was removed without having been deprecated", true);
        public static readonly CompatibilityRule StatusChanged = new CompatibilityRule("status-changed", "A code's HTTP status changed", true);
        public static readonly CompatibilityRule ParametersChanged = new CompatibilityRule("parameters-changed", "A code's parameters changed in count, name or type", true);
        public static readonly CompatibilityRule NameChanged = new CompatibilityRule("name-changed", "A code's generated member name changed", true);
        public static readonly CompatibilityRule Added = new CompatibilityRule("code-added", "A code was added", false);
        public static readonly CompatibilityRule TextChanged = new CompatibilityRule("text-changed", "A code's message, description or solution changed", false);
        public static readonly CompatibilityRule Deprecated = new CompatibilityRule("code-deprecated", "A code was deprecated", false);
        public static readonly CompatibilityRule LifecycleChanged = new CompatibilityRule("lifecycle-changed", "A code's replacement or retryability changed", false);

        public static readonly IReadOnlyList<CompatibilityRule> Rules = new[]
        {
            RemovedUndeprecated, Removed, StatusChanged, ParametersChanged, NameChanged, Added, TextChanged, Deprecated, LifecycleChanged,
        };

        /// <summary>The findings, or null with <paramref name="problems"/> when a file is not a usable catalog.</summary>
        public static List<CatalogDiagnostic>? Compare(string oldPath, string oldText, string newPath, string newText, List<CatalogDiagnostic> problems)
        {
            CatalogModel? before = Load(oldPath, oldText, problems, out Dictionary<string, SourceSpan> oldSpans);
            CatalogModel? after = Load(newPath, newText, problems, out Dictionary<string, SourceSpan> newSpans);
            if (before == null || after == null || problems.Count > 0)
            {
                return null;
            }

            var findings = new List<CatalogDiagnostic>();
            var current = new Dictionary<string, ErrorEntry>(StringComparer.Ordinal);
            foreach (ErrorEntry entry in after.Entries)
            {
                current[entry.Code] = entry;
            }

            var previous = new HashSet<string>(StringComparer.Ordinal);
            foreach (ErrorEntry old in before.Entries)
            {
                previous.Add(old.Code);
                SourceSpan at = Span(newSpans, old.Code);
                if (!current.TryGetValue(old.Code, out ErrorEntry? now))
                {
                    findings.Add(old.IsDeprecated
                        ? Finding(Removed, oldPath, Span(oldSpans, old.Code), $"'{old.Code}' was removed (it was deprecated)")
                        : Finding(RemovedUndeprecated, oldPath, Span(oldSpans, old.Code), $"'{old.Code}' was removed without having been deprecated first; deprecate it in one release, remove it in a later one"));
                    continue;
                }

                if (old.HttpStatus != now.HttpStatus)
                {
                    findings.Add(Finding(StatusChanged, newPath, at, $"'{old.Code}' changed its status from {Number(old.HttpStatus)} to {Number(now.HttpStatus)}"));
                }

                string oldParameters = Parameters(old);
                string newParameters = Parameters(now);
                if (oldParameters != newParameters)
                {
                    findings.Add(Finding(ParametersChanged, newPath, at, $"'{old.Code}' changed its parameters from ({oldParameters}) to ({newParameters})"));
                }

                if (old.Name != now.Name)
                {
                    findings.Add(Finding(NameChanged, newPath, at, $"'{old.Code}' changed its member name from {old.Name} to {now.Name}; set 'name: {old.Name}' to keep it"));
                }

                if (!old.IsDeprecated && now.IsDeprecated)
                {
                    findings.Add(Finding(Deprecated, newPath, at, $"'{old.Code}' is deprecated" + (now.ReplacedBy == null ? string.Empty : $", replaced by '{now.ReplacedBy}'")));
                }
                else if (old.ReplacedBy != now.ReplacedBy || old.IsRetryable != now.IsRetryable)
                {
                    findings.Add(Finding(LifecycleChanged, newPath, at, $"'{old.Code}' changed its replacement or retryability"));
                }

                if (old.MessageTemplate != now.MessageTemplate || old.Description != now.Description || old.Solution != now.Solution)
                {
                    findings.Add(Finding(TextChanged, newPath, at, $"'{old.Code}' has edited texts"));
                }
            }

            foreach (ErrorEntry entry in after.Entries)
            {
                if (!previous.Contains(entry.Code))
                {
                    findings.Add(Finding(Added, newPath, Span(newSpans, entry.Code), $"'{entry.Code}' was added"));
                }
            }

            return findings;
        }

        public static bool IsBreaking(CatalogDiagnostic finding) => finding.Severity == CatalogSeverity.Error;

        /// <summary>Reads the file once: its model, and where each code stands (the model keeps no places).</summary>
        private static CatalogModel? Load(string path, string text, List<CatalogDiagnostic> problems, out Dictionary<string, SourceSpan> spans)
        {
            spans = new Dictionary<string, SourceSpan>(StringComparer.Ordinal);
            var diagnostics = new List<CatalogDiagnostic>();
            RawCatalog? raw = CatalogYamlReader.Read(path, text, CatalogLimits.Default, diagnostics, CancellationToken.None);
            CatalogModel? model = raw == null || raw.Culture.IsPresent ? null : CatalogValidator.Validate(path, raw, diagnostics, CancellationToken.None);
            problems.AddRange(diagnostics.FindAll(d => d.Severity == CatalogSeverity.Error));
            for (int i = 0; raw != null && i < raw.Entries.Count; i++)
            {
                RawScalar code = raw.Entries[i].Code;
                if (code.Value != null && !spans.ContainsKey(code.Value))
                {
                    spans.Add(code.Value, code.Span);
                }
            }

            if (model == null && problems.Count == 0)
            {
                problems.Add(CatalogDiagnostic.Create(DiagnosticIds.WrongStructure, "The file is not a catalog (a culture overlay, or unreadable)", path, SourceSpan.Empty));
            }

            return model;
        }

        private static SourceSpan Span(Dictionary<string, SourceSpan> spans, string code) => spans.TryGetValue(code, out SourceSpan span) ? span : SourceSpan.Empty;

        private static string Parameters(ErrorEntry entry)
        {
            var parts = new string[entry.ParameterCount];
            for (int p = 0; p < parts.Length; p++)
            {
                parts[p] = ParameterType.Of(entry, p) + " " + entry.ParameterNames[p];
            }

            return string.Join(", ", parts);
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        private static CatalogDiagnostic Finding(CompatibilityRule rule, string path, SourceSpan span, string message)
            => new CatalogDiagnostic(rule.Id, rule.Breaking ? CatalogSeverity.Error : CatalogSeverity.Info, message, path, span);
    }
}
