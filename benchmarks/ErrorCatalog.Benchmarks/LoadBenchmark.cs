using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// <c>-- load</c>: requests per second on loopback (64 at a time) of a catalog error answered through the
    /// generated exception handler (thrown) and through <c>ToResult</c>, each ÷ a hand-written endpoint that
    /// answers the same body with <c>Results.Problem</c>; the three alternated round by round in one run.
    /// Not BenchmarkDotNet: a server and its clients, a wall clock per round.
    /// </summary>
    public static class LoadBenchmark
    {
        private const int Concurrency = 64;

        public static async Task<string> RunAsync(bool quick)
        {
            int rounds = quick ? 1 : 7;
            int requests = quick ? 500 : 10_000;
            WebApplicationBuilder builder = WebApplication.CreateBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Services.AddProblemDetails();
            builder.Services.AddExceptionHandler<CodeArtsReqExceptionHandler>();
            await using WebApplication app = builder.Build();
            app.UseExceptionHandler();
            CodeArtsReqError error = CodeArtsReqErrors.InvalidFieldValue;
            app.MapGet("/thrown", IResult () => throw error.ToException("due_date", "x"));
            app.MapGet("/result", IResult () => error.ToResult("due_date", "x"));
            app.MapGet("/hand", IResult () =>
            {
                // What a team writes without the generator: the same status, title, detail and extensions.
                string message = string.Format(System.Globalization.CultureInfo.InvariantCulture, error.MessageTemplate, "due_date", "x");
                var problem = new ProblemDetails { Status = 400, Title = error.Description, Detail = message };
                problem.Extensions["error_code"] = error.Code;
                problem.Extensions["error_msg"] = message;
                return Results.Problem(problem);
            });
            await app.StartAsync();
            string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = new Uri(address) };

            string[] paths = { "/hand", "/thrown", "/result" };
            var rates = paths.ToDictionary(p => p, _ => new List<double>());
            foreach (string path in paths)
            {
                await Round(client, path, quick ? 100 : 2_000); // warm-up
            }

            for (int round = 0; round < rounds; round++)
            {
                foreach (string path in paths)
                {
                    rates[path].Add(await Round(client, path, requests));
                }
            }

            await app.StopAsync();
            double hand = Median(rates["/hand"]);
            return $"load, {requests} requests {Concurrency} at a time per round, {rounds} alternated rounds (requests/s, median):\n"
                + $"  hand-written Results.Problem {hand:F0}; thrown through the handler {Median(rates["/thrown"]):F0} = {Median(rates["/thrown"]) / hand:F2}x; "
                + $"ToResult {Median(rates["/result"]):F0} = {Median(rates["/result"]) / hand:F2}x\n";
        }

        /// <summary>Requests per second of one round; every answer must be the 400 problem body.</summary>
        private static async Task<double> Round(HttpClient client, string path, int requests)
        {
            var watch = Stopwatch.StartNew();
            await Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (_, cancellationToken) =>
            {
                using HttpResponseMessage response = await client.GetAsync(path, cancellationToken);
                string body = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode != 400 || !body.Contains("\"error_code\":\"PM.02175201\"", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}: {body}");
                }
            });
            return requests / watch.Elapsed.TotalSeconds;
        }

        private static double Median(List<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
