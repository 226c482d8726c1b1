using System;
using System.Collections.Generic;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;
using ErrorCatalog.Core.Parsing;

namespace ErrorCatalog.Core.Lookup
{
    /// <summary>
    /// The codes of all catalogs of a project, indexed for the analyzer: a cheap test for text that
    /// cannot hold a code, tokenisation of code-shaped runs, exact lookup, and did-you-mean suggestions.
    /// Roslyn-free, immutable once built, safe to share between threads.
    /// </summary>
    public sealed class CodeIndex
    {
        private readonly Dictionary<string, KnownCode> _codes = new Dictionary<string, KnownCode>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<KnownCode>> _codesByPrefix = new Dictionary<string, List<KnownCode>>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<string>> _catalogsByPrefix = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        private readonly bool[] _prefixStartChars = new bool[128];
        private readonly bool[] _prefixEndChars = new bool[128];
        private int _minCodeLength = int.MaxValue;
        private int _maxCodeLength;

        private readonly List<CatalogTypeNames> _catalogs = new List<CatalogTypeNames>();

        public CodeIndex(IEnumerable<(CatalogModel Model, string Namespace)> catalogs)
        {
            foreach ((CatalogModel model, string ns) in catalogs)
            {
                _catalogs.Add(new CatalogTypeNames(model.CatalogName, ns));
                Dictionary<string, string>? memberByCode = null;
                foreach (ErrorEntry entry in model.Entries)
                {
                    string? replacementMember = null;
                    if (entry.ReplacedBy != null)
                    {
                        memberByCode ??= MembersByCode(model);
                        memberByCode.TryGetValue(entry.ReplacedBy, out replacementMember);
                    }

                    var known = new KnownCode(entry.Code, model.CatalogName, ns, entry.Name)
                    {
                        Entry = entry,
                        Deprecation = entry.Deprecation,
                        ReplacementCode = replacementMember == null ? null : entry.ReplacedBy,
                        ReplacementMember = replacementMember,
                    };
                    if (_codes.ContainsKey(entry.Code))
                    {
                        continue;
                    }

                    _codes.Add(entry.Code, known);
                    _minCodeLength = Math.Min(_minCodeLength, entry.Code.Length);
                    _maxCodeLength = Math.Max(_maxCodeLength, entry.Code.Length);
                    string? prefix = PrefixOf(entry.Code);
                    if (prefix == null)
                    {
                        continue;
                    }

                    if (!_codesByPrefix.TryGetValue(prefix, out List<KnownCode>? list))
                    {
                        list = new List<KnownCode>();
                        _codesByPrefix.Add(prefix, list);
                        _catalogsByPrefix.Add(prefix, new List<string>());
                        if (prefix[0] < 128)
                        {
                            _prefixStartChars[prefix[0]] = true;
                        }

                        char last = prefix[prefix.Length - 1];
                        if (last < 128)
                        {
                            _prefixEndChars[last] = true;
                        }
                    }

                    list.Add(known);
                    if (!_catalogsByPrefix[prefix].Contains(model.CatalogName))
                    {
                        _catalogsByPrefix[prefix].Add(model.CatalogName);
                    }
                }
            }
        }

        public bool IsEmpty => _codes.Count == 0;

        /// <summary>The generated type names of each indexed catalog, in index order.</summary>
        public IReadOnlyList<CatalogTypeNames> Catalogs => _catalogs;

        public int Count => _codes.Count;

        /// <summary>
        /// The prefix of a code: everything before the last '.' that a digit follows
        /// (<c>PM</c> for <c>PM.02150010</c>, <c>SVCSTG.CCE-ADDONMGR</c> for <c>SVCSTG.CCE-ADDONMGR.4000003</c>), or null.
        /// </summary>
        public static string? PrefixOf(string code)
        {
            for (int i = code.Length - 2; i > 0; i--)
            {
                if (code[i] == '.' && IsDigit(code[i + 1]))
                {
                    return code.Substring(0, i);
                }
            }

            return null;
        }

        /// <summary>
        /// The analyzer's first, cheapest test, on the characters around a '.': every code with a
        /// prefix has a '.' that the last character of a known prefix precedes and a digit follows.
        /// A text without such a '.' holds no code token and no exact code with a prefix.
        /// </summary>
        public bool IsCodeDot(char before, char after) => before < 128 && _prefixEndChars[before] && IsDigit(after);

        public bool TryGet(string code, out KnownCode known) => _codes.TryGetValue(code, out known!);

