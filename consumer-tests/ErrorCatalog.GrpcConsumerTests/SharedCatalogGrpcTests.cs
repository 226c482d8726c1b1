using System.Linq;
using System.Threading.Tasks;
using Contoso.Ledger;
using ErrorCatalog.GrpcConsumerTests.Protos;
using Google.Rpc;
using Grpc.Core;
using Xunit;

namespace ErrorCatalog.GrpcConsumerTests
{
    /// <summary>
    /// gRPC for a catalog whose library sees no gRPC (ErrorCatalog.SharedCatalog, netstandard2.0): this project
    /// generates <c>LedgerGrpcInterceptor</c>, <c>ToRpcException</c> and <c>LedgerException.FromRpcException</c>
    /// (a C# 14 static extension) and they round-trip over HTTP/2 on Kestrel.
    /// </summary>
    public sealed class SharedCatalogGrpcTests : IAsyncLifetime
    {
        private GrpcLoopback _server = null!;
        private Issues.IssuesClient _client = null!;

        public async Task InitializeAsync()
        {
            _server = await GrpcLoopback.StartAsync(o => o.Interceptors.Add<LedgerGrpcInterceptor>());
            _client = _server.Client;
        }

        public async Task DisposeAsync() => await _server.DisposeAsync();

        [Fact]
        public async Task A_library_error_thrown_by_a_service_comes_back_typed_with_its_status_and_details()
        {
            RpcException closed = await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = LedgerErrorCodes.TheLedgerIsClosed }));
            Assert.Equal(StatusCode.FailedPrecondition, closed.StatusCode); // the entry's grpcStatus
            LedgerConflictException typed = Assert.IsType<LedgerConflictException>(LedgerException.FromRpcException(closed));
            Assert.Same(LedgerErrors.TheLedgerIsClosed, typed.Error);

            RpcException notFound = await Assert.ThrowsAsync<RpcException>(async () => await _client.FailAsync(new FailRequest { Code = LedgerErrorCodes.AccountWasNotFound }));
            Assert.Equal(StatusCode.NotFound, notFound.StatusCode);
            ErrorInfo info = notFound.GetRpcStatus()!.GetDetail<ErrorInfo>();
            Assert.Equal("LG.0404", info.Reason);
            Assert.Equal(LedgerGrpcExtensions.GrpcDomain, info.Domain);
            Assert.Equal("Contoso.Ledger", info.Domain);
            Assert.Equal(IssuesService.Hostile[0], info.Metadata["account"]); // the library keeps arguments: it has an overlay
            Assert.Equal("Account " + IssuesService.Hostile[0] + " was not found.", LedgerException.FromRpcException(notFound).ErrorMessage);
            Assert.Equal("https://docs.example.com/ledger/errors#LG.0404", notFound.GetRpcStatus()!.GetDetail<Help>().Links.Single().Url);
        }

        [Fact]
        public void The_integration_is_this_projects_own()
        {
            Assert.Equal("ErrorCatalog.SharedCatalog", typeof(LedgerException).Assembly.GetName().Name);
            Assert.Same(typeof(SharedCatalogGrpcTests).Assembly, typeof(LedgerGrpcInterceptor).Assembly);
            Assert.False(typeof(LedgerGrpcExtensions).IsPublic);
            RpcException rpc = LedgerErrors.TooManyPostingsTryAgainInSeconds.ToException(9).ToRpcException();
            Assert.Equal(StatusCode.ResourceExhausted, rpc.StatusCode);
            Assert.Equal("9", rpc.GetRpcStatus()!.GetDetail<ErrorInfo>().Metadata["seconds"]);
        }
    }
}
