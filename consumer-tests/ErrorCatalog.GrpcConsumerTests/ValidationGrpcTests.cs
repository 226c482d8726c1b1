using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.GrpcConsumerTests.Protos;
using Google.Rpc;
using Grpc.Core;
using HuaweiCloud.CodeArtsReq;
using Xunit;

namespace ErrorCatalog.GrpcConsumerTests
{
    /// <summary>
    /// Field errors over gRPC (HTTP/2 on Kestrel): the interceptor answers a <c>CodeArtsReqValidationException</c> with the
    /// first error's <c>ErrorInfo</c> and a <c>google.rpc.BadRequest</c> (AIP-193) of one field violation per field error,
    /// read back by Grpc.StatusProto's own <c>GetDetail&lt;BadRequest&gt;()</c>; <c>FromRpcException</c> gives back the
    /// validation exception with typed field errors.
    /// </summary>
    public sealed class ValidationGrpcTests : IAsyncLifetime
    {
        private GrpcLoopback _server = null!;
        private Issues.IssuesClient _client = null!;

        public async Task InitializeAsync()
        {
            _server = await GrpcLoopback.StartAsync(o => o.Interceptors.Add<CodeArtsReqGrpcInterceptor>());
            _client = _server.Client;
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        [Fact]
        public async Task Field_errors_travel_as_bad_request_field_violations_and_come_back_typed()
        {
            RpcException rpc = await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = "validation" }));
            CodeArtsReqFieldError[] sent = IssuesService.FieldErrors();
            Assert.Equal(StatusCode.InvalidArgument, rpc.StatusCode);
            Google.Rpc.Status status = rpc.GetRpcStatus()!;
            Assert.Equal("PM.02175201", status.GetDetail<ErrorInfo>().Reason);
            BadRequest badRequest = status.GetDetail<BadRequest>();
            Assert.Equal(sent.Select(f => (f.Field, f.ErrorMessage, f.ErrorCode)), badRequest.FieldViolations.Select(v => (v.Field, (string?)v.Description, v.Reason)));

            CodeArtsReqValidationException back = Assert.IsType<CodeArtsReqValidationException>(CodeArtsReqException.FromRpcException(rpc));
            Assert.Equal(sent.Select(f => (f.Field, f.ErrorCode, f.ErrorMessage)), back.FieldErrors.Select(f => (f.Field, f.ErrorCode, f.ErrorMessage)));
            Assert.Equal(sent.Select(f => f.Error), back.FieldErrors.Select(f => f.Error));
            Assert.Same(rpc, back.InnerException);
            Assert.Same(CodeArtsReqErrors.InvalidFieldValue, back.Error);
        }
    }
}
