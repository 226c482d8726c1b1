using System;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.Extensions.Logging;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// The generated <c>BillingLog.LogQuotaExceeded</c> against a hand-written <c>[LoggerMessage]</c>
    /// method (the LoggerMessage generator's code) with the same template, level and event id, through
    /// a logger that is enabled and formats the message, and through one that is disabled. Targets:
    /// at most 1.1× enabled; at most 1.0× and 0 B disabled.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public partial class LoggingBenchmarks
    {
        private readonly ILogger _enabled = new FormattingLogger(true);
        private readonly ILogger _disabled = new FormattingLogger(false);
        private int _limit = 100;
        private int _count = 20261128;

        [LoggerMessage(EventId = 1770706908, EventName = "QuotaExceeded", Level = LogLevel.Warning, Message = "{ErrorCode}: At most {limit} items per order, got {count}.")]
        private static partial void HandWritten(ILogger logger, string errorCode, int limit, int count);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("enabled")]
        public void LoggerMessage_Enabled() => HandWritten(_enabled, "BL.0001", _limit, _count);

        [Benchmark]
        [BenchmarkCategory("enabled")]
        public void Generated_Enabled() => _enabled.LogQuotaExceeded(_limit, _count);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("disabled")]
        public void LoggerMessage_Disabled() => HandWritten(_disabled, "BL.0001", _limit, _count);

        [Benchmark]
        [BenchmarkCategory("disabled")]
        public void Generated_Disabled() => _disabled.LogQuotaExceeded(_limit, _count);

        /// <summary>A sink that asks for the message (as a console or file logger would) and keeps its length.</summary>
        private sealed class FormattingLogger : ILogger
        {
            private readonly bool _enabled;

            public FormattingLogger(bool enabled)
            {
                _enabled = enabled;
            }

            public int Written { get; private set; }

            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => _enabled;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => Written += formatter(state, exception).Length;
        }
    }
}
