using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using ErrorCatalog.TestSupport;
using HuaweiCloud.CodeArtsReq;
using Xunit;

// These tests use unknown codes on purpose: the analyzer (ERRCAT100) would flag them.
#pragma warning disable ERRCAT100

namespace ErrorCatalog.ConsumerTests
{
    /// <summary>Every one of the 54 entries, checked against the documentation table the catalog came from.</summary>
    public class CatalogEntryTests
    {
        private static readonly IReadOnlyList<ErrorTableRow> s_rows = ErrorTable.Read(ErrorTable.CatalogFile("codearts-req-error-codes.txt"));

        public static IEnumerable<object[]> Rows => s_rows.Select(row => new object[] { row.Code });

        private static ErrorTableRow Row(string code) => s_rows.Single(r => r.Code == code);

        [Fact]
        public void The_catalog_has_all_54_entries_in_table_order()
        {
            Assert.Equal(54, s_rows.Count);
            Assert.Equal(s_rows.Select(r => r.Code), CodeArtsReqErrors.All.Select(e => e.Code));
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Descriptor_matches_the_table_row(string code)
        {
            ErrorTableRow row = Row(code);
            Assert.True(CodeArtsReqErrors.TryGet(code, out CodeArtsReqError error));
            Assert.Equal(row.Code, error.Code);
            Assert.Equal(row.Status, error.HttpStatus);
            Assert.Equal(row.Message, error.MessageTemplate);
            Assert.Equal(row.Description, error.Description);
            Assert.Equal(row.Solution, error.Solution);
            Assert.Equal(row.Message.Count(c => c == '{'), error.ParameterCount);
            Assert.Equal($"{row.Code}: {row.Message}", error.ToString());
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Lookups_agree_for_the_code(string code)
        {
            ErrorTableRow row = Row(code);
            CodeArtsReqError? found = CodeArtsReqErrors.Find(code);
            Assert.NotNull(found);
            Assert.True(CodeArtsReqErrors.IsKnown(code));
            Assert.Equal(row.Status, CodeArtsReqErrors.GetHttpStatus(code));
            Assert.Same(found, CodeArtsReqErrors.All.Single(e => e.Code == code));
        }

        [Theory]
        [MemberData(nameof(Rows))]
        public void Constant_and_static_property_are_named_after_the_descriptor(string code)
        {
            CodeArtsReqError error = CodeArtsReqErrors.Find(code)!;
            FieldInfo? constant = typeof(CodeArtsReqErrorCodes).GetField(error.Name, BindingFlags.Public | BindingFlags.Static);
            Assert.NotNull(constant);
            Assert.True(constant!.IsLiteral);
            Assert.Equal(code, constant.GetRawConstantValue());
            PropertyInfo? property = typeof(CodeArtsReqErrors).GetProperty(error.Name, BindingFlags.Public | BindingFlags.Static);
            Assert.Same(error, property!.GetValue(null));
        }

        [Fact]
        public void There_is_exactly_one_constant_per_entry()
        {
            FieldInfo[] constants = typeof(CodeArtsReqErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static);
            Assert.Equal(54, constants.Length);
            Assert.Equal(s_rows.Select(r => r.Code).OrderBy(c => c, System.StringComparer.Ordinal),
                constants.Select(c => (string)c.GetRawConstantValue()!).OrderBy(c => c, System.StringComparer.Ordinal));
        }

        [Fact]
        public void Constants_are_usable_where_constants_are_required()
        {
            static string Describe(string code) => code switch
            {
                CodeArtsReqErrorCodes.ResourceNotFound => "missing",
                CodeArtsReqErrorCodes.InvalidToken => "auth",
                _ => "other",
            };

            Assert.Equal("missing", Describe("PM.02175005"));
            Assert.Equal("auth", Describe("PM.10001002"));
            Assert.Equal("other", Describe("PM.00000000"));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("pm.02175005")]
        [InlineData(" PM.02175005")]
        [InlineData("PM.02175005 ")]
        [InlineData("PM.0217500")]
        [InlineData("PM.02159999")]
        public void Unknown_codes_are_not_found(string? code)
        {
            Assert.False(CodeArtsReqErrors.TryGet(code, out _));
            Assert.Null(CodeArtsReqErrors.Find(code));
            Assert.False(CodeArtsReqErrors.IsKnown(code));
            Assert.Null(CodeArtsReqErrors.GetHttpStatus(code));
        }

        [Fact]
        public void All_is_read_only()
        {
            Assert.False(CodeArtsReqErrors.All is CodeArtsReqError[]);
            var list = Assert.IsAssignableFrom<IList<CodeArtsReqError>>(CodeArtsReqErrors.All);
            Assert.True(list.IsReadOnly);
        }

        [Fact]
        public void Hand_picked_entries_have_their_curated_names()
        {
            Assert.Equal("PM.02150010", CodeArtsReqErrorCodes.TargetUserNotProjectMember);
            Assert.Equal("PM.02175201", CodeArtsReqErrorCodes.InvalidFieldValue);
            Assert.Equal(404, CodeArtsReqErrors.ResourceNotFound.HttpStatus);
            Assert.Equal(405, CodeArtsReqErrors.JoinApplicationPending.HttpStatus);
            Assert.Equal("Invalid token.", CodeArtsReqErrors.InvalidToken.MessageTemplate);
        }
    }
}
