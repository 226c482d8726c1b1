using System;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>Real Kestrel on 127.0.0.1 and a free port, as every web test runs it.</summary>
    internal static class Loopback
    {
        /// <summary>A builder bound to 127.0.0.1:0, with no log providers (tests add their own).</summary>
        public static WebApplicationBuilder Builder()
        {
            WebApplicationBuilder builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            return builder;
        }

        /// <summary>
        /// Request localization as the language tests run it: en-US by default, and de, zh, zh-CN, zh-Hans-CN
        /// (the Shop catalog has overlays in zh and zh-CN, CodeArts Req in zh-CN).
        /// </summary>
        public static void UseCultures(WebApplication app)
        {
            string[] cultures = { "en-US", "de", "zh", "zh-CN", "zh-Hans-CN" };
            app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("en-US").AddSupportedCultures(cultures).AddSupportedUICultures(cultures));
        }

        /// <summary>Starts the app and returns the address it listens on.</summary>
        public static async Task<Uri> StartAsync(WebApplication app)
        {
            await app.StartAsync();
            return new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }
    }
}
