using System;
using System.Linq;
using System.Threading.Tasks;
using Acme.Orders;
using ErrorCatalog.GrpcConsumerTests.Protos;
using Grpc.Core;
using HuaweiCloud.CodeArtsReq;
using Xunit;

namespace ErrorCatalog.GrpcConsumerTests
{
    /// <summary>
    /// Errors over gRPC, end to end: a gRPC service on Kestrel (HTTP/2 on loopback) with the generated
    /// interceptors, a Grpc.Net.Client client. Every CodeArts Req entry round-trips (type, code, gRPC status,
    /// message byte-equal with hostile arguments), unary and server-streaming; the status details decode with
    /// Grpc.StatusProto's own reader; what is not this catalog's stays a plain exception.
    /// </summary>
    public sealed class GrpcTests : IAsyncLifetime
    {
        private GrpcLoopback _server = null!;
        private Issues.IssuesClient _client = null!;

        public async Task InitializeAsync()
        {
            _server = await GrpcLoopback.StartAsync(o =>
            {
                o.Interceptors.Add<CodeArtsReqGrpcInterceptor>();
                o.Interceptors.Add<OrdersGrpcInterceptor>();
            });
            _client = _server.Client;
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        /// <summary>The documented HTTP → gRPC table, written out again here.</summary>
        private static StatusCode Expected(int http) => http switch
        {
            400 => StatusCode.InvalidArgument,
            401 => StatusCode.Unauthenticated,
            403 => StatusCode.PermissionDenied,
            404 => StatusCode.NotFound,
            409 => StatusCode.AlreadyExists,
            412 => StatusCode.FailedPrecondition,
            429 => StatusCode.ResourceExhausted,
            499 => StatusCode.Cancelled,
            501 => StatusCode.Unimplemented,
            503 => StatusCode.Unavailable,
            504 => StatusCode.DeadlineExceeded,
            >= 400 and < 500 => StatusCode.FailedPrecondition,
            _ => StatusCode.Internal,
        };

        [Fact]
        public async Task Every_entry_round_trips_unary_and_server_streaming()
        {
            foreach (CodeArtsReqError error in CodeArtsReqErrors.All)
            {
                object?[] args = IssuesService.ArgumentsFor(error.ParameterCount);
                RpcException unary = await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = error.Code }));
                Check(error, args, unary);

                using AsyncServerStreamingCall<Reply> call = _client.FailStream(new FailRequest { Code = error.Code });
                Assert.True(await call.ResponseStream.MoveNext());
                Assert.Equal("first", call.ResponseStream.Current.Text);
                RpcException streamed = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());
                Check(error, args, streamed);
            }
        }

        private static void Check(CodeArtsReqError error, object?[] args, RpcException thrown)
        {
            Assert.Equal(Expected(error.HttpStatus), thrown.StatusCode);
            Assert.Equal(error.Format(args), thrown.Status.Detail);

            // Grpc.StatusProto's own decoding reads what the generated code wrote.
            Google.Rpc.Status status = thrown.GetRpcStatus()!;
            Assert.Equal((int)Expected(error.HttpStatus), status.Code);
            Google.Rpc.ErrorInfo info = status.GetDetail<Google.Rpc.ErrorInfo>()!;
            Assert.Equal(error.Code, info.Reason);
            Assert.Equal("HuaweiCloud.CodeArtsReq", info.Domain);
            Assert.Equal(args.Length, info.Metadata.Count);

            CodeArtsReqException decoded = CodeArtsReqException.FromRpcException(thrown);
            CodeArtsReqException expected = error.ToException(args);
            Assert.Equal(expected.GetType(), decoded.GetType());
            Assert.Equal(error.Code, decoded.ErrorCode);
            Assert.Equal(error.HttpStatus, decoded.HttpStatus);
            Assert.Equal(error.Format(args), decoded.ErrorMessage);
            Assert.Same(error, decoded.Error);
        }

        [Fact]
        public async Task GrpcStatus_overrides_the_http_table_and_metadata_and_help_travel()
        {
            RpcException changed = await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = "OR.0001" }));
            Assert.Equal(StatusCode.Aborted, changed.StatusCode);
            Google.Rpc.Status status = changed.GetRpcStatus()!;
            Google.Rpc.ErrorInfo info = status.GetDetail<Google.Rpc.ErrorInfo>()!;
            Assert.Equal("7", info.Metadata["order"]);
            Assert.Equal("Acme.Orders", info.Domain);
            Assert.Equal("https://support.example.com/orders/errors.html#OR.0001", status.GetDetail<Google.Rpc.Help>()!.Links.Single().Url);
            Assert.IsType<OrdersConflictException>(OrdersException.FromRpcException(changed));

            Assert.Equal(StatusCode.OutOfRange, (await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = "OR.0002" }))).StatusCode);
            Assert.Equal(StatusCode.AlreadyExists, (await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = "OR.0003" }))).StatusCode);

            // One catalog's error is another's plain exception.
            CodeArtsReqException foreign = CodeArtsReqException.FromRpcException(changed);
            Assert.Equal(string.Empty, foreign.ErrorCode);
            Assert.Same(changed, foreign.InnerException);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(1)]
        [InlineData(2)]
        [InlineData(3)]
        public async Task Garbage_other_domains_unknown_codes_and_no_details_give_a_plain_exception_that_keeps_status_and_message(int kind)
        {
            RpcException thrown = await Assert.ThrowsAsync<RpcException>(async () => await _client.RawAsync(new RawRequest { Kind = kind }));
            CodeArtsReqException decoded = CodeArtsReqException.FromRpcException(thrown);
            Assert.Equal(typeof(CodeArtsReqException), decoded.GetType());
            Assert.Equal(string.Empty, decoded.ErrorCode);
            Assert.Null(decoded.Error);
            Assert.Equal("raw failure " + kind, decoded.ErrorMessage);
            Assert.Same(thrown, decoded.InnerException);
            Assert.Equal(StatusCode.NotFound, ((RpcException)decoded.InnerException!).StatusCode);
        }

        [Theory]
        [InlineData(100, StatusCode.Internal)]
        [InlineData(302, StatusCode.Internal)]
        [InlineData(404, StatusCode.NotFound)]
        public void A_status_below_400_maps_to_internal(int status, StatusCode expected)
        {
            // ERRCAT021 warns of entries with such a status; gRPC answers them as INTERNAL unless the entry sets grpcStatus.
            Assert.Equal(expected, new CodeArtsReqException("PM.02150010", "m", status).ToRpcException().StatusCode);
        }

        [Fact]
        public void Exceptions_of_other_kinds_are_left_to_grpc()
        {
            Assert.Throws<ArgumentNullException>(() => CodeArtsReqException.FromRpcException(null!));
        }
    }
}
