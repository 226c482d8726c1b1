using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Core.Emit;

namespace ErrorCatalog.Cli
{
    /// <summary>SARIF 2.1.0 output for code-scanning tools.</summary>
    internal static class Sarif
    {
        public static string Write(IReadOnlyList<CatalogDiagnostic> diagnostics, IReadOnlyList<string> files)
            => Write(diagnostics, files, DiagnosticIds.CatalogDiagnostics.Select(i => (i.Id, i.Title, (string?)i.HelpLink)).ToList());

        /// <param name="rules">The rules the results may name: id, short description, help link (or null).</param>
        public static string Write(IReadOnlyList<CatalogDiagnostic> diagnostics, IReadOnlyList<string> files, IReadOnlyList<(string Id, string Title, string? HelpUri)> rules)
        {
            using var stream = new MemoryStream();
            using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                json.WriteStartObject();
                json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
                json.WriteString("version", "2.1.0");
                json.WriteStartArray("runs");
                json.WriteStartObject();
                json.WriteStartObject("tool");
                json.WriteStartObject("driver");
                json.WriteString("name", "errcat");
                json.WriteString("version", CSharpEmitter.ToolVersion);
                json.WriteStartArray("rules");
                foreach ((string id, string title, string? helpUri) in rules)
                {
                    json.WriteStartObject();
                    json.WriteString("id", id);
                    json.WriteStartObject("shortDescription");
                    json.WriteString("text", title);
                    json.WriteEndObject();
                    if (helpUri != null)
                    {
                        json.WriteString("helpUri", helpUri);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndObject();
                json.WriteStartArray("results");
                foreach (CatalogDiagnostic diagnostic in diagnostics)
                {
                    json.WriteStartObject();
                    json.WriteString("ruleId", diagnostic.Id);
                    json.WriteString("level", diagnostic.Severity switch { CatalogSeverity.Error => "error", CatalogSeverity.Warning => "warning", _ => "note" });
                    json.WriteStartObject("message");
                    json.WriteString("text", diagnostic.Message);
                    json.WriteEndObject();
                    json.WriteStartArray("locations");
                    json.WriteStartObject();
                    json.WriteStartObject("physicalLocation");
                    json.WriteStartObject("artifactLocation");
                    json.WriteString("uri", diagnostic.FilePath.Replace('\\', '/'));
                    json.WriteEndObject();
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", diagnostic.Span.StartLine + 1);
                    json.WriteNumber("startColumn", diagnostic.Span.StartColumn + 1);
                    json.WriteNumber("endLine", diagnostic.Span.EndLine + 1);
                    json.WriteNumber("endColumn", diagnostic.Span.EndColumn + 1);
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndObject();
                    json.WriteEndArray();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("artifacts");
                foreach (string file in files)
                {
                    json.WriteStartObject();
                    json.WriteStartObject("location");
                    json.WriteString("uri", file.Replace('\\', '/'));
                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteEndObject();
            }

            return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
        }
    }
}
