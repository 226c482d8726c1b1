using BenchmarkDotNet.Attributes;
using Google.Protobuf;
using Grpc.Core;
using HuaweiCloud.CodeArtsReq;

namespace ErrorCatalog.Benchmarks
{
    /// <summary>
    /// An error to gRPC and back: <c>ToRpcException</c> then <c>FromRpcException</c> against the same done by hand
    /// with <c>google.rpc.Status</c> and <c>ErrorInfo</c> (code, message, reason, domain, two metadata entries,
    /// the status details trailer; then the trailer parsed, the ErrorInfo found and the typed exception made).
    /// </summary>
    [MemoryDiagnoser]
    public class GrpcBenchmarks
    {
        private readonly CodeArtsReqException _exception = CodeArtsReqErrors.InvalidFieldValue.ToException("due_date", "x");

        [Benchmark(Baseline = true)]
        public int ByHand()
        {
            // What a team writes without the generator.
            var status = new Google.Rpc.Status { Code = (int)StatusCode.InvalidArgument, Message = _exception.ErrorMessage! };
            var info = new Google.Rpc.ErrorInfo { Reason = _exception.ErrorCode, Domain = "HuaweiCloud.CodeArtsReq" };
            info.Metadata["field"] = "due_date";
            info.Metadata["value"] = "x";
            status.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(info));
            var trailers = new Metadata { { "grpc-status-details-bin", status.ToByteArray() } };
            var thrown = new RpcException(new Status(StatusCode.InvalidArgument, status.Message), trailers, status.Message);

            Google.Rpc.Status? read = null;
            foreach (Metadata.Entry entry in thrown.Trailers)
            {
                if (entry.IsBinary && entry.Key == "grpc-status-details-bin")
                {
                    read = Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
                    break;
                }
            }

            foreach (Google.Protobuf.WellKnownTypes.Any detail in read!.Details)
            {
                if (detail.Is(Google.Rpc.ErrorInfo.Descriptor))
                {
                    Google.Rpc.ErrorInfo found = detail.Unpack<Google.Rpc.ErrorInfo>();
                    if (found.Domain == "HuaweiCloud.CodeArtsReq")
                    {
                        return CodeArtsReqException.FromResponse(found.Reason, read.Message).ErrorCode.Length;
                    }
                }
            }

            return 0;
        }

        [Benchmark]
        public int Generated() => CodeArtsReqException.FromRpcException(_exception.ToRpcException()).ErrorCode.Length;
    }
}
