using System.Linq;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Templates;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    public class TemplateTests
    {
        [Theory]
        [InlineData("No placeholders.", PlaceholderKind.None, 0)]
        [InlineData("Field {0} has invalid value {1}.", PlaceholderKind.Indexed, 2)]
        [InlineData("{1} before {0}, {0} again", PlaceholderKind.Indexed, 2)]
        [InlineData("Amount {0,8:N2} and {0,-3}", PlaceholderKind.Indexed, 1)]
        [InlineData("Item {id} failed: {reason}; see {id}", PlaceholderKind.Named, 2)]
        [InlineData("Literal {{braces}} only", PlaceholderKind.None, 0)]
        public void Valid_templates_give_kind_and_parameter_count(string message, PlaceholderKind kind, int count)
        {
            ParsedTemplate template = MessageTemplate.Parse(message);
            Assert.Empty(template.Errors);
            Assert.Equal(kind, template.Kind);
            Assert.Equal(count, template.ParameterCount);
        }

        [Theory]
        [InlineData("Empty {} braces", "empty placeholder")]
        [InlineData("Unclosed {0 here", "is not closed")]
        [InlineData("Stray } here", "has no matching")]
        [InlineData("Gap {0} {2}", "skip {1}")]
        [InlineData("Mixed {0} and {name}", "mixes indexed")]
        [InlineData("Bad {a-b} name", "not a valid placeholder")]
        [InlineData("Bad {0,x} alignment", "invalid alignment")]
        [InlineData("Huge {1234567}", "index above")]
        public void Malformed_templates_are_reported(string message, string expected)
        {
            ParsedTemplate template = MessageTemplate.Parse(message);
            Assert.Contains(template.Errors, e => e.Message.Contains(expected));
        }

        [Fact]
        public void Segments_unescape_braces_and_bind_named_placeholders_in_order_of_first_appearance()
        {
            ParsedTemplate template = MessageTemplate.Parse("{{x}} {b} then {a} then {b:X2}");
            Assert.Equal(new[] { "b", "a" }, template.PlaceholderNames);
            Assert.Equal(
                new[]
                {
                    TemplateSegment.Text("{x} "),
                    TemplateSegment.Placeholder(0, 0, null),
                    TemplateSegment.Text(" then "),
                    TemplateSegment.Placeholder(1, 0, null),
                    TemplateSegment.Text(" then "),
                    TemplateSegment.Placeholder(0, 0, "X2"),
                },
                template.Segments.ToArray());
        }
    }
}
