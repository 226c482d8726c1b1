using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// Typed formatters with int arguments (consumer-tests/catalog/billing.errors.yaml: RateLimited with
    /// one, QuotaExceeded with two) against string.Format with a cached CompositeFormat and the same
    /// arguments (its generic overload: no boxing either). Target: at most 0.35×, allocating only the
    /// result. Beside them, the two things no formatter can skip, each alone: allocating the result
    /// string (from a ready buffer) and formatting the two ints.
    /// </summary>
    [MemoryDiagnoser]
    [CategoriesColumn]
    [GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
    public class TypedFormatterBenchmarks
    {
        private static readonly CompositeFormat s_one = CompositeFormat.Parse("More than {0} requests per minute.");
        private static readonly CompositeFormat s_two = CompositeFormat.Parse("At most {0} items per order, got {1}.");
        private static readonly char[] s_result = "At most 100 items per order, got 20261128.".ToCharArray();
        private int _limit = 100;
        private int _count = 20261128;

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("one int")]
        public string StringFormat_CompositeFormat_OneInt() => string.Format(CultureInfo.InvariantCulture, s_one, _limit);

        [Benchmark]
        [BenchmarkCategory("one int")]
        public string Generated_FormatRateLimited() => BillingErrors.FormatRateLimited(_limit);

        [Benchmark(Baseline = true)]
        [BenchmarkCategory("two ints")]
        public string StringFormat_CompositeFormat_TwoInts() => string.Format(CultureInfo.InvariantCulture, s_two, _limit, _count);

        [Benchmark]
        [BenchmarkCategory("two ints")]
        public string Generated_FormatQuotaExceeded() => BillingErrors.FormatQuotaExceeded(_limit, _count);

        [Benchmark]
        [BenchmarkCategory("two ints")]
        public string Floor_AllocateTheResultOnly() => new string(s_result);

        [Benchmark]
        [BenchmarkCategory("two ints")]
        public int Floor_FormatTheTwoIntsOnly()
        {
            System.Span<char> buffer = stackalloc char[24];
            _limit.TryFormat(buffer, out int first, default, CultureInfo.InvariantCulture);
            _count.TryFormat(buffer.Slice(first), out int second, default, CultureInfo.InvariantCulture);
            return first + second;
        }
    }

    /// <summary>
    /// The culture formatter for a culture with an overlay (zh-CN translates QuotaExceeded's message)
    /// against the neutral typed formatter. Target: at most 1.2×.
    /// </summary>
    [MemoryDiagnoser]
    public class CultureFormatterBenchmarks
    {
        private readonly CultureInfo _zhCn = new CultureInfo("zh-CN");
        private int _limit = 100;
        private int _count = 20261128;

        [Benchmark(Baseline = true)]
        public string Neutral_FormatQuotaExceeded() => BillingErrors.FormatQuotaExceeded(_limit, _count);

        [Benchmark]
        public string ZhCn_FormatQuotaExceeded() => BillingErrors.FormatQuotaExceeded(_zhCn, _limit, _count);
    }
}