        /// <summary>True when the text is, as a whole, a code of the catalogs.</summary>
        public bool IsExactCode(string text, out KnownCode known)
        {
            known = null!;
            return text.Length >= _minCodeLength && text.Length <= _maxCodeLength && _codes.TryGetValue(text, out known!);
        }

        /// <summary>The catalogs that use a prefix, in the order they were indexed.</summary>
        public IReadOnlyList<string> CatalogsWithPrefix(string prefix)
            => _catalogsByPrefix.TryGetValue(prefix, out List<string>? names) ? names : (IReadOnlyList<string>)Array.Empty<string>();

        /// <summary>The codes whose prefix (<see cref="PrefixOf"/>) is <paramref name="prefix"/>, in catalog order; empty for an unknown prefix.</summary>
        public IReadOnlyList<KnownCode> CodesWithPrefix(string prefix)
            => _codesByPrefix.TryGetValue(prefix, out List<KnownCode>? codes) ? codes : (IReadOnlyList<KnownCode>)Array.Empty<KnownCode>();

        /// <summary>
        /// The code-shaped tokens of a text: maximal runs of code characters (letters, digits, '.',
        /// '-', '_'), without a trailing '.', that are a known prefix, '.', then a run starting with
        /// a digit. <c>"5 PM."</c> and <c>"PM.NET"</c> hold none. Costs one pass over the text and
        /// allocates nothing unless a run passes the prefix test.
        /// </summary>
        public List<CodeToken>? FindTokens(string text)
        {
            List<CodeToken>? tokens = null;
            if (_codesByPrefix.Count == 0 || text.IndexOf('.') < 0)
            {
                return null;
            }

            int i = 0;
            while (i < text.Length)
            {
                if (!IsCodeChar(text[i]))
                {
                    i++;
                    continue;
                }

                int start = i;
                while (i < text.Length && IsCodeChar(text[i]))
                {
                    i++;
                }

                int end = i;
                while (end > start && text[end - 1] == '.')
                {
                    end--;
                }

                char first = text[start];
                if (end - start >= 3 && first < 128 && _prefixStartChars[first])
                {
                    CodeToken? token = MatchPrefix(text, start, end);
                    if (token != null)
                    {
                        (tokens ??= new List<CodeToken>()).Add(token.Value);
                    }
                }
            }

            return tokens;
        }

        /// <summary>
        /// The known codes of the same prefix at the smallest edit distance from the token, if that is
        /// at most <paramref name="maxDistance"/>: every code that ties, in catalog order, at most
        /// <paramref name="maxCount"/> (numeric codes tie often: <c>PM.02153002</c> is one edit from
        /// both <c>PM.02153001</c> and <c>PM.02152002</c>).
        /// </summary>
        public List<string> Suggest(string token, string prefix, int maxDistance, int maxCount)
        {
            var result = new List<string>();
            if (!_codesByPrefix.TryGetValue(prefix, out List<KnownCode>? codes))
            {
                return result;
            }

            int best = maxDistance;
            foreach (KnownCode known in codes)
            {
                string code = known.Code;
                if (Math.Abs(code.Length - token.Length) > best)
                {
                    continue;
                }

                int distance = EditDistance.Compute(token, code, best);
                if (distance > best)
                {
                    continue;
                }

                if (distance < best)
                {
                    best = distance;
                    result.Clear();
                }

                if (result.Count < maxCount)
                {
                    result.Add(code);
                }
            }

            return result;
        }

        private CodeToken? MatchPrefix(string text, int start, int end)
        {
            // Every '.' followed by a digit splits the run into a candidate prefix and a numeric tail.
            for (int dot = start + 1; dot < end - 1; dot++)
            {
                if (text[dot] == '.' && IsDigit(text[dot + 1]))
                {
                    string prefix = text.Substring(start, dot - start);
                    if (_codesByPrefix.ContainsKey(prefix))
                    {
                        return new CodeToken(start, end - start, text.Substring(start, end - start), prefix);
                    }
                }
            }

            return null;
        }

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        /// <summary>A character a code may hold: an ASCII letter or digit, '.', '-' or '_'.</summary>
        public static bool IsCodeChar(char c)
            => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_';

        private static Dictionary<string, string> MembersByCode(CatalogModel model)
        {
            var members = new Dictionary<string, string>(model.Entries.Count, StringComparer.Ordinal);
            foreach (ErrorEntry entry in model.Entries)
            {
                members[entry.Code] = entry.Name;
            }

            return members;
        }
    }
}
