using System;
using System.Collections.Generic;
using System.Globalization;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Core.Validation
{
    /// <summary>
    /// The keys about an error's life and operation: <c>eventId</c> and <c>level</c> (logging),
    /// <c>deprecated</c>, <c>replacedBy</c> and <c>retryable</c> on entries, <c>docs</c> on the catalog;
    /// then what needs every entry: replacements (ERRCAT017) and shared event ids (ERRCAT019).
    /// </summary>
    internal static class LifecycleValidator
    {
        /// <summary>Reads an entry's keys: null when it has none (most entries), else their values; <paramref name="valid"/> false (with a located diagnostic) when one is invalid.</summary>
        public static Candidate.Extras? ReadEntry(in RawEntry entry, CatalogValidator.Context context, out bool valid)
        {
            valid = true;
            if (!entry.HasExtras)
            {
                return null;
            }

            var extras = new Candidate.Extras();
            if (entry.EventId.Value is string eventIdText)
            {
                if (int.TryParse(eventIdText, NumberStyles.None, CultureInfo.InvariantCulture, out int id) && id > 0)
                {
                    extras.EventId = id;
                    extras.EventIdSpan = entry.EventId.Span;
                }
                else
                {
                    context.Report(DiagnosticIds.WrongStructure, entry.EventId.Span, $"'{CatalogValidator.Printable(eventIdText)}' is not an event id; write a positive integer such as 1201");
                    valid = false;
                }
            }

            if (entry.Level.Value is string levelText)
            {
                extras.Level = Array.Find(LogNames.Levels, l => string.Equals(l, levelText, StringComparison.OrdinalIgnoreCase));
                if (extras.Level == null)
                {
                    context.Report(DiagnosticIds.WrongStructure, entry.Level.Span, $"'{CatalogValidator.Printable(levelText)}' is not a log level; use one of {string.Join(", ", LogNames.Levels)}");
                    valid = false;
                }
            }

            if (entry.Retryable.Value is string retryable)
            {
                bool? flag = Boolean(retryable);
                if (flag == null)
                {
                    context.Report(DiagnosticIds.WrongStructure, entry.Retryable.Span, $"'retryable' is true or false, not '{CatalogValidator.Printable(retryable)}'");
                    valid = false;
                }

                extras.Retryable = flag == true;
            }

            if (entry.GrpcStatus.Value is string grpcStatus)
            {
                extras.GrpcStatus = GrpcStatusCodes.Parse(grpcStatus);
                if (extras.GrpcStatus == null)
                {
                    context.Report(DiagnosticIds.InvalidGrpcStatus, entry.GrpcStatus.Span,
                        $"'{CatalogValidator.Printable(grpcStatus)}' is not a gRPC status code; use one of {string.Join(", ", GrpcStatusCodes.Names)}");
                    valid = false;
                }
            }

            if (entry.Deprecated.Value is string deprecated)
            {
                bool? flag = Boolean(deprecated);
                extras.Deprecation = flag == null ? deprecated : flag.Value ? string.Empty : null;
            }

            if (entry.ReplacedBy.Value is string replacedBy)
            {
                extras.ReplacedBy = replacedBy;
                extras.ReplacedBySpan = entry.ReplacedBy.Span;
                extras.Deprecation ??= string.Empty; // a replaced code is deprecated
            }

            return extras;
        }

        /// <summary>The catalog's <c>docs</c>: an absolute http(s) URL template holding <c>{code}</c>; otherwise ERRCAT018 and no links.</summary>
        public static string? ReadDocs(RawCatalog raw, CatalogValidator.Context context)
        {
            if (!(raw.Docs.Value is string docs))
            {
                return null;
            }

            string probe = docs.Replace("{code}", "CODE").Replace("{name}", "NAME");
            bool absolute = Uri.TryCreate(probe, UriKind.Absolute, out Uri? uri) && (uri.Scheme == "http" || uri.Scheme == "https");
            if (!absolute || docs.IndexOf("{code}", StringComparison.Ordinal) < 0)
            {
                string problem = absolute ? "it has no {code} placeholder" : "it is not an absolute http or https URL";
                context.Report(DiagnosticIds.InvalidDocsLink, raw.Docs.Span,
                    $"'docs' is not a link template ({problem}); write an absolute URL with {{code}}, such as 'https://support.example.com/errors.html#{{code}}'");
                return null;
            }

            return docs;
        }

        /// <summary>ERRCAT017 for a replacement that is missing, deprecated or the entry itself (the entry stays deprecated, without it); ERRCAT019 for shared event ids.</summary>
        public static void CheckCatalog(List<Candidate> candidates, CatalogValidator.Context context)
        {
            CheckReplacements(candidates, context);
            var ids = new HashSet<int>();
            for (int i = 0; i < candidates.Count; i++)
            {
                Candidate candidate = candidates[i];
                if (candidate.ResolvedName == null || ids.Add(EventIdOf(candidate)))
                {
                    continue;
                }

                // Rare: find the earlier entry with the id.
                int id = EventIdOf(candidate);
                Candidate earlier = candidates.Find(c => c.ResolvedName != null && EventIdOf(c) == id)!;
                SourceSpan span = candidate.More.EventId != null ? candidate.More.EventIdSpan : candidate.CodeSpan;
                context.Report(DiagnosticIds.SharedEventId, span,
                    $"'{candidate.Code}' logs with event id {id.ToString(CultureInfo.InvariantCulture)}, as '{earlier.Code}' (line {earlier.CodeSpan.DisplayLine.ToString(CultureInfo.InvariantCulture)}) does; set 'eventId' on one of them");
            }
        }

        private static int EventIdOf(Candidate candidate) => candidate.More.EventId ?? LogNames.StableEventId(candidate.Code);

        private static void CheckReplacements(List<Candidate> candidates, CatalogValidator.Context context)
        {
            if (!candidates.Exists(c => c.More.ReplacedBy != null))
            {
                return;
            }

            var byCode = new Dictionary<string, Candidate>(StringComparer.Ordinal);
            foreach (Candidate candidate in candidates)
            {
                if (candidate.ResolvedName != null)
                {
                    byCode[candidate.Code] = candidate;
                }
            }

            foreach (Candidate candidate in candidates)
            {
                string? replacement = candidate.More.ReplacedBy;
                if (replacement == null)
                {
                    continue;
                }

                string? problem = replacement == candidate.Code ? "is the entry's own code"
                    : !byCode.TryGetValue(replacement, out Candidate? target) ? "is not a code of the catalog"
                    : target.More.Deprecation != null ? "is deprecated itself"
                    : null;
                if (problem != null)
                {
                    context.Report(DiagnosticIds.InvalidReplacement, candidate.More.ReplacedBySpan,
                        $"'replacedBy: {CatalogValidator.Printable(replacement)}' {problem}; name a current code of the catalog that replaces '{candidate.Code}'");
                    candidate.More.ReplacedBy = null;
                }
            }

        }

        /// <summary>A YAML 1.2 core-schema boolean (<c>true</c>, <c>True</c>, <c>TRUE</c>, and the same for false), else null.</summary>
        private static bool? Boolean(string text) => text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };
    }
}
