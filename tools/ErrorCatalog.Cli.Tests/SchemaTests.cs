using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Xunit;
using YamlDotNet.RepresentationModel;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>build/errorcatalog.schema.json accepts our catalogs and rejects broken ones, as an editor would.</summary>
    public class SchemaTests
    {
        internal static readonly JsonSchema s_schema = JsonSchema.FromText(File.ReadAllText(Path.Combine(CliTests.Root(), "build", "errorcatalog.schema.json")));

        [Fact]
        public void Our_catalog_declares_and_passes_the_schema()
        {
            string yaml = File.ReadAllText(Path.Combine(CliTests.Root(), "catalog", "codearts-req.errors.yaml"));
            Assert.StartsWith("# yaml-language-server: $schema=../build/errorcatalog.schema.json", yaml);
            EvaluationResults results = s_schema.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(results.IsValid, JsonSerializer.Serialize(results));
        }

        [Theory]
        [InlineData("codearts-req.zh-CN.errors.yaml")]
        public void The_overlay_passes_the_schema(string file)
        {
            string yaml = File.ReadAllText(Path.Combine(CliTests.Root(), "catalog", file));
            EvaluationResults results = s_schema.Evaluate(ToJson(yaml), new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(results.IsValid, JsonSerializer.Serialize(results));
        }

        [Theory]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: 'x {0}', parameters: [{name: n, type: int}]}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: 'x {0} {1}', parameters: [a, {name: n, type: DateTimeOffset}]}\n")]
        [InlineData("catalog: X\nculture: zh-CN\nerrors:\n  - {code: A.1, description: d}\n")]
        public void Typed_parameters_and_overlays_are_accepted(string yaml)
        {
            Assert.True(s_schema.Evaluate(ToJson(yaml)).IsValid);
        }

        [Theory]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: 'x {0}', parameters: [{name: n, type: float}]}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: 'x {0}', parameters: [{type: int}]}\n")]
        [InlineData("catalog: X\nculture: zh_CN\nerrors: []\n")]
        [InlineData("catalog: X\nculture: zh-CN\nerrors:\n  - {code: A.1, status: 400, description: d}\n")]
        [InlineData("catalog: X\nculture: zh-CN\nerrors:\n  - {description: d}\n")]
        public void Bad_parameter_types_and_overlays_are_rejected(string yaml)
        {
            Assert.False(s_schema.Evaluate(ToJson(yaml)).IsValid);
        }

        [Theory]
        [InlineData("errors: []\n")]
        [InlineData("catalog: 1Bad\nerrors: []\n")]
        [InlineData("catalog: X\nnamespace: My..Ns\nerrors: []\n")]
        [InlineData("catalog: X\nnamepsace: X\nerrors: []\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, message: m}\n")]
        [InlineData("catalog: X\nerrors:\n  - {status: 400, message: m}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 600, message: m}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: four hundred, message: m}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: 'A 1', status: 400, message: m}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: m, staus: 1}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: m, name: 'Not valid'}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: 'x {0} {1}', parameters: [a, a]}\n")]
        [InlineData("catalog: X\nerrors:\n  - {code: A.1, status: 400, message: [a, b]}\n")]
        public void Broken_catalogs_from_the_diagnostics_tests_are_rejected(string yaml)
        {
            Assert.False(s_schema.Evaluate(ToJson(yaml)).IsValid);
        }

        /// <summary>YAML to JSON as editors read it (YAML core schema: plain integers are numbers).</summary>
        internal static JsonElement ToJson(string yaml)
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            JsonNode? node = Convert(stream.Documents[0].RootNode);
            return JsonDocument.Parse(node?.ToJsonString() ?? "null").RootElement;
        }

        private static JsonNode? Convert(YamlNode node) => node switch
        {
            YamlMappingNode map => new JsonObject(map.Children.Select(p => new System.Collections.Generic.KeyValuePair<string, JsonNode?>(((YamlScalarNode)p.Key).Value!, Convert(p.Value)))),
            YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
            YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && long.TryParse(scalar.Value, out long number) => JsonValue.Create(number),
            YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is "" or "~" or "null" or "Null" or "NULL") => null,
            YamlScalarNode scalar when scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is "true" or "True" or "TRUE" or "false" or "False" or "FALSE") => JsonValue.Create(scalar.Value!.ToLowerInvariant() == "true"),
            YamlScalarNode scalar => JsonValue.Create(scalar.Value),
            _ => throw new JsonException("unexpected YAML node"),
        };
    }
}
