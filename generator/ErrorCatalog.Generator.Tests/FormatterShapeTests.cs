using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Text;
using ErrorCatalog.Generator.Tests.Infrastructure;
using Xunit;

namespace ErrorCatalog.Generator.Tests
{
    /// <summary>
    /// Every shape of template a typed formatter can meet, run on every target profile and compared
    /// with <see cref="string.Format(IFormatProvider, string, object[])"/>: one to three plain
    /// placeholders write into a stack buffer on .NET 6+ and fall back to the shared <c>Compose</c>
    /// concatenation (placeholders first, last, adjacent, repeated, out of order; values and literal
    /// text too long for the buffer), and templates with more placeholders or with alignment and
    /// format take the pooled interpolated-string handler. The descriptor's <c>Format(params object[])</c>
    /// (string.Format over the composite format the template means, named placeholders included)
    /// must give the same text.
    /// </summary>
    public class FormatterShapeTests
    {
        /// <summary>Name, template, parameters, whether the formatter is composed; the composite format a named template means is given after a '|'.</summary>
        private static readonly (string Name, string Template, int Parameters, bool Composed)[] Shapes =
        {
            ("OnlyValue", "{0}", 1, true),
            ("Leading", "{0} was not found.", 1, true),
            ("Trailing", "Not found: {0}", 1, true),
            ("Adjacent", "{0}{1}", 2, true),
            ("OutOfOrder", "{1} then {0}.", 2, true),
            ("Repeated", "{0}, again {0}, and {1}", 2, true),
            ("Three", "a{0}b{1}c{2}d", 3, true),
            ("LongLiteral", "x{0}" + new string('y', 300) + "{1}z", 2, true),
            ("Four", "{0}-{1}-{2}-{3}", 4, false),
            ("Six", "{5}{4}{3}{2}{1}{0}", 6, false),
            ("Aligned", "[{0,8}] [{1,-6:F2}]", 2, false),
            ("Formatted", "at {0:yyyy-MM-dd} or {0:X}", 1, false),
            ("Braces", "{{{0}}}", 1, true),
            ("Named", "{id} of {user}, {id} again|{0} of {1}, {0} again", 2, true),
            ("NamedAligned", "{when:yyyy} / {n,5} {{x}}|{0:yyyy} / {1,5} {{x}}", 2, false),
            ("NoPlaceholders", "literal {{x}} text", 0, false),
        };

        public static IEnumerable<object[]> Profiles => GeneratedCodeTests.Profiles;

        [Theory]
        [MemberData(nameof(Profiles))]
        public void Every_template_shape_formats_like_string_Format(TargetProfile profile)
        {
            var yaml = new StringBuilder("catalog: Shapes\nerrors:\n");
            for (int i = 0; i < Shapes.Length; i++)
            {
                yaml.Append("  - code: S.").Append(i).Append("\n    status: 400\n    name: ").Append(Shapes[i].Name)
                    .Append("\n    message: '").Append(Shapes[i].Template.Split('|')[0]).Append("'\n");
            }

            GeneratorResult result = GeneratorHarness.Run(yaml.ToString(), profile);
            Assert.Empty(result.GeneratorDiagnostics);
            Assert.Empty(result.CompilationDiagnostics);
            string source = result.Source("ShapesErrors.g.cs");
            Type errors = GeneratedCodeTests.Load(result.Output).GetType("Consumer.App.ShapesErrors")!;
            foreach ((string name, string shape, int parameters, bool composed) in Shapes)
            {
                string template = shape.Split('|').Last();
                object descriptor = errors.GetProperty(name)!.GetValue(null)!;
                MethodInfo describe = descriptor.GetType().GetMethod("Format")!;
                if (parameters == 0)
                {
                    Assert.Null(errors.GetMethod("Format" + name));
                    Assert.Equal(string.Format(CultureInfo.InvariantCulture, template), describe.Invoke(descriptor, new object[] { Array.Empty<object?>() }));
                    continue;
                }

                string body = FormatterBody(source, name);
                Assert.Equal(composed, body.Contains("Compose(", StringComparison.Ordinal));
                MethodInfo format = errors.GetMethod("Format" + name)!;
                Assert.Equal(parameters, format.GetParameters().Length);
                foreach (object?[] args in Arguments(parameters))
                {
                    string expected;
                    try
                    {
                        expected = string.Format(CultureInfo.InvariantCulture, template, args);
                    }
                    catch (FormatException)
                    {
                        // A format the value's type rejects ({0:yyyy} on a GUID): the formatter rejects it the same way.
                        var thrown = Assert.Throws<TargetInvocationException>(() => format.Invoke(null, args));
                        Assert.IsType<FormatException>(thrown.InnerException);
                        thrown = Assert.Throws<TargetInvocationException>(() => describe.Invoke(descriptor, new object[] { args }));
                        Assert.IsType<FormatException>(thrown.InnerException);
                        continue;
                    }

                    // The typed formatter and the descriptor's Format(params object[]) give the same text.
                    Assert.Equal(expected, format.Invoke(null, args));
                    Assert.Equal(expected, describe.Invoke(descriptor, new object[] { args }));
                }
            }
        }

        /// <summary>Value kinds a caller passes: strings short and long (past the 256-character buffer), numbers, null, dates, GUIDs, plain objects.</summary>
        private static IEnumerable<object?[]> Arguments(int count)
        {
            object?[] kinds =
            {
                "id-7", string.Empty, null, 42, -3.5, 1234.5678m, 255L, new DateTime(2026, 11, 28, 5, 6, 7, DateTimeKind.Utc),
                new Guid("0f8fad5b-d9cb-469f-a165-70867728950e"), new string('v', 300), new Uri("https://example.com/a"), 'c', true,
            };
            for (int shift = 0; shift < kinds.Length; shift++)
            {
                yield return Enumerable.Range(0, count).Select(i => kinds[(shift + i) % kinds.Length]).ToArray();
            }
        }

        private static string FormatterBody(string source, string name)
        {
            int start = source.IndexOf("public static string Format" + name + "(", StringComparison.Ordinal);
            Assert.True(start >= 0, "no formatter Format" + name);
            int end = source.IndexOf("\n        }\n", start, StringComparison.Ordinal);
            return source.Substring(start, end - start);
        }
    }
}
