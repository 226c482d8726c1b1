using System;
using System.Collections.Frozen;
using System.Globalization;
using System.Linq;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using HuaweiCloud.CodeArtsReq;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// dotnet run -c Release --project benchmarks/ErrorCatalog.Benchmarks [-- --quick | --short] [--filter *Lookup*]
    /// dotnet run -c Release --project benchmarks/ErrorCatalog.Benchmarks -- load [--quick]: requests per second over loopback (<see cref="LoadBenchmark"/>).
    /// Default: BenchmarkDotNet's default job (the figures in docs/performance.md). --short: ShortRun.
    /// --quick runs each benchmark once (Dry job): it proves they run, nothing about speed.
    /// </summary>
    public static class Program
    {
        public static void Main(string[] args)
        {
            if (args.Contains("load"))
            {
                Console.WriteLine(LoadBenchmark.RunAsync(args.Contains("--quick")).GetAwaiter().GetResult());
                return;
            }

            Job job = args.Contains("--quick") ? Job.Dry : args.Contains("--short") ? Job.ShortRun : Job.Default;
            IConfig config = DefaultConfig.Instance.AddJob(job).WithOptions(ConfigOptions.DisableOptimizationsValidator);
            string[] rest = args.Where(a => a != "--quick" && a != "--short").ToArray();
            BenchmarkSwitcher.FromTypes(new[] { typeof(LookupBenchmarks), typeof(FormatterBenchmarks), typeof(TypedFormatterBenchmarks), typeof(CultureFormatterBenchmarks), typeof(LoggingBenchmarks), typeof(WireBenchmarks), typeof(GrpcBenchmarks), typeof(ValidationBenchmarks) }).Run(rest.Length == 0 ? new[] { "--filter", "*" } : rest, config);
        }
    }

    /// <summary>The generated switch lookups against a FrozenDictionary (ordinal) of the same codes: 54 hits and 54 near misses.</summary>
    [MemoryDiagnoser]
    public class LookupBenchmarks
    {
        private readonly string[] _codes = CodeArtsReqErrors.All.Select(e => e.Code).Concat(CodeArtsReqErrors.All.Select(e => e.Code.Substring(0, e.Code.Length - 1) + "X")).ToArray();
        private readonly FrozenDictionary<string, CodeArtsReqError> _frozen = CodeArtsReqErrors.All.ToFrozenDictionary(e => e.Code, StringComparer.Ordinal);

        [Benchmark(Baseline = true)]
        public int FrozenDictionary_TryGetValue()
        {
            int found = 0;
            foreach (string code in _codes)
            {
                if (_frozen.TryGetValue(code, out CodeArtsReqError? error))
                {
                    found += error.HttpStatus;
                }
            }

            return found;
        }

        [Benchmark]
        public int Generated_TryGet()
        {
            int found = 0;
            foreach (string code in _codes)
            {
                if (CodeArtsReqErrors.TryGet(code, out CodeArtsReqError error))
                {
                    found += error.HttpStatus;
                }
            }

            return found;
        }

        [Benchmark]
        public int Generated_IsKnown()
        {
            int found = 0;
            foreach (string code in _codes)
            {
                if (CodeArtsReqErrors.IsKnown(code))
                {
                    found++;
                }
            }

            return found;
        }

        [Benchmark]
        public int Generated_GetHttpStatus()
        {
            int sum = 0;
            foreach (string code in _codes)
            {
                sum += CodeArtsReqErrors.GetHttpStatus(code) ?? 0;
            }

            return sum;
        }
    }

    /// <summary>Typed formatters against string.Format with a cached CompositeFormat, same template and arguments.</summary>
    [MemoryDiagnoser]
    public class FormatterBenchmarks
    {
        private static readonly CompositeFormat s_format = CompositeFormat.Parse(CodeArtsReqErrors.InvalidFieldValue.MessageTemplate);
        private readonly object _field = "due_date";
        private readonly object _value = 20261128;

        [Benchmark(Baseline = true)]
        public string StringFormat_CompositeFormat() => string.Format(CultureInfo.InvariantCulture, s_format, _field, _value);

        [Benchmark]
        public string Generated_FormatInvalidFieldValue() => CodeArtsReqErrors.FormatInvalidFieldValue(_field, _value);

        [Benchmark]
        public string Generated_Descriptor_Format() => CodeArtsReqErrors.InvalidFieldValue.Format(_field, _value);
    }
}
