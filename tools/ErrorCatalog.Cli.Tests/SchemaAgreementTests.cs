using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ErrorCatalog.Core;
using ErrorCatalog.Core.Diagnostics;
using ErrorCatalog.Generator.Tests;
using Xunit;
using Xunit.Abstractions;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// The schema says what the generator says: over the fuzz generator's catalogs (mutated and curated) and the
    /// repository's catalogs, the schema accepts a file exactly when the generator reports nothing a JSON Schema can
    /// express (<see cref="IsSchemaExpressible"/>: types, required keys, unknown keys, enumerations, the code and name
    /// patterns, the status range). Files YAML cannot read, or that use what JSON has no form for (a repeated key,
    /// anchors, a second document), are left out and counted.
    /// </summary>
    public class SchemaAgreementTests
    {
        private readonly ITestOutputHelper _output;

        public SchemaAgreementTests(ITestOutputHelper output) => _output = output;

        /// <summary>
        /// The diagnostics a schema can express, by ID, and for the IDs that cover more than one problem, by what
        /// the message says. Everything else (a duplicate code, a malformed template, parameters that do not match
        /// the placeholders, clashing names, limits, event ids, replacements, statuses below 400) needs the generator.
        /// The list: ERRCAT002 (but a repeated key, a second document), ERRCAT003, ERRCAT005, ERRCAT006, ERRCAT009 (a
        /// name that is no identifier), ERRCAT010, ERRCAT020, ERRCAT023.
        /// </summary>
        public static bool IsSchemaExpressible(CatalogDiagnostic diagnostic) => diagnostic.Id switch
        {
            DiagnosticIds.UnknownKey => true,
            DiagnosticIds.InvalidStatus => true,
            DiagnosticIds.InvalidCode => true,
            DiagnosticIds.InvalidGrpcStatus => true,
            DiagnosticIds.InvalidIdentity => true,
            DiagnosticIds.StatusAsText => true,
            DiagnosticIds.InvalidName => diagnostic.Message.Contains("is not a valid member name", StringComparison.Ordinal), // not a clash with another name
            DiagnosticIds.WrongStructure => !diagnostic.Message.Contains("appears twice", StringComparison.Ordinal)
                && !diagnostic.Message.Contains("holds one YAML document", StringComparison.Ordinal),
            _ => false,
        };

        [Fact]
        public void The_schema_accepts_a_catalog_exactly_when_the_generator_reports_nothing_a_schema_can_express()
        {
            var cases = new List<(string Name, string Yaml)>();
            cases.AddRange(Enumerable.Range(0, 3000).Select(FuzzCase.Create).Select(c => ($"fuzz {c.Index}", c.Yaml)));
            cases.AddRange(Enumerable.Range(0, 500).Select(FuzzCase.CreateComplete).Select(c => ($"curated {c.Index}", c.Yaml)));
            foreach (string file in Directory.GetFiles(Path.Combine(CliTests.Root(), "catalog"), "*.errors.yaml"))
            {
                cases.Add((Path.GetFileName(file), File.ReadAllText(file)));
            }

            int agreed = 0, accepted = 0, rejected = 0, leftOut = 0;
            var disagreements = new List<string>();
            foreach ((string name, string yaml) in cases)
            {
                CatalogParseResult parsed = CatalogCompiler.Parse("/schema/" + name.Replace(' ', '-') + ".errors.yaml", yaml);
                if (parsed.Diagnostics.Any(d => d.Id == DiagnosticIds.InvalidYaml || d.Id == DiagnosticIds.ResourceLimit || (d.Id == DiagnosticIds.WrongStructure && !IsSchemaExpressible(d))))
                {
                    leftOut++;
                    continue;
                }

                JsonElement json;
                try
                {
                    json = SchemaTests.ToJson(yaml);
                }
                catch (Exception ex) when (ex is YamlDotNet.Core.YamlException || ex is JsonException || ex is InvalidCastException || ex is ArgumentException)
                {
                    leftOut++;
                    continue;
                }

                bool valid = SchemaTests.s_schema.Evaluate(json).IsValid;
                CatalogDiagnostic[] expressible = parsed.Diagnostics.Where(IsSchemaExpressible).ToArray();
                if (valid == (expressible.Length == 0))
                {
                    agreed++;
                    accepted += valid ? 1 : 0;
                    rejected += valid ? 0 : 1;
                }
                else
                {
                    disagreements.Add($"{name}: schema {(valid ? "accepts" : "rejects")}, generator {(expressible.Length == 0 ? "no schema-expressible diagnostic" : string.Join("; ", expressible.Select(d => d.ToString())))}\n{yaml}");
                }
            }

            _output.WriteLine($"{cases.Count} catalogs: {agreed} agree ({accepted} accepted, {rejected} rejected by both), {leftOut} left out, {disagreements.Count} disagree");
            Assert.True(disagreements.Count == 0, $"{disagreements.Count} disagreements, the first three:\n{string.Join("\n---\n", disagreements.Take(3))}");
            Assert.True(accepted > 500 && rejected > 200, $"{accepted} accepted, {rejected} rejected: the corpus should exercise both");
        }
    }
}
