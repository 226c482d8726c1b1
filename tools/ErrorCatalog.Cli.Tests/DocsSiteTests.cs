using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ErrorCatalog.Core;
using Microsoft.Playwright;
using Xunit;
using CliMain = ErrorCatalog.Cli.Cli;

namespace ErrorCatalog.Cli.Tests
{
    /// <summary>
    /// errcat docs' page in a real browser (Chromium through Playwright): it opens from file:// without
    /// the network, every code has its anchor, the filter box hides the rows that do not match. The
    /// CodeArts Req example under docs/example/ is what errcat docs writes today.
    /// </summary>
    public class DocsSiteTests
    {
        private static readonly string[] s_files =
        {
            Path.Combine(CliTests.Root(), "catalog", "codearts-req.errors.yaml"),
            Path.Combine(CliTests.Root(), "catalog", "codearts-req.zh-CN.errors.yaml"),
            Path.Combine(CliTests.Root(), "consumer-tests", "catalog", "billing.errors.yaml"),
            Path.Combine(CliTests.Root(), "consumer-tests", "catalog", "billing.zh-CN.errors.yaml"),
            Path.Combine(CliTests.Root(), "consumer-tests", "catalog", "billing.zh.errors.yaml"),
        };

        private static string Generate(params string[] files)
        {
            string dir = CliTests.Temp();
            var stderr = new StringWriter();
            Assert.Equal(0, CliMain.Run(new[] { "docs" }.Concat(files).Concat(new[] { "-o", "site" }).ToArray(), new StringWriter(), stderr, dir));
            return Path.Combine(dir, "site");
        }

        [Fact]
        public async Task The_page_works_from_file_without_the_network_anchors_every_code_and_filters()
        {
            string site = Generate(s_files);
            string[] codes = s_files.Select(f => CatalogCompiler.Parse(f, File.ReadAllText(f)).Model).Where(m => m != null).SelectMany(m => m!.Entries.Select(e => e.Code)).ToArray();
            Assert.Equal(54 + 7, codes.Length);

            using IPlaywright playwright = await Playwright.CreateAsync();
            await using IBrowser browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Browser.Chromium(playwright),
                Args = new[] { "--no-sandbox" },
            });
            IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
            var requests = new List<string>();
            await context.RouteAsync("**/*", async route =>
            {
                requests.Add(route.Request.Url);
                if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                }
                else
                {
                    await route.AbortAsync();
                }
            });
            IPage page = await context.NewPageAsync();
            await page.GotoAsync(new Uri(Path.Combine(site, "index.html")).AbsoluteUri + "#PM.02175201");
            Assert.All(requests, url => Assert.StartsWith("file:", url, StringComparison.Ordinal));

            foreach (string code in codes)
            {
                Assert.True(await page.EvaluateAsync<bool>("c => document.getElementById(c) !== null && document.getElementById(c).tagName === 'TR'", code), code);
            }

            Assert.Equal("PM.02175201", await page.EvaluateAsync<string>("() => document.querySelector('tr:target').id"));
            Assert.Equal(codes.Length, await VisibleRows(page));

            await page.FillAsync("#filter", "PM.0217520");
            Assert.Equal(new[] { "PM.02175200", "PM.02175201", "PM.02175202" }, await VisibleCodes(page));
            await page.FillAsync("#filter", "超过了配额");                          // a zh-CN description of Billing
            Assert.Equal(new[] { "BL.0001" }, await VisibleCodes(page));
            await page.FillAsync("#filter", "no such text anywhere");
            Assert.Equal(0, await VisibleRows(page));
            await page.FillAsync("#filter", string.Empty);
            Assert.Equal(codes.Length, await VisibleRows(page));

            // Deprecation with its replacement linked; retryable marked.
            Assert.Equal("#BL.0001", await page.EvaluateAsync<string>("() => document.getElementById('BL.0007').querySelector('.deprecated ~ a').getAttribute('href')"));
            Assert.Equal("yes", await page.EvaluateAsync<string>("() => document.getElementById('BL.0004').cells[6].textContent"));

            string shot = Environment.GetEnvironmentVariable("ERRORCATALOG_DOCS_SCREENSHOT") ?? Path.Combine(site, "index.png");
            await page.FillAsync("#filter", "PM.021752");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = shot });
            Assert.True(new FileInfo(shot).Length > 10_000);
        }

        [Fact]
        public void The_committed_example_is_what_errcat_docs_writes()
        {
            string site = Generate(s_files[0], s_files[1]);
            string example = Path.Combine(CliTests.Root(), "docs", "example");
            Assert.Equal(File.ReadAllText(Path.Combine(example, "index.md")), File.ReadAllText(Path.Combine(site, "index.md")));
            Assert.Equal(File.ReadAllText(Path.Combine(example, "index.html")), File.ReadAllText(Path.Combine(site, "index.html")));
        }

        private static Task<int> VisibleRows(IPage page) => page.EvaluateAsync<int>("() => Array.from(document.querySelectorAll('tr.entry')).filter(r => !r.hidden).length");

        private static Task<string[]> VisibleCodes(IPage page) => page.EvaluateAsync<string[]>("() => Array.from(document.querySelectorAll('tr.entry')).filter(r => !r.hidden).map(r => r.id)");
    }
}
