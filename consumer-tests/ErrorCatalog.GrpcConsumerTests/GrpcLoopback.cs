using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using ErrorCatalog.GrpcConsumerTests.Protos;
using Grpc.AspNetCore.Server;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorCatalog.GrpcConsumerTests
{
    /// <summary>The issues service on Kestrel (HTTP/2, 127.0.0.1 and a free port) with the interceptors a test names, and a client of it.</summary>
    internal sealed class GrpcLoopback : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly GrpcChannel _channel;

        private GrpcLoopback(WebApplication app, GrpcChannel channel)
        {
            _app = app;
            _channel = channel;
            Client = new Issues.IssuesClient(channel);
        }

        public Issues.IssuesClient Client { get; }

        public static async Task<GrpcLoopback> StartAsync(Action<GrpcServiceOptions> interceptors)
        {
            WebApplicationBuilder builder = WebApplication.CreateBuilder();
            builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
            builder.Logging.ClearProviders();
            builder.Services.AddGrpc(interceptors);
            WebApplication app = builder.Build();
            app.MapGrpcService<IssuesService>();
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            return new GrpcLoopback(app, GrpcChannel.ForAddress(address));
        }

        public async ValueTask DisposeAsync()
        {
            _channel.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
