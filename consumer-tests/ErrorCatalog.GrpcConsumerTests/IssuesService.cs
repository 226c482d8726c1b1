using System.Linq;
using System.Threading.Tasks;
using Acme.Orders;
using ErrorCatalog.GrpcConsumerTests.Protos;
using Google.Protobuf;
using Grpc.Core;
using HuaweiCloud.CodeArtsReq;

namespace ErrorCatalog.GrpcConsumerTests
{
    /// <summary>The service under test: it throws catalog exceptions and leaves the wire format to the generated interceptors.</summary>
    public sealed class IssuesService : Issues.IssuesBase
    {
        /// <summary>Arguments for the entries with placeholders: quotes, a script terminator, NUL, bidi controls, emoji.</summary>
        public static readonly string[] Hostile = { "\"quoted\" 'single'", "</script><b>", "nul\u0000here", "\u202Eright-to-left\u202C", "emoji \U0001F600" };

        public static object?[] ArgumentsFor(int parameterCount) => Hostile.Take(parameterCount).ToArray<object?>();

        public override Task<Reply> Fail(FailRequest request, ServerCallContext context)
        {
            throw Make(request.Code);
        }

        public override async Task FailStream(FailRequest request, IServerStreamWriter<Reply> responseStream, ServerCallContext context)
        {
            await responseStream.WriteAsync(new Reply { Text = "first" });
            throw Make(request.Code);
        }

        public override Task<Reply> Raw(RawRequest request, ServerCallContext context)
        {
            var trailers = new Metadata();
            switch (request.Kind)
            {
                case 0: // garbage where a google.rpc.Status belongs
                    trailers.Add("grpc-status-details-bin", new byte[] { 0xFF, 0x01, 0x02, 0x80 });
                    break;
                case 1: // a Status of another domain
                    var other = new Google.Rpc.Status { Code = 5, Message = "elsewhere" };
                    other.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.ErrorInfo { Reason = "PM.02175201", Domain = "Other.Service" }));
                    trailers.Add("grpc-status-details-bin", other.ToByteArray());
                    break;
                case 2: // an unknown code of our domain
                    var unknown = new Google.Rpc.Status { Code = 5, Message = "unknown" };
#pragma warning disable ERRCAT100 // on purpose: a code the catalog does not have
                    unknown.Details.Add(Google.Protobuf.WellKnownTypes.Any.Pack(new Google.Rpc.ErrorInfo { Reason = "PM.99999999", Domain = CodeArtsReqException.GrpcDomain }));
#pragma warning restore ERRCAT100
                    trailers.Add("grpc-status-details-bin", unknown.ToByteArray());
                    break;
                default: // no details at all
                    break;
            }

            throw new RpcException(new Status(StatusCode.NotFound, "raw failure " + request.Kind), trailers);
        }

        /// <summary>The field errors the service answers for the code <c>validation</c>: hostile fields and arguments.</summary>
        public static CodeArtsReqFieldError[] FieldErrors() => new[]
        {
            CodeArtsReqErrors.InvalidFieldValue.ForField(Hostile[1], "due_date", Hostile[0]),
            CodeArtsReqErrors.MissingRequiredField.ForField("items[2].sku", Hostile[4]),
            CodeArtsReqErrors.InvalidFieldValue.ForField(Hostile[3], "size", Hostile[2]),
        };

        private static System.Exception Make(string code)
        {
            if (code == "validation")
            {
                return new CodeArtsReqValidationException(FieldErrors());
            }

            if (OrdersErrors.Find(code) is OrdersError order)
            {
                return order.ToException(Enumerable.Repeat<object?>(7, order.ParameterCount).ToArray());
            }

            if (Contoso.Ledger.LedgerErrors.Find(code) is Contoso.Ledger.LedgerError ledger)
            {
                return ledger.ToException(ArgumentsFor(ledger.ParameterCount));
            }

            CodeArtsReqError error = CodeArtsReqErrors.Find(code)!;
            return error.ToException(ArgumentsFor(error.ParameterCount));
        }
    }
}
