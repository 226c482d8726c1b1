using System;
using System.Collections.Generic;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ErrorCatalog.Core.Parsing
{
    /// <summary>
    /// Reads a catalog file in one pass over YamlDotNet's event stream (no representation model is
    /// built), recording where every key and value stands so diagnostics can point at it.
    /// Anchors and aliases are refused, never expanded.
    /// </summary>
    public sealed partial class CatalogYamlReader
    {
        internal static readonly string[] RootKeys = { "catalog", "namespace", "culture", "docs", "errors" };
        internal static readonly string[] EntryKeys = { "code", "status", "name", "message", "parameters", "description", "solution", "eventId", "level", "deprecated", "replacedBy", "retryable", "grpcStatus" };

        private static readonly Regex s_yamlMessagePrefix = new Regex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ", RegexOptions.CultureInvariant);

        private readonly IParser _parser;
        private readonly string _text;
        private readonly string _path;
        private readonly CatalogLimits _limits;
        private readonly List<CatalogDiagnostic> _diagnostics;
        private readonly CancellationToken _cancellationToken;
        private Mark _lastMark = Mark.Empty;

        // The end of the furthest event with a width: a block collection's end event has none and
        // stands where the next node starts, past any comment or blank line between them.
        private int _contentEnd;

        // When that event is a block scalar: where its header ('|' or '>') stands; -1 otherwise.
        private int _contentBlockHeader = -1;
        private readonly List<SourceSpan[]> _firstSpans = new List<SourceSpan[]>(2);
        private int _mappingDepth;

        private CatalogYamlReader(IParser parser, string text, string path, CatalogLimits limits, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken)
        {
            _parser = parser;
            _text = text;
            _path = path;
            _limits = limits;
            _diagnostics = diagnostics;
            _cancellationToken = cancellationToken;
        }

        /// <summary>Reads the document, or returns null (with a diagnostic) when it cannot be read at all.</summary>
        /// <param name="useFastPath">False reads through YamlDotNet's parser alone (for the benchmark that weighs the fast path).</param>
        public static RawCatalog? Read(string path, string text, CatalogLimits limits, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken, bool useFastPath = true)
        {
            if (text.Length > limits.MaxFileChars)
            {
                diagnostics.Add(Create(path, DiagnosticIds.ResourceLimit, SourceSpan.Empty,
                    $"The catalog file holds {text.Length} characters, more than the limit of {limits.MaxFileChars}; raise ErrorCatalogMaxFileChars or split the catalog"));
                return null;
            }

            int reported = diagnostics.Count;
            try
            {
                // The fast path reads the plain YAML catalogs are made of and yields YamlDotNet's own
                // events; anything else (and every syntax error) is read again by YamlDotNet's parser.
                if (useFastPath && TryReadFast(text, path, limits, diagnostics, cancellationToken, out RawCatalog? fast))
                {
                    return fast;
                }

                diagnostics.RemoveRange(reported, diagnostics.Count - reported);
                return new CatalogYamlReader(new Parser(new StringReader(text)), text, path, limits, diagnostics, cancellationToken).ReadDocument();
            }
            catch (YamlException ex)
            {
                // The file cannot be read: its syntax error is the one message worth reading.
                diagnostics.RemoveRange(reported, diagnostics.Count - reported);
                string message = s_yamlMessagePrefix.Replace(ex.Message, string.Empty);
                diagnostics.Add(Create(path, DiagnosticIds.InvalidYaml, ToSpan(ex.Start, ex.End), $"The catalog is not valid YAML: {message}"));
                return null;
            }
            catch (RefusedException ex)
            {
                diagnostics.Add(ex.Diagnostic);
                return null;
            }
        }

        /// <summary>
        /// Reads the document through <see cref="FastCatalogParser"/>; false when it declined the text,
        /// the caller then drops what was reported. Only its decline is caught: any other exception is a
        /// bug of the fast path and propagates (the generator reports it as ERRCAT999, and the tests fail),
        /// instead of hiding behind a slower but correct read. A refusal (a resource limit) is an answer,
        /// not a decline: it propagates too.
        /// </summary>
        private static bool TryReadFast(string text, string path, CatalogLimits limits, List<CatalogDiagnostic> diagnostics, CancellationToken cancellationToken, out RawCatalog? catalog)
        {
            try
            {
                catalog = new CatalogYamlReader(new FastCatalogParser(text), text, path, limits, diagnostics, cancellationToken).ReadDocument();
                if (catalog != null)
                {
                    catalog.ReadByFastPath = true;
                }

                return true;
            }
            catch (FastPathDeclinedException)
            {
                catalog = null;
                return false;
            }
        }

        private ParsingEvent Current => _parser.Current!;

        private RawCatalog? ReadDocument()
        {
            Next(); // StreamStart
            Next();
            if (Current is StreamEnd)
            {
                Report(DiagnosticIds.WrongStructure, SourceSpan.Empty, "The catalog file is empty; it needs a 'catalog' name and an 'errors' list");
                return null;
            }

            Next(); // the root node, after DocumentStart
            if (!(Current is MappingStart rootStart))
            {
                Report(DiagnosticIds.WrongStructure, Span(Current),
                    "The catalog must be a mapping with a 'catalog' name and an 'errors' list");
                return null;
            }

            var catalog = new RawCatalog { RootSpan = Span(rootStart), FinalClippedBlockHeader = -1 };
            RawEntry none = default;
            ReadMapping(RootKeys, catalog, ref none, isEntry: false);
            Next(); // DocumentEnd
            Next(); // StreamEnd, or the start of a second document
            if (Current is DocumentStart extra)
            {
                Report(DiagnosticIds.WrongStructure, Span(extra), "A catalog file holds one YAML document; remove the second '---' document or move it to its own file");
            }

            return catalog;
        }

        private void ReadRootValue(RawCatalog catalog, string key, SourceSpan keySpan)
        {
            switch (key)
            {
                case "catalog":
                    catalog.Catalog = ReadScalar(key, keySpan, out _);
                    break;
                case "namespace":
                    catalog.Namespace = ReadScalar(key, keySpan, out _);
                    break;
                case "culture":
                    catalog.Culture = ReadScalar(key, keySpan, out _);
                    break;
                case "docs":
                    catalog.Docs = ReadScalar(key, keySpan, out _);
                    break;
                case "errors":
                    catalog.HasErrors = true;
                    catalog.ErrorsKeySpan = keySpan;
                    ReadErrors(catalog);
                    break;
                default:
                    ReportUnknownKey(key, keySpan, RootKeys, "the catalog");
                    SkipNode();
                    break;
            }
        }

        private void ReadErrors(RawCatalog catalog)
        {
            if (Current is Scalar scalar && IsNull(scalar))
            {
                Next();
                return;
            }

            if (!(Current is SequenceStart))
            {
                Report(DiagnosticIds.WrongStructure, Span(Current), $"'errors' must be a list of entries, not {KindOf(Current)}");
                SkipNode();
                return;
            }

            Next();
            while (!(Current is SequenceEnd))
            {
                if (Current is MappingStart entryStart)
                {
                    if (catalog.Entries.Count >= _limits.MaxEntries)
                    {
                        throw new RefusedException(Create(_path, DiagnosticIds.ResourceLimit, Span(entryStart),
                            $"The catalog holds more than {_limits.MaxEntries} entries; raise ErrorCatalogMaxEntries or split the catalog"));
                    }

                    // Filled in place: nothing adds an entry while one is read, so the reference stays valid.
                    ref RawEntry entry = ref catalog.Entries.Add(new RawEntry(Span(entryStart)));
                    _contentEnd = (int)entryStart.End.Index;
                    _contentBlockHeader = -1;
                    ReadMapping(EntryKeys, catalog, ref entry, isEntry: true);
                    entry.End = EntryEnd(_contentEnd, entry.Span.StartColumn);
                    if (_contentEnd == _text.Length && _contentBlockHeader >= 0 && BlockScalarText.Chomping(_text, _contentBlockHeader) == ' ' && !_text.EndsWith("\n", StringComparison.Ordinal))
                    {
                        catalog.FinalClippedBlockHeader = _contentBlockHeader;
                    }

                    Next(); // MappingEnd
                }
                else
                {
                    Report(DiagnosticIds.WrongStructure, Span(Current),
                        $"Each item of 'errors' must be a mapping with 'code', 'status' and 'message', not {KindOf(Current)}");
                    SkipNode();
                }
            }

            Next(); // SequenceEnd
        }

        private void ReadEntryValue(ref RawEntry entry, string key, SourceSpan keySpan)
        {
            bool ok = true;
            switch (key)
            {
                case "code":
                    entry.Code = ReadScalar(key, keySpan, out ok);
                    break;
                case "status":
                    entry.Status = ReadScalar(key, keySpan, out ok);
                    break;
                case "name":
                    entry.Name = ReadScalar(key, keySpan, out ok);
                    break;
                case "message":
                    entry.Message = ReadScalar(key, keySpan, out ok);
                    break;
                case "description":
                    entry.Description = ReadScalar(key, keySpan, out ok);
                    break;
                case "solution":
                    entry.Solution = ReadScalar(key, keySpan, out ok);
                    break;
                case "parameters":
                    ok = ReadParameters(ref entry);
                    break;
                case "eventId":
                    entry.EventId = ReadScalar(key, keySpan, out ok);
                    break;
                case "level":
                    entry.Level = ReadScalar(key, keySpan, out ok);
                    break;
                case "deprecated":
                    entry.Deprecated = ReadScalar(key, keySpan, out ok);
                    break;
                case "replacedBy":
                    entry.ReplacedBy = ReadScalar(key, keySpan, out ok);
                    break;
                case "retryable":
                    entry.Retryable = ReadScalar(key, keySpan, out ok);
                    break;
                case "grpcStatus":
                    entry.GrpcStatus = ReadScalar(key, keySpan, out ok);
                    break;
                default:
                    ReportUnknownKey(key, keySpan, EntryKeys, "an entry");
                    SkipNode();
                    break;
            }

            if (!ok)
            {
                entry.IsWellFormed = false;
            }
        }

        private void Next()
        {
            _cancellationToken.ThrowIfCancellationRequested();
            bool moved;
            try
            {
                moved = _parser.MoveNext();
            }
            catch (Exception ex) when (!(ex is YamlException) && !(ex is OperationCanceledException) && !(_parser is FastCatalogParser))
            {
                // YamlDotNet throws other exceptions on some malformed input (found by the fuzz tests,
                // e.g. InvalidOperationException from ScanPlainScalar): still a syntax error, located
                // just after the last event that was read.
                throw new YamlException(_lastMark, _lastMark, "the YAML parser could not read past this point; check the indentation, quotes and brackets here");
            }

            if (!moved)
            {
                throw new YamlException(_lastMark, _lastMark, "Unexpected end of the file");
            }

            ParsingEvent current = _parser.Current!;
            _lastMark = current.End;
            if (current.End.Index > current.Start.Index && current.End.Index > _contentEnd)
            {
                _contentEnd = (int)current.End.Index;
                _contentBlockHeader = current is Scalar { Style: ScalarStyle.Literal or ScalarStyle.Folded } ? (int)current.Start.Index : -1;
            }
            if (current is AnchorAlias alias)
            {
                throw new RefusedException(Create(_path, DiagnosticIds.ResourceLimit, Span(alias),
                    $"YAML aliases (*{alias.Value}) are not allowed in a catalog; write the value out in full"));
            }

            if (current is NodeEvent node && !node.Anchor.IsEmpty)
            {
                throw new RefusedException(Create(_path, DiagnosticIds.ResourceLimit, Span(node),
                    $"YAML anchors (&{node.Anchor}) are not allowed in a catalog; write each value out in full"));
            }
        }

        /// <summary>
        /// Where the entry whose last key, value or block scalar ends at <paramref name="contentEnd"/> ends:
        /// past that line's break, and past the comment lines right below it indented at least as far as
        /// its keys (<paramref name="keyColumn"/>), which belong to it; the text's end when it comes first.
        /// </summary>
        private int EntryEnd(int contentEnd, int keyColumn)
        {
            int at = LineEndAfter(Math.Min(contentEnd, _text.Length));
            if (_contentBlockHeader >= 0)
            {
                at = BlockScalarText.ValueEnd(_text, _contentBlockHeader, at);
            }

            while (at < _text.Length)
            {
                int first = at;
                while (first < _text.Length && (_text[first] == ' ' || _text[first] == '\t'))
                {
                    first++;
                }

                if (first == _text.Length || _text[first] != '#' || first - at < keyColumn)
                {
                    break;
                }

                at = LineEndAfter(first);
            }

            return at;
        }

        /// <summary>The start of the line after the one <paramref name="position"/> is on (itself when it starts a line after a break).</summary>
        private int LineEndAfter(int position)
        {
            if (position > 0 && _text[position - 1] == '\n')
            {
                return position;
            }

            int lineEnd = _text.IndexOf('\n', position);
            return lineEnd < 0 ? _text.Length : lineEnd + 1;
        }

        private void ReportUnknownKey(string key, SourceSpan span, string[] knownKeys, string where)
        {
            string? suggestion = EditDistance.Closest(key, knownKeys, 2);
            string hint = suggestion != null
                ? $"; did you mean '{suggestion}'?"
                : $"; the keys of {where} are {string.Join(", ", knownKeys)}";
            Report(DiagnosticIds.UnknownKey, span, $"Unknown key '{key}' in {where} is ignored{hint}");
        }

        private void Report(string id, SourceSpan span, string message)
            => _diagnostics.Add(Create(_path, id, span, message));

        private static CatalogDiagnostic Create(string path, string id, SourceSpan span, string message)
            => CatalogDiagnostic.Create(id, message, path, span);

        private static bool IsNull(Scalar scalar)
            => scalar.Style == ScalarStyle.Plain
               && (scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value == "null" || scalar.Value == "Null" || scalar.Value == "NULL");

        private static string KindOf(ParsingEvent e) => e switch
        {
            MappingStart _ => "a mapping",
            SequenceStart _ => "a list",
            Scalar _ => "a text value",
            _ => "this",
        };

        private static SourceSpan Span(ParsingEvent e) => ToSpan(e.Start, e.End);

        private static SourceSpan Span(ParsingEvent start, ParsingEvent end) => ToSpan(start.Start, end.End);

        private static SourceSpan ToSpan(Mark start, Mark end)
        {
            int startIndex = (int)start.Index;
            int endIndex = Math.Max(startIndex, (int)end.Index);
            int startLine = Math.Max(0, (int)start.Line - 1);
            int startColumn = Math.Max(0, (int)start.Column - 1);
            int endLine = Math.Max(startLine, (int)end.Line - 1);
            int endColumn = endLine == startLine ? Math.Max(startColumn, (int)end.Column - 1) : Math.Max(0, (int)end.Column - 1);
            return new SourceSpan(startIndex, endIndex, startLine, startColumn, endLine, endColumn);
        }

        private sealed class RefusedException : Exception
        {
            public RefusedException(CatalogDiagnostic diagnostic)
                : base(diagnostic.Message)
            {
                Diagnostic = diagnostic;
            }

            public CatalogDiagnostic Diagnostic { get; }
        }
    }
}
