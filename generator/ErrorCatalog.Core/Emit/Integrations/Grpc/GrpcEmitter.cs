using System.Linq;
using ErrorCatalog.Core.Model;
using ErrorCatalog.Core.Naming;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XException.Grpc.g.cs</c>, emitted only when the compilation can see Grpc.Core.Api and the
    /// <c>google.rpc</c> messages (<see cref="FrameworkIntegrations.Grpc"/>): <c>XException.ToRpcException()</c>
    /// (a <c>google.rpc.Status</c> in <c>grpc-status-details-bin</c> with <c>ErrorInfo</c> and, with
    /// <c>docs</c>, <c>Help</c>), <c>XException.FromRpcException</c>, and <c>XGrpcInterceptor</c> for servers.
    /// </summary>
    internal static class GrpcEmitter
    {
        private const string Trailer = "grpc-status-details-bin";

        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string exception = c.Names.ExceptionQualified;
            string domain = string.IsNullOrEmpty(c.Options.Namespace) ? c.Model.CatalogName : c.Options.Namespace!;
            string self = ExternalForm.Self(c);
            SourceFile.Start(w, c.Options);
            ExternalForm.Open(w, c, c.Names.GrpcExtensions, "gRPC errors");
            w.Line($"/// <summary>The <c>ErrorInfo</c> domain of this catalog's errors: {CodeWriter.Doc(domain)}.</summary>");
            w.Line($"public const string GrpcDomain = {CodeWriter.Literal(domain)};");
            w.Line();
            w.Block($$"""
                /// <summary>
                /// This error as gRPC answers it: an <see cref="global::Grpc.Core.RpcException"/> with the status code of the entry's
                /// <c>grpcStatus</c> (else mapped from its HTTP status; INTERNAL for a status below 400), the message, and a <c>google.rpc.Status</c> in the
                /// <c>{{Trailer}}</c> trailer carrying <c>ErrorInfo</c> (reason: the code; domain: <see cref="GrpcDomain"/>;
                /// metadata: each parameter's name and formatted value) and, when the catalog has <c>docs</c>, <c>Help</c>.
                /// </summary>
                /// <returns>The exception, ready to throw from a service.</returns>
                public {{ExternalForm.Instance(c, "global::Grpc.Core.RpcException", "ToRpcException", more: false)}})
                {
                    int code = GrpcCodeOf({{self}}ErrorCode, {{self}}HttpStatus ?? ({{self}}Error != null ? {{self}}Error.HttpStatus : 500));
                    string message = {{self}}ErrorMessage ?? {{self}}ErrorCode;
                    global::Google.Rpc.Status status = new global::Google.Rpc.Status();
                    status.Code = code;
                    status.Message = message;
                    global::Google.Rpc.ErrorInfo info = new global::Google.Rpc.ErrorInfo();
                    info.Reason = {{self}}ErrorCode;
                    info.Domain = GrpcDomain;
                    {{(c.KeepsArguments ? AddParametersCall(c, self) : "// The library's exception keeps no arguments (no overlays, no gRPC there): ErrorInfo has no parameters.")}}
                    status.Details.Add(global::Google.Protobuf.WellKnownTypes.Any.Pack(info));
                    {{c.Names.ValidationExceptionQualified}}{{q}} fields = {{(c.External ? "exception" : "this")}} as {{c.Names.ValidationExceptionQualified}};
                    if (fields != null)
                    {
                        status.Details.Add(global::Google.Protobuf.WellKnownTypes.Any.Pack(BadRequestOf(fields)));
                    }

                    if ({{self}}HelpLink != null)
                    {
                        global::Google.Rpc.Help help = new global::Google.Rpc.Help();
                        global::Google.Rpc.Help.Types.Link link = new global::Google.Rpc.Help.Types.Link();
                        link.Description = {{self}}ErrorCode;
                        link.Url = {{self}}HelpLink;
                        help.Links.Add(link);
                        status.Details.Add(global::Google.Protobuf.WellKnownTypes.Any.Pack(help));
                    }

                    global::Grpc.Core.Metadata trailers = new global::Grpc.Core.Metadata();
                    trailers.Add("{{Trailer}}", global::Google.Protobuf.MessageExtensions.ToByteArray(status));
                    return new global::Grpc.Core.RpcException(new global::Grpc.Core.Status((global::Grpc.Core.StatusCode)code, message), trailers, message);
                }

                """);
            bool block = ExternalForm.OpenStatics(w, c);
            w.Block($$"""
                /// <summary>
                /// The exception a gRPC error stands for: for an <c>ErrorInfo</c> of this catalog's domain whose reason is a known
                /// code, that code's status type (<see cref="{{ExternalForm.Cref(c, "HttpStatus")}}"/> the catalog's, the message received); anything else (no
                /// details, another domain, an unknown code, details that do not decode) a plain <see cref="{{exception}}"/> with
                /// an empty <see cref="{{ExternalForm.Cref(c, "ErrorCode")}}"/>, the gRPC message, and <paramref name="exception"/> inside.
                /// </summary>
                /// <param name="exception">The gRPC error a call threw.</param>
                /// <returns>The exception.</returns>
                public static {{exception}} FromRpcException(global::Grpc.Core.RpcException exception)
                {
                    if (exception == null)
                    {
                        throw new global::System.ArgumentNullException(nameof(exception));
                    }

                    global::Google.Rpc.Status{{q}} status = null;
                    foreach (global::Grpc.Core.Metadata.Entry entry in exception.Trailers)
                    {
                        if (entry.IsBinary && entry.Key == "{{Trailer}}")
                        {
                            try
                            {
                                status = global::Google.Rpc.Status.Parser.ParseFrom(entry.ValueBytes);
                            }
                            catch (global::Google.Protobuf.InvalidProtocolBufferException)
                            {
                                status = null;
                            }

                            break;
                        }
                    }

                    if (status != null)
                    {
                        global::Google.Rpc.ErrorInfo{{q}} found = null;
                        foreach (global::Google.Protobuf.WellKnownTypes.Any detail in status.Details)
                        {
                            global::Google.Rpc.ErrorInfo{{q}} info = null;
                            global::Google.Rpc.BadRequest{{q}} badRequest = null;
                            try
                            {
                                info = detail.Is(global::Google.Rpc.ErrorInfo.Descriptor) ? detail.Unpack<global::Google.Rpc.ErrorInfo>() : null;
                                badRequest = detail.Is(global::Google.Rpc.BadRequest.Descriptor) ? detail.Unpack<global::Google.Rpc.BadRequest>() : null;
                            }
                            catch (global::Google.Protobuf.InvalidProtocolBufferException)
                            {
                                info = null;
                            }

                            if (badRequest != null && badRequest.FieldViolations.Count > 0)
                            {
                                // AIP-193's field violations: one field error each (reason: the code, description: the message).
                                global::System.Collections.Generic.List<{{c.Names.FieldErrorQualified}}> fields = new global::System.Collections.Generic.List<{{c.Names.FieldErrorQualified}}>(badRequest.FieldViolations.Count);
                                foreach (global::Google.Rpc.BadRequest.Types.FieldViolation violation in badRequest.FieldViolations)
                                {
                                    fields.Add(new {{c.Names.FieldErrorQualified}}(violation.Field, violation.Reason, violation.Description));
                                }

                                return new {{c.Names.ValidationExceptionQualified}}(fields, null, exception);
                            }

                            if (found == null && info != null && info.Domain == GrpcDomain && {{c.Names.ErrorsQualified}}.{{GeneratedMembers.Find}}(info.Reason) != null)
                            {
                                found = info;
                            }
                        }

                        if (found != null)
                        {
                            return {{(c.External ? exception + "." : string.Empty)}}FromResponse(found.Reason, status.Message);
                        }
                    }

                    return new {{exception}}(string.Empty, exception.Status.Detail, null, exception);
                }
                """);
            if (block)
            {
                w.Close();
            }

            w.Line();
            WriteCodeTables(w, c);
            w.Close();
            w.Line();
            WriteInterceptor(w, c);
            return SourceFile.End(w, c.Options);
        }

        /// <summary>The statements that add the parameters to <c>ErrorInfo.metadata</c>, indented for the body they stand in.</summary>
        private static string AddParametersCall(EmitContext c, string self)
            => $"if ({self}{GeneratedMembers.HasArguments} && {self}Error != null && {self}Arguments.Count == {self}Error.ParameterCount)\n"
                + "    {\n"
                + $"        AddParameters({ExternalForm.HelperArgument(c)}info.Metadata);\n"
                + "    }\n";

        /// <summary>The status code of a code (its <c>grpcStatus</c>, else the HTTP table) and each entry's parameters as metadata.</summary>
        private static void WriteCodeTables(CodeWriter w, EmitContext c)
        {
            w.Block($$"""
                /// <summary>AIP-193's <c>google.rpc.BadRequest</c>: one field violation per field error (field, description: the message, reason: the code).</summary>
                private static global::Google.Rpc.BadRequest BadRequestOf({{c.Names.ValidationExceptionQualified}} fields)
                {
                    global::Google.Rpc.BadRequest badRequest = new global::Google.Rpc.BadRequest();
                    foreach ({{c.Names.FieldErrorQualified}} field in fields.FieldErrors)
                    {
                        global::Google.Rpc.BadRequest.Types.FieldViolation violation = new global::Google.Rpc.BadRequest.Types.FieldViolation();
                        violation.Field = field.Field;
                        violation.Description = field.ErrorMessage ?? string.Empty;
                        violation.Reason = field.ErrorCode;
                        badRequest.FieldViolations.Add(violation);
                    }

                    return badRequest;
                }

                """);
            w.Open("private static int GrpcCodeOf(string code, int httpStatus)");
            if (c.Model.Entries.Any(e => e.GrpcStatus != null))
            {
                w.Open("switch (code)");
                foreach (ErrorEntry entry in c.Model.Entries.Where(e => e.GrpcStatus != null))
                {
                    w.Line($"case {CodeWriter.Literal(entry.Code)}: return {entry.GrpcStatus!.Value}; // {GrpcStatusCodes.NameOf(entry.GrpcStatus.Value)}");
                }

                w.Close();
                w.Line();
            }

            w.Open("switch (httpStatus)");
            foreach ((int http, int code) in GrpcStatusCodes.FromHttp)
            {
                w.Line($"case {http}: return {code}; // {GrpcStatusCodes.NameOf(code)}");
            }

            int other = GrpcStatusCodes.OtherClientError;
            int otherError = GrpcStatusCodes.OtherError;
            w.Line($"default: return httpStatus >= 400 && httpStatus < 500 ? {other} : {otherError}; // {GrpcStatusCodes.NameOf(other)}, {GrpcStatusCodes.NameOf(otherError)}");
            w.Close();
            w.Close();
            if (!c.KeepsArguments)
            {
                return;
            }

            w.Line();
            w.Line("/// <summary>Each parameter's name and value, formatted in the invariant culture (<c>ErrorInfo.metadata</c>).</summary>");
            w.Open($"private {ExternalForm.Helper(c, "void", "AddParameters")}global::Google.Protobuf.Collections.MapField<string, string> metadata)");
            if (c.Model.Entries.Any(e => e.ParameterCount > 0))
            {
                w.Open($"switch ({ExternalForm.Self(c)}ErrorCode)");
                foreach (ErrorEntry entry in c.Model.Entries.Where(e => e.ParameterCount > 0))
                {
                    w.Line($"case {CodeWriter.Literal(entry.Code)}:");
                    for (int p = 0; p < entry.ParameterCount; p++)
                    {
                        w.Line($"    metadata[{CodeWriter.Literal(entry.ParameterNames[p])}] = ArgumentText({ExternalForm.HelperArgument(c)}{p});");
                    }

                    w.Line("    break;");
                }

                w.Close();
            }

            w.Close();
            w.Line();
            w.Block($$"""
                private {{ExternalForm.Helper(c, "string", "ArgumentText")}}int index)
                {
                    return global::System.Convert.ToString({{ExternalForm.Self(c)}}Arguments[index], global::System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
                }
                """);
        }

        private static void WriteInterceptor(CodeWriter w, EmitContext c)
        {
            string exception = c.Names.ExceptionQualified;
            string context = "global::Grpc.Core.ServerCallContext";
            w.Block($$"""
                /// <summary>
                /// A gRPC server interceptor: a <see cref="{{exception}}"/> thrown by a service becomes its <see cref="{{exception}}.ToRpcException"/>;
                /// other exceptions are left alone. Register it the gRPC way: <c>AddGrpc(o =&gt; o.Interceptors.Add&lt;{{c.Names.GrpcInterceptor}}&gt;())</c>.
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} sealed class {{c.Names.GrpcInterceptor}} : global::Grpc.Core.Interceptors.Interceptor
                {
                    /// <inheritdoc/>
                    public override async global::System.Threading.Tasks.Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, {{context}} context, global::Grpc.Core.UnaryServerMethod<TRequest, TResponse> continuation)
                    {
                        try
                        {
                            return await continuation(request, context).ConfigureAwait(false);
                        }
                        catch ({{exception}} error)
                        {
                            throw error.ToRpcException();
                        }
                    }

                    /// <inheritdoc/>
                    public override async global::System.Threading.Tasks.Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream, {{context}} context, global::Grpc.Core.ClientStreamingServerMethod<TRequest, TResponse> continuation)
                    {
                        try
                        {
                            return await continuation(requestStream, context).ConfigureAwait(false);
                        }
                        catch ({{exception}} error)
                        {
                            throw error.ToRpcException();
                        }
                    }

                    /// <inheritdoc/>
                    public override async global::System.Threading.Tasks.Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, global::Grpc.Core.IServerStreamWriter<TResponse> responseStream, {{context}} context, global::Grpc.Core.ServerStreamingServerMethod<TRequest, TResponse> continuation)
                    {
                        try
                        {
                            await continuation(request, responseStream, context).ConfigureAwait(false);
                        }
                        catch ({{exception}} error)
                        {
                            throw error.ToRpcException();
                        }
                    }

                    /// <inheritdoc/>
                    public override async global::System.Threading.Tasks.Task DuplexStreamingServerHandler<TRequest, TResponse>(global::Grpc.Core.IAsyncStreamReader<TRequest> requestStream, global::Grpc.Core.IServerStreamWriter<TResponse> responseStream, {{context}} context, global::Grpc.Core.DuplexStreamingServerMethod<TRequest, TResponse> continuation)
                    {
                        try
                        {
                            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
                        }
                        catch ({{exception}} error)
                        {
                            throw error.ToRpcException();
                        }
                    }
                }
                """);
        }
    }
}
