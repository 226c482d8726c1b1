using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Parsing;
using ErrorCatalog.Core.Templates;

namespace ErrorCatalog.Core.Validation
{
    /// <summary>
    /// Turns a <see cref="RawCatalog"/> into a <see cref="CatalogModel"/>: checks every value, resolves
    /// member names, and skips invalid entries (each with a located diagnostic) so the rest of the
    /// catalog is still generated.
    /// </summary>
    public static class CatalogValidator
    {
        public static CatalogModel? Validate(string path, RawCatalog raw, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var context = new Context(path, diagnostics);
            string? catalogName = ValidateIdentity(raw, context, out string? ns);
            if (catalogName == null)
            {
                return null;
            }

            if (!raw.HasErrors)
            {
                context.Report(DiagnosticIds.WrongStructure, raw.RootSpan, "The catalog is missing the required key 'errors' (the list of error codes)");
                return null;
            }

            if (raw.Entries.Count == 0)
            {
                context.Report(DiagnosticIds.EmptyCatalog, raw.ErrorsKeySpan, $"Catalog '{catalogName}' has no entries; its types are generated empty");
            }

            var candidates = new List<Candidate>(raw.Entries.Count);
            var firstLineByCode = new Dictionary<string, int>(StringComparer.Ordinal);
            for (int i = 0; i < raw.Entries.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Candidate? candidate = ValidateEntry(in raw.Entries[i], firstLineByCode, context);
                if (candidate != null)
                {
                    candidates.Add(candidate);
                }
            }

            ResolveNames(catalogName, candidates, context);
            LifecycleValidator.CheckCatalog(candidates, context);

            var entries = new List<ErrorEntry>(candidates.Count);
            foreach (Candidate candidate in candidates)
            {
                if (candidate.ResolvedName != null)
                {
                    entries.Add(new ErrorEntry(
                        candidate.Code,
                        candidate.Status,
                        candidate.ResolvedName,
                        candidate.Message,
                        candidate.Description,
                        candidate.Solution,
                        new EquatableArray<string>(candidate.ParameterNames),
                        EquatableArray.From(candidate.Template.Segments))
                    {
                        ParameterTypes = candidate.ParameterTypes == null ? EquatableArray<string>.Empty : new EquatableArray<string>(candidate.ParameterTypes),
                        ExplicitEventId = candidate.More.EventId,
                        ExplicitLevel = candidate.More.Level,
                        Deprecation = candidate.More.Deprecation,
                        ReplacedBy = candidate.More.ReplacedBy,
                        IsRetryable = candidate.More.Retryable,
                        GrpcStatus = candidate.More.GrpcStatus,
                        CodeSpan = candidate.CodeLineSpan,
                    });
                }
            }

            return new CatalogModel(catalogName, ns, new EquatableArray<ErrorEntry>(entries.ToArray()))
            {
                IdentitySpan = raw.Catalog.Span,
                CatalogSpan = SourceSpan.Join(raw.Catalog.KeySpan, raw.Catalog.Span),
                Docs = LifecycleValidator.ReadDocs(raw, context),
            };
        }

        internal static string? ValidateIdentity(RawCatalog raw, Context context, out string? ns)
        {
            ns = null;
            if (!raw.Catalog.IsPresent)
            {
                context.Report(DiagnosticIds.WrongStructure, raw.RootSpan, "The catalog is missing the required key 'catalog' (the stem of the generated type names, such as 'CodeArtsReq')");
                return null;
            }

            string? name = raw.Catalog.Value;
            if (name == null)
            {
                context.Report(DiagnosticIds.WrongStructure, raw.Catalog.KeySpan, "'catalog' needs a value: the stem of the generated type names, such as 'CodeArtsReq'");
                return null;
            }

            if (!Identifiers.IsValidIdentifier(name))
            {
                context.Report(DiagnosticIds.InvalidIdentity, raw.Catalog.Span, $"'{name}' is not a valid catalog name; use a C# identifier such as 'CodeArtsReq' (letters, digits and '_', not starting with a digit)");
                return null;
            }

            if (raw.Namespace.Value is string nsValue)
            {
                if (!Identifiers.IsValidNamespace(nsValue))
                {
                    context.Report(DiagnosticIds.InvalidIdentity, raw.Namespace.Span, $"'{nsValue}' is not a valid namespace; use dotted C# identifiers such as 'HuaweiCloud.CodeArtsReq'");
                    return null;
                }

                ns = nsValue;
            }

            return name;
        }

