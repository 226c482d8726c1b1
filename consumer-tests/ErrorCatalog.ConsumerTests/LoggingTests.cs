using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Reflection;
using HuaweiCloud.CodeArtsReq;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using OpenTelemetry;
using OpenTelemetry.Trace;
using Xunit;

namespace ErrorCatalog.ConsumerTests
{
    /// <summary>
    /// The generated XLog through the real Microsoft.Extensions.Logging pipeline (LoggerFactory with
    /// FakeLogger's provider), and XException.RecordOn through an OpenTelemetry SDK tracer with the
    /// in-memory exporter.
    /// </summary>
    public class LoggingTests
    {
        /// <summary>The documented stable event id, computed here independently: FNV-1a (32-bit) of the code, low 31 bits, 1 for 0.</summary>
        private static int StableId(string code)
        {
            uint hash = 2166136261;
            foreach (byte b in System.Text.Encoding.UTF8.GetBytes(code))
            {
                hash = unchecked((hash ^ b) * 16777619);
            }

            int id = (int)(hash & 0x7FFFFFFF);
            return id == 0 ? 1 : id;
        }

        private static (ILogger Logger, FakeLogCollector Collector, ILoggerFactory Factory) Pipeline()
        {
            var provider = new FakeLoggerProvider();
            ILoggerFactory factory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(provider));
            return (factory.CreateLogger("Orders"), provider.Collector, factory);
        }

        [Fact]
        public void Every_CodeArts_entry_logs_with_its_id_name_level_state_and_message()
        {
            (ILogger logger, FakeLogCollector collector, ILoggerFactory factory) = Pipeline();
            using (factory)
            {
                MethodInfo[] methods = typeof(CodeArtsReqLog).GetMethods(BindingFlags.Public | BindingFlags.Static);
                var ids = new HashSet<int>();
                foreach (CodeArtsReqError error in CodeArtsReqErrors.All)
                {
                    MethodInfo method = methods.Single(m => m.Name == "Log" + error.Name);
                    var args = new List<object?> { logger };
                    var values = new List<string>();
                    for (int p = 0; p < error.ParameterCount; p++)
                    {
                        values.Add("v" + p);
                        args.Add("v" + p);
                    }

                    var cause = new InvalidOperationException("cause");
                    args.Add(cause);
                    collector.Clear();
                    method.Invoke(null, args.ToArray());

                    FakeLogRecord record = Assert.Single(collector.GetSnapshot());
                    Assert.Equal(StableId(error.Code), record.Id.Id);
                    Assert.True(ids.Add(record.Id.Id));
                    Assert.Equal(error.Name, record.Id.Name);
                    Assert.Equal(error.HttpStatus >= 500 ? LogLevel.Error : LogLevel.Warning, record.Level);
                    Assert.Equal(error.Code + ": " + error.Format(values.Cast<object?>().ToArray()), record.Message);
                    Assert.Same(cause, record.Exception);
                    Assert.Equal(error.Code, record.GetStructuredStateValue("ErrorCode"));
                    string[] parameterNames = method.GetParameters().Skip(1).Take(error.ParameterCount).Select(p => p.Name!).ToArray();
                    Assert.Equal(new[] { "ErrorCode" }.Concat(parameterNames).Append("{OriginalFormat}"), record.StructuredState!.Select(kv => kv.Key));
                    for (int p = 0; p < parameterNames.Length; p++)
                    {
                        Assert.Equal(values[p], record.GetStructuredStateValue(parameterNames[p]));
                    }

                    Assert.StartsWith("{ErrorCode}: ", record.GetStructuredStateValue("{OriginalFormat}"), StringComparison.Ordinal);
                }
            }
        }

        [Fact]
        public void Typed_log_methods_keep_typed_values_and_named_holes()
        {
            (ILogger logger, FakeLogCollector collector, ILoggerFactory factory) = Pipeline();
            using (factory)
            {
                logger.LogQuotaExceeded(5, 7);
                FakeLogRecord record = collector.LatestRecord;
                Assert.Equal("BL.0001: At most 5 items per order, got 7.", record.Message);
                Assert.Equal("{ErrorCode}: At most {limit} items per order, got {count}.", record.GetStructuredStateValue("{OriginalFormat}"));
                Assert.Equal("5", record.GetStructuredStateValue("limit"));
                var capture = new CapturingLogger();
                capture.LogQuotaExceeded(5, 7);
                Assert.Equal(new object?[] { "BL.0001", 5, 7, "{ErrorCode}: At most {limit} items per order, got {count}." }, capture.State!.Select(kv => kv.Value));
                Assert.IsType<int>(capture.State!.First(kv => kv.Key == "limit").Value);

                logger.LogInsufficientBalance(1234.5m, 99m);
                Assert.Equal("BL.0002: Balance 1,234.50 is below the price 99.00.", collector.LatestRecord.Message);

                logger.LogLedgerUnavailable();
                Assert.Equal((5005, "LedgerUnavailable", LogLevel.Critical), (collector.LatestRecord.Id.Id, collector.LatestRecord.Id.Name, collector.LatestRecord.Level));
            }
        }

