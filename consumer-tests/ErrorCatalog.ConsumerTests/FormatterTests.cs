using System;
using System.Globalization;
using HuaweiCloud.CodeArtsReq;
using Xunit;

namespace ErrorCatalog.ConsumerTests
{
    /// <summary>The four typed formatters, and <c>Format</c>/<c>ToException</c> on descriptors.</summary>
    public class FormatterTests
    {
        [Fact]
        public void InvalidRequestParameter_formats_its_placeholder()
        {
            Assert.Equal("Invalid Parameter: page_size.", CodeArtsReqErrors.FormatInvalidRequestParameter("page_size"));
        }

        [Fact]
        public void SubnodeLimitExceeded_formats_numbers_invariantly()
        {
            CultureInfo original = CultureInfo.CurrentCulture;
            try
            {
                CultureInfo.CurrentCulture = new CultureInfo("de-DE");
                Assert.Equal("Number of subnodes exceeds 1.5.", CodeArtsReqErrors.FormatSubnodeLimitExceeded(1.5));
                Assert.Equal("Number of subnodes exceeds 200.", CodeArtsReqErrors.FormatSubnodeLimitExceeded(200));
            }
            finally
            {
                CultureInfo.CurrentCulture = original;
            }
        }

        [Fact]
        public void MissingRequiredField_formats_its_placeholder()
        {
            Assert.Equal("Missing required field title.", CodeArtsReqErrors.FormatMissingRequiredField("title"));
        }

        [Fact]
        public void InvalidFieldValue_takes_named_parameters_in_order()
        {
            Assert.Equal("Field due_date has invalid value tomorrow.", CodeArtsReqErrors.FormatInvalidFieldValue(field: "due_date", value: "tomorrow"));
            Assert.Equal("Field  has invalid value .", CodeArtsReqErrors.FormatInvalidFieldValue(null, null));
        }

        [Fact]
        public void Typed_formatters_agree_with_string_Format_on_the_template()
        {
            var date = new DateTime(2026, 11, 28, 1, 2, 3, DateTimeKind.Utc);
            Assert.Equal(
                string.Format(CultureInfo.InvariantCulture, CodeArtsReqErrors.InvalidFieldValue.MessageTemplate, "start", date),
                CodeArtsReqErrors.FormatInvalidFieldValue("start", date));
        }

        [Fact]
        public void Typed_formatters_agree_with_string_Format_for_every_kind_and_length_of_value()
        {
            // The typed formatters write into a small stack buffer and fall back to a pooled one when
            // a value does not fit: every length from empty to far past the buffer, both arguments.
            var values = new System.Collections.Generic.List<object?> { null, 0, -42, 1.5, 1e300, 12.5m, Guid.Empty, new DateTime(2026, 11, 28, 1, 2, 3, DateTimeKind.Utc), new Plain(), new OldFormattable(), long.MinValue };
            for (int length = 0; length <= 200; length++)
            {
                values.Add(new string('x', length));
            }

            values.Add(new string('y', 5000));
            foreach (object? field in values)
            {
                foreach (object? value in new[] { values[1], values[5], values[values.Count - 1], field })
                {
                    string expected = string.Format(CultureInfo.InvariantCulture, CodeArtsReqErrors.InvalidFieldValue.MessageTemplate, field, value);
                    Assert.Equal(expected, CodeArtsReqErrors.FormatInvalidFieldValue(field, value));
                }

                Assert.Equal(string.Format(CultureInfo.InvariantCulture, CodeArtsReqErrors.InvalidRequestParameter.MessageTemplate, field), CodeArtsReqErrors.FormatInvalidRequestParameter(field));
            }
        }

        private sealed class Plain
        {
            public override string ToString() => "plain object";
        }

        /// <summary>IFormattable without ISpanFormattable: formatted with the invariant culture all the same.</summary>
        private sealed class OldFormattable : IFormattable
        {
            public string ToString(string? format, IFormatProvider? formatProvider) => "culture " + ((CultureInfo?)formatProvider)?.Name + "|";
        }

        [Fact]
        public void Descriptor_Format_dispatches_to_the_typed_formatter()
        {
            Assert.Equal(CodeArtsReqErrors.FormatInvalidFieldValue("a", 1), CodeArtsReqErrors.InvalidFieldValue.Format("a", 1));
            Assert.Equal("Invalid token.", CodeArtsReqErrors.InvalidToken.Format());
        }

        [Fact]
        public void Descriptor_Format_rejects_the_wrong_number_of_arguments()
        {
            var ex = Assert.Throws<ArgumentException>(() => CodeArtsReqErrors.InvalidFieldValue.Format("only one"));
            Assert.Equal("args", ex.ParamName);
            Assert.Contains("PM.02175201 takes 2 argument(s), but 1 were given", ex.Message);
            Assert.Throws<ArgumentException>(() => CodeArtsReqErrors.InvalidToken.Format("extra"));
            Assert.Throws<ArgumentNullException>(() => CodeArtsReqErrors.InvalidToken.Format((object?[])null!));
        }

        [Fact]
        public void ToException_formats_the_message_and_picks_the_status_type()
        {
            CodeArtsReqException ex = CodeArtsReqErrors.MissingRequiredField.ToException("title");
            var badRequest = Assert.IsType<CodeArtsReqBadRequestException>(ex);
            Assert.Equal("PM.02175200", badRequest.ErrorCode);
            Assert.Equal("Missing required field title.", badRequest.ErrorMessage);
            Assert.Equal(400, badRequest.HttpStatus);
            Assert.Same(CodeArtsReqErrors.MissingRequiredField, badRequest.Error);
            Assert.Equal("PM.02175200: Missing required field title.", badRequest.Message);
        }
    }
}
