using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Cli
{
    /// <summary>One catalog on the docs site: its model, namespace and cultures.</summary>
    internal sealed record SiteCatalog(CatalogModel Model, string Namespace, CatalogTranslations Cultures)
    {
        /// <summary>Per culture (in <see cref="Cultures"/>' order), its translated entries by row.</summary>
        public IReadOnlyList<Dictionary<int, TranslatedEntry>> RowsByCulture { get; } =
            Cultures.Cultures.Select(c => c.Entries.ToDictionary(e => e.Row)).ToList();
    }

    /// <summary>
    /// <c>errcat docs</c>: <c>index.md</c> and a self-contained <c>index.html</c> (no external assets, works
    /// from <c>file://</c>, a filter box in plain JavaScript). One section per catalog, one row per code
    /// whose anchor is the code, so a catalog's <c>docs: …/index.html#{code}</c> links land on it.
    /// </summary>
    internal static class DocsSite
    {
        public static string Markdown(IReadOnlyList<SiteCatalog> catalogs)
        {
            var md = new StringBuilder("# Error codes\n");
            foreach (SiteCatalog catalog in catalogs)
            {
                string[] cultures = catalog.Cultures.Cultures.Select(c => c.Culture).ToArray();
                md.Append("\n## ").Append(catalog.Model.CatalogName).Append('\n');
                if (catalog.Namespace.Length > 0)
                {
                    md.Append("\nNamespace `").Append(catalog.Namespace).Append("`.\n");
                }

                md.Append("\n| Code | Status | Message | Description | Solution | Deprecated | Retryable |");
                foreach (string culture in cultures)
                {
                    md.Append(' ').Append(culture).Append(" |");
                }

                md.Append("\n|---|---|---|---|---|---|---|").Append(string.Concat(cultures.Select(_ => "---|"))).Append('\n');
                for (int row = 0; row < catalog.Model.Entries.Count; row++)
                {
                    ErrorEntry e = catalog.Model.Entries[row];
                    md.Append("| <a id=\"").Append(Html(e.Code)).Append("\"></a>`").Append(e.Code).Append("` | ").Append(Status(e.HttpStatus))
                        .Append(" | ").Append(Cell(e.MessageTemplate)).Append(" | ").Append(Cell(e.Description)).Append(" | ").Append(Cell(e.Solution))
                        .Append(" | ").Append(DeprecationMarkdown(e)).Append(" | ").Append(e.IsRetryable ? "yes" : "no").Append(" |");
                    foreach (Dictionary<int, TranslatedEntry> rows in catalog.RowsByCulture)
                    {
                        md.Append(' ').Append(Cell(string.Join(" — ", Translations(rows, row)))).Append(" |");
                    }

                    md.Append('\n');
                }
            }

            return md.ToString();
        }

        public static string Html(IReadOnlyList<SiteCatalog> catalogs)
        {
            var html = new StringBuilder();
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Error codes</title>\n<style>\n")
                .Append("body{font-family:system-ui,sans-serif;margin:2rem;color:#1b1b1b}table{border-collapse:collapse;width:100%;margin-bottom:2rem}")
                .Append("th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3}")
                .Append("tr:target{background:#fff5c2}code{font-size:.95em}.deprecated{color:#a33}#filter{font-size:1rem;padding:.4rem;width:24rem;margin-bottom:1rem}\n")
                .Append("</style>\n</head>\n<body>\n<h1>Error codes</h1>\n")
                .Append("<input id=\"filter\" type=\"search\" placeholder=\"Filter by code or text\" aria-label=\"Filter\">\n");
            foreach (SiteCatalog catalog in catalogs)
            {
                html.Append("<section id=\"catalog-").Append(Html(catalog.Model.CatalogName)).Append("\">\n<h2>").Append(Html(catalog.Model.CatalogName)).Append("</h2>\n");
                if (catalog.Namespace.Length > 0)
                {
                    html.Append("<p>Namespace <code>").Append(Html(catalog.Namespace)).Append("</code></p>\n");
                }

                html.Append("<table>\n<thead><tr><th>Code</th><th>Status</th><th>Message</th><th>Description</th><th>Solution</th><th>Deprecated</th><th>Retryable</th>");
                foreach (CultureTexts culture in catalog.Cultures.Cultures)
                {
                    html.Append("<th lang=\"").Append(Html(culture.Culture)).Append("\">").Append(Html(culture.Culture)).Append("</th>");
                }

                html.Append("</tr></thead>\n<tbody>\n");
                for (int row = 0; row < catalog.Model.Entries.Count; row++)
                {
                    ErrorEntry e = catalog.Model.Entries[row];
                    html.Append("<tr class=\"entry\" id=\"").Append(Html(e.Code)).Append("\"><td><a href=\"#").Append(Html(e.Code)).Append("\"><code>").Append(Html(e.Code)).Append("</code></a></td>")
                        .Append("<td>").Append(Html(Status(e.HttpStatus))).Append("</td><td>").Append(Html(e.MessageTemplate)).Append("</td><td>").Append(Html(e.Description))
                        .Append("</td><td>").Append(Html(e.Solution)).Append("</td><td>").Append(DeprecationHtml(e)).Append("</td><td>").Append(e.IsRetryable ? "yes" : "no").Append("</td>");
                    for (int c = 0; c < catalog.RowsByCulture.Count; c++)
                    {
                        html.Append("<td lang=\"").Append(Html(catalog.Cultures.Cultures[c].Culture)).Append("\">").Append(string.Join("<br>", Translations(catalog.RowsByCulture[c], row).Select(Html))).Append("</td>");
                    }

                    html.Append("</tr>\n");
                }

                html.Append("</tbody>\n</table>\n</section>\n");
            }

            html.Append("<script>\n")
                .Append("(function () {\n")
                .Append("  var box = document.getElementById('filter');\n")
                .Append("  var rows = Array.prototype.slice.call(document.querySelectorAll('tr.entry'));\n")
                .Append("  box.addEventListener('input', function () {\n")
                .Append("    var q = box.value.trim().toLowerCase();\n")
                .Append("    rows.forEach(function (row) { row.hidden = q.length > 0 && row.textContent.toLowerCase().indexOf(q) < 0; });\n")
                .Append("    document.querySelectorAll('section').forEach(function (s) { s.hidden = s.querySelector('tr.entry:not([hidden])') === null; });\n")
                .Append("  });\n")
                .Append("})();\n")
                .Append("</script>\n</body>\n</html>\n");
            return html.ToString();
        }

        /// <summary>A culture's texts for a row: message, description, solution, those it translates.</summary>
        private static IEnumerable<string> Translations(Dictionary<int, TranslatedEntry> rows, int row)
        {
            if (rows.TryGetValue(row, out TranslatedEntry? entry))
            {
                foreach (string? text in new[] { entry.Message, entry.Description, entry.Solution })
                {
                    if (!string.IsNullOrEmpty(text))
                    {
                        yield return text!;
                    }
                }
            }
        }

        /// <summary>The status with its reason phrase: <c>404 Not Found</c>.</summary>
        private static string Status(int status)
        {
            string number = status.ToString(CultureInfo.InvariantCulture);
            string? name = HttpStatusNames.EnumName(status);
            if (name == null)
            {
                return number;
            }

            var phrase = new StringBuilder();
            foreach (char c in name)
            {
                if (char.IsUpper(c) && phrase.Length > 0)
                {
                    phrase.Append(' ');
                }

                phrase.Append(c);
            }

            return number + " " + phrase;
        }

        private static string DeprecationMarkdown(ErrorEntry e)
            => !e.IsDeprecated ? string.Empty
                : Cell(e.Deprecation!.Length == 0 ? "deprecated" : e.Deprecation) + (e.ReplacedBy == null ? string.Empty : $"; replaced by [`{e.ReplacedBy}`](#{e.ReplacedBy})");

        private static string DeprecationHtml(ErrorEntry e)
            => !e.IsDeprecated ? string.Empty
                : "<span class=\"deprecated\">" + Html(e.Deprecation!.Length == 0 ? "deprecated" : e.Deprecation) + "</span>"
                  + (e.ReplacedBy == null ? string.Empty : "; replaced by <a href=\"#" + Html(e.ReplacedBy) + "\"><code>" + Html(e.ReplacedBy) + "</code></a>");

        private static string Cell(string text) => text.Replace("\\", "\\\\").Replace("<", "&lt;").Replace("|", "\\|").Replace("\r\n", "<br>").Replace("\n", "<br>");

        private static string Html(string text) => WebUtility.HtmlEncode(text);
    }
}