        private static Candidate? ValidateEntry(in RawEntry entry, Dictionary<string, int> firstLineByCode, Context context)
        {
            bool valid = entry.IsWellFormed;
            valid &= RequireValue(in entry, entry.Code, "code", context);
            valid &= RequireValue(in entry, entry.Status, "status", context);
            valid &= RequireValue(in entry, entry.Message, "message", context);

            string? code = entry.Code.Value;
            if (code != null)
            {
                valid &= CheckCode(entry.Code, firstLineByCode, "defined", context);
            }

            int status = 0;
            if (entry.Status.Value is string statusText
                && (!int.TryParse(statusText, NumberStyles.None, CultureInfo.InvariantCulture, out status) || status < 100 || status > 599))
            {
                context.Report(DiagnosticIds.InvalidStatus, entry.Status.Span, $"'{Printable(statusText)}' is not an HTTP status; write an integer from 100 to 599");
                valid = false;
            }
            else if (entry.Status.IsPresent && !entry.Status.IsPlain)
            {
                context.Report(DiagnosticIds.StatusAsText, entry.Status.Span,
                    $"The status {status} is written as text; write it as a number ({status}), as the catalog schema (and so your YAML editor) expects");
            }

            if (entry.Status.IsPresent && status >= 100 && status < 400)
            {
                context.Report(DiagnosticIds.NotAnErrorStatus, entry.Status.Span,
                    $"Status {status} is not an error status: the exception handler and ToResult answer this entry with 500, gRPC with INTERNAL; write the 4xx or 5xx status the service answers with");
            }

            string? message = entry.Message.Value;
            ParsedTemplate? template = null;
            if (message != null)
            {
                template = MessageTemplate.Parse(message);
                foreach (TemplateError error in template.Errors)
                {
                    context.Report(DiagnosticIds.MalformedTemplate, entry.Message.Span, $"The message template is malformed: {error.Message}");
                    valid = false;
                }
            }

            string[]? parameterNames = template != null && template.IsValid ? ParameterValidator.ResolveNames(in entry, template, context) : null;
            bool typesValid = true;
            string[]? parameterTypes = parameterNames != null ? ParameterValidator.ResolveTypes(in entry, context, out typesValid) : null;
            if (parameterNames == null || !typesValid)
            {
                valid = false;
            }

            string? explicitName = entry.Name.Value;
            if (explicitName != null && !Identifiers.IsValidIdentifier(explicitName))
            {
                context.Report(DiagnosticIds.InvalidName, entry.Name.Span, $"'{Printable(explicitName)}' is not a valid member name; use a C# identifier such as 'InvalidFieldValue'");
                valid = false;
            }

            Candidate.Extras? extras = LifecycleValidator.ReadEntry(in entry, context, out bool extrasValid);
            valid &= extrasValid;
            if (!valid)
            {
                return null;
            }

            return new Candidate(code!, status, message!, entry.Description.Value ?? string.Empty, entry.Solution.Value ?? string.Empty,
                explicitName, entry.Name.IsPresent ? entry.Name.Span : entry.Span, parameterNames!, template!)
            {
                ParameterTypes = parameterTypes,
                CodeSpan = entry.Code.Span,
                CodeLineSpan = SourceSpan.Join(entry.Code.KeySpan, entry.Code.Span),
                More = extras ?? Candidate.Extras.None,
            };
        }

        /// <summary>
        /// ERRCAT006 for a code that is not a valid code, ERRCAT004 for one already seen (the first one's line
        /// named; <paramref name="verb"/> says what the file does with codes); otherwise the code is recorded. False when reported.
        /// </summary>
        internal static bool CheckCode(in RawScalar code, Dictionary<string, int> firstLineByCode, string verb, Context context)
        {
            string text = code.Value!;
            if (!IsValidCode(text))
            {
                context.Report(DiagnosticIds.InvalidCode, code.Span, $"'{Printable(text)}' is not a valid error code; a code holds letters, digits, '.', '-' and '_' only, such as 'PM.02150010'");
                return false;
            }

            if (firstLineByCode.TryGetValue(text, out int firstLine))
            {
                context.Report(DiagnosticIds.DuplicateCode, code.Span, $"The code '{text}' is already {verb} on line {firstLine}; each code must appear once");
                return false;
            }

            firstLineByCode.Add(text, code.Span.DisplayLine);
            return true;
        }