        [Fact]
        public void Caught_exceptions_log_code_and_message_with_the_exception_attached()
        {
            (ILogger logger, FakeLogCollector collector, ILoggerFactory factory) = Pipeline();
            using (factory)
            {
                var ex = CodeArtsReqException.FromResponse(CodeArtsReqErrorCodes.InvalidToken, "Invalid token.", 401);
                logger.LogCodeArtsReqError(ex);
                FakeLogRecord record = collector.LatestRecord;
                Assert.Equal("PM.10001002: Invalid token.", record.Message);
                Assert.Equal((StableId("PM.10001002"), "InvalidToken", LogLevel.Warning), (record.Id.Id, record.Id.Name, record.Level));
                Assert.Same(ex, record.Exception);
                Assert.Equal("Invalid token.", record.GetStructuredStateValue("ErrorMessage"));
                Assert.Equal("{ErrorCode}: {ErrorMessage}", record.GetStructuredStateValue("{OriginalFormat}"));

                logger.LogCodeArtsReqError(new CodeArtsReqException("XX.999", "boom", 503));
                Assert.Equal((StableId("XX.999"), "CodeArtsReq", LogLevel.Error), (collector.LatestRecord.Id.Id, collector.LatestRecord.Id.Name, collector.LatestRecord.Level));

                logger.LogBillingError(BillingException.FromResponse(BillingErrorCodes.LedgerUnavailable, "down", 500));
                Assert.Equal((5005, LogLevel.Critical), (collector.LatestRecord.Id.Id, collector.LatestRecord.Level));
            }
        }

        [Fact]
        public void Nothing_is_logged_or_allocated_when_the_level_is_disabled()
        {
            (ILogger logger, FakeLogCollector collector, ILoggerFactory factory) = Pipeline();
            using (factory)
            {
                ILogger quiet = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Critical).AddProvider(new FakeLoggerProvider(collector))).CreateLogger("Quiet");
                quiet.LogQuotaExceeded(1, 2);
                quiet.LogInvalidFieldValue("f", "v");
                Assert.Empty(collector.GetSnapshot());

                ILogger none = NullLogger.Instance;
                for (int i = 0; i < 100; i++)
                {
                    none.LogQuotaExceeded(i, i);
                    none.LogInvoiceLocked(Guid.Empty, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                }

                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < 1000; i++)
                {
                    none.LogQuotaExceeded(i, i);
                    none.LogInvoiceLocked(Guid.Empty, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
                    none.LogRetryLater(TimeSpan.Zero, i, true, null);
                }

                Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            }
        }

        [Fact]
        public void RecordOn_tags_the_activity_the_semantic_conventions_way()
        {
            var exported = new List<Activity>();
            using (var source = new ActivitySource("ErrorCatalog.ConsumerTests.Tracing"))
            using (TracerProvider tracer = Sdk.CreateTracerProviderBuilder().AddSource(source.Name).AddInMemoryExporter(exported).Build()!)
            {
                var ex = CodeArtsReqException.FromResponse(CodeArtsReqErrorCodes.InvalidToken, "Invalid token.", 401);
                using (Activity? activity = source.StartActivity("call"))
                {
                    Assert.NotNull(activity);
                    ex.RecordOn(activity);
                }

                ex.RecordOn(null); // nothing listening: nothing to record, no exception
                tracer.ForceFlush();
            }

            Activity recorded = Assert.Single(exported);
            Assert.Equal("PM.10001002", recorded.GetTagItem("error.type"));
            Assert.Equal(ActivityStatusCode.Error, recorded.Status);
            Assert.Equal("PM.10001002: Invalid token.", recorded.StatusDescription);
            ActivityEvent exceptionEvent = Assert.Single(recorded.Events);
            Assert.Equal("exception", exceptionEvent.Name);
            Dictionary<string, object?> tags = exceptionEvent.Tags.ToDictionary(t => t.Key, t => t.Value);
            Assert.Equal(typeof(CodeArtsReqBadRequestException).FullName, tags["exception.type"]); // the catalog's status type; 401 as received
            Assert.Equal("PM.10001002: Invalid token.", tags["exception.message"]);
            Assert.Contains("CodeArtsReqBadRequestException", (string)tags["exception.stacktrace"]!, StringComparison.Ordinal);
        }
    
        /// <summary>Keeps the state object as logged (FakeLogger keeps its values as text).</summary>
        private sealed class CapturingLogger : ILogger
        {
            public IReadOnlyList<KeyValuePair<string, object?>>? State { get; private set; }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => State = ((IReadOnlyList<KeyValuePair<string, object?>>)state!).ToList();
        }
    }
}
