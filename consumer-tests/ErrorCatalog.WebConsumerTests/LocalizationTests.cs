using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Acme.Gateway;
using Acme.Shop;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>
    /// Errors in the caller's language over real Kestrel: with request localization, the handler and
    /// <c>ToResult</c> answer from the nearest culture overlay (message re-formatted from the exception's
    /// arguments, hostile ones byte-exact), set <c>Content-Language</c> to the overlay's culture, and
    /// answer neutrally where no overlay has the message; catalogs without overlays answer as before.
    /// </summary>
    public sealed class LocalizationTests : IAsyncLifetime
    {
        private const string Hostile = "</script>\"\u202E\U0001F600";

        private WebApplication _app = null!;
        private HttpClient _client = null!;

        public async Task InitializeAsync()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<ShopExceptionHandler>();
            builder.Services.AddExceptionHandler<CodeArtsReqExceptionHandler>();
            builder.Services.AddExceptionHandler<GatewayExceptionHandler>();
            _app = builder.Build();
            Loopback.UseCultures(_app);
            _app.UseExceptionHandler();
            _app.MapGet("/throw/{code}", (string code) => { throw Make(code); });
            _app.MapGet("/result/{code}", (string code) => ShopErrors.Find(code) is ShopError shop ? shop.ToResult(Arguments(shop)) : CodeArtsReqErrors.Find(code)!.ToResult(Arguments(CodeArtsReqErrors.Find(code)!)));
            _app.MapGet("/gateway", () => { throw GatewayErrors.TheThrottlingThresholdHasBeenReached.ToException(); });
            Uri address = await Loopback.StartAsync(_app);
            _client = new HttpClient { BaseAddress = address };
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        /// <summary>Accept-Language → the culture the server runs the request in.</summary>
        public static IEnumerable<object?[]> Languages() => new[]
        {
            new object?[] { "zh-CN", "zh-CN" },
            new object?[] { "zh-Hans-CN", "zh-Hans-CN" },
            new object?[] { "zh", "zh" },
            new object?[] { "fr;q=0.5, zh;q=0.9, en;q=0.1", "zh" },
            new object?[] { "de", "de" },
            new object?[] { null, "en-US" },
            new object?[] { "ja-JP", "en-US" },
        };

        [Theory]
        [MemberData(nameof(Languages))]
        public async Task Both_paths_answer_from_the_nearest_overlay_with_content_language(string? acceptLanguage, string requestCulture)
        {
            CultureInfo culture = CultureInfo.GetCultureInfo(requestCulture);
            foreach (string path in new[] { "/throw/", "/result/" })
            {
                foreach (string code in new[] { "SH.0001", "SH.0002", "PM.02175201" })
                {
                    (JsonElement body, string? language) = await Get(path + code, acceptLanguage);
                    ShopError? shop = ShopErrors.Find(code);
                    string expectedLanguage = shop != null ? ExpectedShopLanguage(code, culture) : (IsIn(culture, "zh-CN") ? "zh-CN" : "");
                    string neutral = shop != null ? shop.Format(Arguments(shop)) : CodeArtsReqErrors.Find(code)!.Format(Arguments(CodeArtsReqErrors.Find(code)!));
                    string message = expectedLanguage.Length == 0
                        ? neutral
                        : shop != null ? shop.Format(culture, Arguments(shop)) : CodeArtsReqErrors.Find(code)!.Format(culture, Arguments(CodeArtsReqErrors.Find(code)!));
                    string where = $"{path}{code} with Accept-Language '{acceptLanguage}'";
                    Assert.True(expectedLanguage == (language ?? ""), $"{where}: Content-Language '{language}'");
                    Assert.True(message == body.GetProperty("detail").GetString(), $"{where}: detail {body.GetProperty("detail").GetString()}");
                    Assert.Equal(message, body.GetProperty("error_msg").GetString());
                    Assert.Equal(code, body.GetProperty("error_code").GetString());
                }
            }
        }

        [Fact]
        public async Task The_texts_are_the_overlays_own()
        {
            (JsonElement zh, string? zhLanguage) = await Get("/throw/SH.0001", "zh-Hans-CN");
            Assert.Equal("zh", zhLanguage);
            Assert.Equal($"商品 {Hostile} 的数量 5 无效。", zh.GetProperty("detail").GetString());
            Assert.Equal("数量无效。", zh.GetProperty("title").GetString());

            (JsonElement cn, string? cnLanguage) = await Get("/result/SH.0002", "zh-CN");
            Assert.Equal("zh-CN", cnLanguage);
            Assert.Equal($"未找到商品 {Hostile}。", cn.GetProperty("error_msg").GetString());
            Assert.Equal("商品不存在。", cn.GetProperty("title").GetString());

            (JsonElement req, string? reqLanguage) = await Get("/throw/PM.02175201", "zh-CN");
            Assert.Equal("zh-CN", reqLanguage);
            Assert.Equal($"字段 {Hostile} 的值 {Hostile} 无效。", req.GetProperty("detail").GetString());
            Assert.StartsWith("IR 字段值无效。", req.GetProperty("title").GetString(), StringComparison.Ordinal);

            // No overlay for the culture: the neutral text and title, no header.
            (JsonElement de, string? deLanguage) = await Get("/throw/SH.0001", "de");
            Assert.Null(deLanguage);
            Assert.Equal($"Quantity 5 of item {Hostile} is invalid.", de.GetProperty("detail").GetString());
            Assert.Equal("The quantity is invalid.", de.GetProperty("title").GetString());
        }

        [Fact]
        public async Task A_partly_translated_entry_names_the_culture_its_translated_text_came_from()
        {
            // PM.02150010: the zh-CN overlay translates its description, not its message (as Huawei's Chinese pages do).
            CodeArtsReqError error = CodeArtsReqErrors.Find("PM.02150010")!;
            Assert.Equal(error.MessageTemplate, error.GetMessageTemplate(CultureInfo.GetCultureInfo("zh-CN")));
            foreach (string path in new[] { "/throw/", "/result/" })
            {
                (JsonElement body, string? language) = await Get(path + "PM.02150010", "zh-CN");
                Assert.Equal("zh-CN", language);
                Assert.Equal(error.GetDescription(CultureInfo.GetCultureInfo("zh-CN")), body.GetProperty("title").GetString());
                Assert.Equal("目标用户不是该项目的成员。", body.GetProperty("title").GetString());
                Assert.Equal(error.Format(Arguments(error)), body.GetProperty("detail").GetString());
            }
        }

        /// <summary>
        /// The handler answers in the request's culture even where it runs before request localization
        /// (<c>UseExceptionHandler()</c> first, as the README's first server example has it): it reads the culture
        /// request localization chose from the request's features, not the thread's culture it has left behind.
        /// </summary>
        [Fact]
        public async Task The_handler_answers_in_the_requests_culture_whatever_the_middleware_order()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<ShopExceptionHandler>();
            await using WebApplication app = builder.Build();
            app.UseExceptionHandler();
            Loopback.UseCultures(app);
            app.MapGet("/throw/{code}", (string code) => { throw Make(code); });
            app.MapGet("/result/{code}", (string code) => ShopErrors.Find(code)!.ToResult(Arguments(ShopErrors.Find(code)!)));
            using var client = new HttpClient { BaseAddress = await Loopback.StartAsync(app) };
            foreach (string path in new[] { "/throw/SH.0002", "/result/SH.0002" })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.TryAddWithoutValidation("Accept-Language", "zh-CN");
                using HttpResponseMessage response = await client.SendAsync(request);
                using JsonDocument body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal($"未找到商品 {Hostile}。", body.RootElement.GetProperty("detail").GetString());
                Assert.Equal("zh-CN", response.Content.Headers.ContentLanguage.FirstOrDefault() ?? response.Headers.GetValues("Content-Language").Single());
            }

            await app.StopAsync();
        }

        [Fact]
        public async Task A_catalog_without_overlays_and_a_received_error_keep_their_text()
        {
            (JsonElement gateway, string? language) = await Get("/gateway", "zh-CN");
            Assert.Null(language);
            Assert.Equal(GatewayErrors.TheThrottlingThresholdHasBeenReached.MessageTemplate, gateway.GetProperty("detail").GetString());

            // Made from a received error: no arguments, the received text whatever the culture.
            ShopException received = ShopException.FromResponse("SH.0001", "Quantity 7 of item x is invalid.");
            Assert.Empty(received.Arguments);
            Microsoft.AspNetCore.Mvc.ProblemDetails problem = received.ToProblemDetails(CultureInfo.GetCultureInfo("zh-CN"));
            Assert.Equal("Quantity 7 of item x is invalid.", problem.Detail);
            Assert.Equal("数量无效。", problem.Title);

            // Made by ToException: its arguments, copied; the exception itself (and so the logs) stays neutral.
            object?[] args = { 5, Hostile };
            ShopException made = ShopErrors.InvalidQuantity.ToException(args);
            args[0] = 6;
            Assert.Equal(new object?[] { 5, Hostile }, made.Arguments);
            Assert.Equal($"Quantity 5 of item {Hostile} is invalid.", made.ErrorMessage);
            Assert.Equal($"商品 {Hostile} 的数量 5 无效。", made.ToProblemDetails(CultureInfo.GetCultureInfo("zh")).Detail);
            Assert.Equal($"Quantity 5 of item {Hostile} is invalid.", made.ErrorMessage);
            Assert.Equal(made.ToProblemDetails(null).Detail, made.ErrorMessage);
        }

        private static bool IsIn(CultureInfo culture, string name)
        {
            for (CultureInfo current = culture; current.Name.Length > 0; current = current.Parent)
            {
                if (current.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Shop's overlays: SH.0001's message in zh, SH.0002's in zh-CN; the nearest in the culture's parent chain wins.</summary>
        private static string ExpectedShopLanguage(string code, CultureInfo culture)
            => code == "SH.0001" ? (IsIn(culture, "zh") ? "zh" : "") : (IsIn(culture, "zh-CN") ? "zh-CN" : "");

        private static object?[] Arguments(ShopError error) => error.Code == "SH.0001" ? new object?[] { 5, Hostile } : new object?[] { Hostile };

        private static object?[] Arguments(CodeArtsReqError error) => Enumerable.Repeat<object?>(Hostile, error.ParameterCount).ToArray();

        private static Exception Make(string code)
            => ShopErrors.Find(code) is ShopError shop ? shop.ToException(Arguments(shop)) : CodeArtsReqErrors.Find(code)!.ToException(Arguments(CodeArtsReqErrors.Find(code)!));

        private async Task<(JsonElement Body, string? Language)> Get(string path, string? acceptLanguage)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (acceptLanguage != null)
            {
                request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            }

            using HttpResponseMessage response = await _client.SendAsync(request);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            string? language = response.Content.Headers.ContentLanguage.FirstOrDefault()
                ?? (response.Headers.TryGetValues("Content-Language", out IEnumerable<string>? values) ? values.FirstOrDefault() : null);
            using JsonDocument document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return (document.RootElement.Clone(), language);
        }
    }
}