        /// <summary>Reports a required key that is missing or has no value (in a well-formed entry); false then.</summary>
        private static bool RequireValue(in RawEntry entry, in RawScalar value, string key, Context context)
        {
            if (!entry.IsWellFormed || value.Value != null)
            {
                return true;
            }

            SourceSpan span = value.IsPresent ? value.KeySpan : entry.Span;
            context.Report(DiagnosticIds.WrongStructure, span, $"The entry is missing the required key '{key}'" + (value.IsPresent ? " (it has no value)" : string.Empty));
            return false;
        }

        private static void ResolveNames(string catalogName, List<Candidate> candidates, Context context)
        {
            var taken = new HashSet<string>(GeneratedMembers.Reserved, StringComparer.Ordinal)
            {
                CatalogTypeNames.ErrorsOf(catalogName),
                CatalogTypeNames.CodesOf(catalogName),
            };

            // Explicit names first: they are the user's choice, and a clash is their error to fix.
            foreach (Candidate candidate in candidates)
            {
                if (candidate.ExplicitName == null)
                {
                    continue;
                }

                string? clash = FirstTaken(candidate, candidate.ExplicitName, taken);
                if (clash != null)
                {
                    context.Report(DiagnosticIds.InvalidName, candidate.NameSpan,
                        $"The member name '{candidate.ExplicitName}' clashes with the generated member '{clash}'; choose another name");
                    continue;
                }

                Claim(candidate, candidate.ExplicitName, taken);
            }

            // Then names derived from messages: deterministic, and made unique rather than rejected.
            foreach (Candidate candidate in candidates)
            {
                if (candidate.ExplicitName != null)
                {
                    continue;
                }

                string stem = Identifiers.DeriveFromText(candidate.Message);
                if (stem.Length == 0)
                {
                    stem = "Error" + Identifiers.Sanitize(candidate.Code);
                }

                string name = stem;
                if (FirstTaken(candidate, name, taken) != null)
                {
                    name = stem + "_" + Identifiers.Sanitize(candidate.Code);
                    int suffix = 2;
                    string baseName = name;
                    while (FirstTaken(candidate, name, taken) != null)
                    {
                        name = baseName + "_" + suffix.ToString(CultureInfo.InvariantCulture);
                        suffix++;
                    }
                }

                Claim(candidate, name, taken);
            }
        }

        private static string? FirstTaken(Candidate candidate, string name, HashSet<string> taken)
        {
            if (taken.Contains(name))
            {
                return name;
            }

            string formatName = GeneratedMembers.Formatter(name);
            return candidate.ParameterNames.Length > 0 && taken.Contains(formatName) ? formatName : null;
        }

        private static void Claim(Candidate candidate, string name, HashSet<string> taken)
        {
            taken.Add(name);
            if (candidate.ParameterNames.Length > 0)
            {
                taken.Add("Format" + name);
            }

            candidate.ResolvedName = name;
        }

        /// <summary>Letters, digits, '.', '-' and '_' (ASCII), not empty.</summary>
        public static bool IsValidCode(string code)
        {
            if (code.Length == 0)
            {
                return false;
            }

            foreach (char c in code)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Shows control characters in a message as escapes, so a diagnostic prints on one line.</summary>
        internal static string Printable(string text)
        {
            var builder = new System.Text.StringBuilder(text.Length);
            foreach (char c in text)
            {
                if (char.IsControl(c) || char.IsSurrogate(c) || c == '\u2028' || c == '\u2029')
                {
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }


        internal sealed class Context
        {
            private readonly string _path;
            private readonly List<CatalogDiagnostic> _diagnostics;

            public Context(string path, List<CatalogDiagnostic> diagnostics)
            {
                _path = path;
                _diagnostics = diagnostics;
            }

            public void Report(string id, SourceSpan span, string message)
                => _diagnostics.Add(CatalogDiagnostic.Create(id, message, _path, span));
        }
    }
}
