using System;
using System.Linq;
using HuaweiCloud.CodeArtsReq;
using Xunit;

// These tests use unknown codes on purpose: the analyzer (ERRCAT100) would flag them.
#pragma warning disable ERRCAT100

namespace ErrorCatalog.ConsumerTests
{
    /// <summary>Mapping <c>{"error_code","error_msg"}</c> bodies to typed exceptions.</summary>
    public class ExceptionTests
    {
        [Fact]
        public void A_known_404_code_can_be_caught_as_the_NotFound_exception()
        {
            try
            {
                throw CodeArtsReqException.FromResponse("PM.02175005", "Requested resource not exist.");
            }
            catch (CodeArtsReqNotFoundException ex)
            {
                Assert.Equal("PM.02175005", ex.ErrorCode);
                Assert.Equal("Requested resource not exist.", ex.ErrorMessage);
                Assert.Equal(404, ex.HttpStatus);
                Assert.Same(CodeArtsReqErrors.ResourceNotFound, ex.Error);
            }
        }

        [Theory]
        [InlineData("PM.02150010", typeof(CodeArtsReqBadRequestException))]
        [InlineData("PM.02150401", typeof(CodeArtsReqUnauthorizedException))]
        [InlineData("PM.10003012", typeof(CodeArtsReqForbiddenException))]
        [InlineData("PM.02175005", typeof(CodeArtsReqNotFoundException))]
        [InlineData("PM.10003013", typeof(CodeArtsReqMethodNotAllowedException))]
        public void Each_status_maps_to_its_exception_type(string code, Type expected)
        {
            CodeArtsReqException ex = CodeArtsReqException.FromResponse(code, "msg");
            Assert.IsType(expected, ex);
            Assert.Equal(CodeArtsReqErrors.GetHttpStatus(code), ex.HttpStatus);
        }

        [Fact]
        public void Every_catalog_entry_maps_to_the_exception_of_its_status()
        {
            foreach (CodeArtsReqError error in CodeArtsReqErrors.All)
            {
                CodeArtsReqException ex = CodeArtsReqException.FromResponse(error.Code, null);
                Assert.NotEqual(typeof(CodeArtsReqException), ex.GetType());
                Assert.Equal(error.HttpStatus, ex.HttpStatus);
                Assert.Same(error, ex.Error);
                Assert.Equal(error.Code, ex.Message);
            }
        }

        [Fact]
        public void Status_exceptions_derive_directly_from_the_catalog_exception()
        {
            Type[] statusTypes = typeof(CodeArtsReqException).Assembly.GetTypes()
                .Where(t => t != typeof(CodeArtsReqException) && t != typeof(CodeArtsReqValidationException) && typeof(CodeArtsReqException).IsAssignableFrom(t))
                .ToArray();
            Assert.Equal(5, statusTypes.Length); // one per status; the validation exception derives from the catalog's too
            Assert.Equal(typeof(CodeArtsReqException), typeof(CodeArtsReqValidationException).BaseType);
            Assert.All(statusTypes, t => Assert.Equal(typeof(CodeArtsReqException), t.BaseType));
        }

        [Fact]
        public void A_received_status_is_kept_but_the_type_follows_the_catalog()
        {
            CodeArtsReqException ex = CodeArtsReqException.FromResponse("PM.02175005", "gone", 410);
            Assert.IsType<CodeArtsReqNotFoundException>(ex);
            Assert.Equal(410, ex.HttpStatus);
        }

        [Fact]
        public void An_unknown_code_gives_a_plain_exception_that_keeps_what_it_got()
        {
            CodeArtsReqException ex = CodeArtsReqException.FromResponse("PM.02159999", "Something new.", 418);
            Assert.Equal(typeof(CodeArtsReqException), ex.GetType());
            Assert.Null(ex.Error);
            Assert.Equal(418, ex.HttpStatus);
            Assert.Equal("PM.02159999", ex.ErrorCode);
            Assert.Equal("Something new.", ex.ErrorMessage);
            Assert.Equal("PM.02159999: Something new.", ex.Message);

            CodeArtsReqException noStatus = CodeArtsReqException.FromResponse("APIGW.0101", null);
            Assert.Null(noStatus.HttpStatus);
            Assert.Null(noStatus.ErrorMessage);
        }

        [Fact]
        public void Constructors_keep_the_inner_exception_and_reject_a_null_code()
        {
            var inner = new InvalidOperationException("transport");
            var ex = new CodeArtsReqNotFoundException("PM.02175005", "gone", null, inner);
            Assert.Same(inner, ex.InnerException);
            Assert.Equal(404, ex.HttpStatus);
            Assert.Throws<ArgumentNullException>(() => new CodeArtsReqException(null!, "x"));
        }
    }
}
