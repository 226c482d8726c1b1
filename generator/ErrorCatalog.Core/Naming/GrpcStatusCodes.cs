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

        /// <summary>The code of an HTTP status by the documented table.</summary>
        public static int FromHttpStatus(int status)
        {
            switch (status)
            {
                case 400: return 3;
                case 401: return 16;
                case 403: return 7;
                case 404: return 5;
                case 409: return 6;
                case 412: return 9;
                case 429: return 8;
                case 499: return 1;
                case 501: return 12;
                case 503: return 14;
                case 504: return 4;
                default: return status >= 400 && status < 500 ? 9 : 13;
            }
        }
    }
}
