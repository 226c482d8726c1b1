using System.Text.Json;
using BenchmarkDotNet.Attributes;
using HuaweiCloud.CodeArtsReq;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// Decoding an error body: the generated <c>FromBody</c> against what a user writes by hand — a
    /// <c>JsonDocument</c> read of the same text, then <c>FromResponse</c> — on a Huawei body and on an
    /// RFC 9457 problem+json body.
    /// </summary>
    [MemoryDiagnoser]
    public class WireBenchmarks
    {
        private const string Huawei = "{\"error_code\":\"PM.02175201\",\"error_msg\":\"Field due_date has invalid value tomorrow.\"}";

        private const string Problem = "{\"type\":\"about:blank\",\"title\":\"The IR field value is invalid.\",\"status\":400,\"detail\":\"Field due_date has invalid value tomorrow.\",\"error_code\":\"PM.02175201\",\"error_msg\":\"Field due_date has invalid value tomorrow.\"}";

        [Benchmark(Baseline = true)]
        public CodeArtsReqException HandWritten_JsonDocument_Huawei() => HandWritten(Huawei, problem: false);

        [Benchmark]
        public CodeArtsReqException Generated_FromBody_Huawei() => CodeArtsReqException.FromBody(Huawei, 400);

        [Benchmark]
        public CodeArtsReqException HandWritten_JsonDocument_Problem() => HandWritten(Problem, problem: true);

        [Benchmark]
        public CodeArtsReqException Generated_FromBody_Problem() => CodeArtsReqException.FromBody(Problem, 400);

        /// <summary>The decode a user would write: parse, read the two members, map.</summary>
        private static CodeArtsReqException HandWritten(string body, bool problem)
        {
            using JsonDocument document = JsonDocument.Parse(body);
            JsonElement root = document.RootElement;
            string code = root.TryGetProperty("error_code", out JsonElement c) ? c.GetString() ?? string.Empty : string.Empty;
            string? message = problem && root.TryGetProperty("detail", out JsonElement d) ? d.GetString()
                : root.TryGetProperty("error_msg", out JsonElement m) ? m.GetString() : null;
            return CodeArtsReqException.FromResponse(code, message, 400);
        }
    }
}
