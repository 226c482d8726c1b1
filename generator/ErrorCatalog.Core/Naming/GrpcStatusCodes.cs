using System;
using System.Collections.Generic;

namespace ErrorCatalog.Core.Naming
{
    /// <summary>
    /// The gRPC status codes (<c>google.rpc.Code</c>) an error may map to, and the documented mapping from
    /// an HTTP status for entries without <c>grpcStatus</c>: 400 INVALID_ARGUMENT, 401 UNAUTHENTICATED,
    /// 403 PERMISSION_DENIED, 404 NOT_FOUND, 409 ALREADY_EXISTS, 412 FAILED_PRECONDITION,
    /// 429 RESOURCE_EXHAUSTED, 499 CANCELLED, 501 UNIMPLEMENTED, 503 UNAVAILABLE, 504 DEADLINE_EXCEEDED,
    /// other 4xx FAILED_PRECONDITION, other 5xx INTERNAL.
    /// </summary>
    public static class GrpcStatusCodes
    {
        /// <summary>The codes by name, in number order (OK, 0, is no error and is not among them).</summary>
        public static readonly IReadOnlyList<string> Names = new[]
        {
            "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND", "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED",
            "FAILED_PRECONDITION", "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS", "UNAUTHENTICATED",
        };

        /// <summary>The number of a code written as its name (<c>NOT_FOUND</c>, or <c>NotFound</c> as Grpc.Core spells it); null for anything else.</summary>
        public static int? Parse(string text)
        {
            string key = text.Trim().Replace("_", string.Empty);
            for (int i = 0; i < Names.Count; i++)
            {
                if (string.Equals(Names[i].Replace("_", string.Empty), key, StringComparison.OrdinalIgnoreCase))
                {
                    return i + 1;
                }
            }

            return null;
        }

        /// <summary>The documented table: an HTTP status and the code it maps to (other 4xx: <see cref="OtherClientError"/>; others: <see cref="OtherError"/>).</summary>
        public static readonly IReadOnlyList<(int Http, int Code)> FromHttp = new[]
        {
            (400, 3), (401, 16), (403, 7), (404, 5), (409, 6), (412, 9), (429, 8), (499, 1), (501, 12), (503, 14), (504, 4),
        };

        /// <summary>FAILED_PRECONDITION, for a 4xx status the table does not name.</summary>
        public const int OtherClientError = 9;

        /// <summary>INTERNAL, for any other status.</summary>
        public const int OtherError = 13;

        /// <summary>The name of a code's number (1 … 16).</summary>
        public static string NameOf(int code) => Names[code - 1];
    }
}
