using System.Collections.Generic;

namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// The table of framework integrations, in the order their files are emitted. Adding a framework
    /// is one folder under <c>Emit/Integrations/</c> (its emitter) and one row here: its name, the
    /// assemblies and types that gate it, its file, what other rows it requires and whether it reads
    /// the exceptions' arguments. Detection (the generator), emission, <c>errcat preview --frameworks</c>
    /// and its help all read this table.
    /// </summary>
    public static class FrameworkIntegrations
    {
        /// <summary>The client side of errors on the wire: <c>XException.Http.g.cs</c> (<see cref="HttpClientEmitter"/>).</summary>
        public static readonly FrameworkIntegration HttpClient = new FrameworkIntegration(
            "http",
            new[] { "System.Text.Json" },
            new[] { "System.Net.Http.HttpResponseMessage", "System.Net.Http.DelegatingHandler", "System.Text.Json.Utf8JsonReader" },
            names => names.Exception + ".Http",
            HttpClientEmitter.Emit,
            needs: "System.Net.Http and System.Text.Json (in the box from .NET 6; elsewhere the package System.Text.Json)",
            calls: names => new[] { "FromResponseAsync", "ThrowIfErrorAsync", "FromBody" },
            markerType: names => names.HttpErrorHandler);

        /// <summary>The server side, ASP.NET Core 8 or later: <c>XException.AspNetCore.g.cs</c> (<see cref="AspNetCoreEmitter"/>).</summary>
        public static readonly FrameworkIntegration AspNetCore = new FrameworkIntegration(
            "aspnetcore",
            new[] { "Microsoft.AspNetCore.Diagnostics" },
            new[]
            {
                "Microsoft.AspNetCore.Diagnostics.IExceptionHandler", "Microsoft.AspNetCore.Mvc.ProblemDetails", "Microsoft.AspNetCore.Http.IProblemDetailsService",
                "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.WebUtilities.ReasonPhrases", "Microsoft.AspNetCore.Localization.IRequestCultureFeature",
                "Microsoft.AspNetCore.Http.HttpValidationProblemDetails",
            },
            names => names.Exception + ".AspNetCore",
            AspNetCoreEmitter.Emit,
            needs: "ASP.NET Core 8 or later (the Web SDK, or <FrameworkReference Include=\"Microsoft.AspNetCore.App\" />)",
            calls: names => new[] { "ToResult", "ToProblemDetails" },
            markerType: names => names.ExceptionHandler);

        /// <summary>Microsoft.Extensions.Logging 6 or later: <c>XLog.g.cs</c> (<see cref="LoggingEmitter"/>).</summary>
        public static readonly FrameworkIntegration Logging = new FrameworkIntegration(
            "logging",
            new[] { "Microsoft.Extensions.Logging.Abstractions" },
            new[] { "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.LoggerMessage", "Microsoft.Extensions.Logging.LogDefineOptions" },
            names => names.Log,
            LoggingEmitter.Emit,
            addsUserStrings: true,
            needs: "the package Microsoft.Extensions.Logging.Abstractions 6 or later",
            markerType: names => names.Log);

        /// <summary><c>Activity</c> with <c>ActivityStatusCode</c> (DiagnosticSource 6 or later): <c>XException.Tracing.g.cs</c> (<see cref="TracingEmitter"/>).</summary>
        public static readonly FrameworkIntegration Tracing = new FrameworkIntegration(
            "tracing",
            new[] { "System.Diagnostics.DiagnosticSource" },
            new[] { "System.Diagnostics.Activity", "System.Diagnostics.ActivityStatusCode", "System.Diagnostics.ActivityTagsCollection" },
            names => names.Exception + ".Tracing",
            TracingEmitter.Emit,
            needs: "System.Diagnostics.DiagnosticSource 6 or later (in the box from .NET 6; elsewhere its package)",
            calls: names => new[] { "RecordOn" },
            markerMember: "RecordOn");

        /// <summary>
        /// IHttpClientFactory (Microsoft.Extensions.Http) beside the HTTP client integration:
        /// <c>XException.HttpClientFactory.g.cs</c> (<see cref="HttpClientFactoryEmitter"/>).
        /// </summary>
        public static readonly FrameworkIntegration HttpClientFactory = new FrameworkIntegration(
            "httpclientfactory",
            new[] { "Microsoft.Extensions.Http" },
            new[]
            {
                "Microsoft.Extensions.DependencyInjection.IHttpClientBuilder", "Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions",
            },
            names => names.Exception + ".HttpClientFactory",
            HttpClientFactoryEmitter.Emit,
            requires: new[] { HttpClient },
            needs: "the package Microsoft.Extensions.Http",
            calls: names => new[] { "Add" + names.HttpErrorHandler },
            markerType: names => names.HttpClientBuilderExtensions);

        /// <summary>The API description, Microsoft.AspNetCore.OpenApi (.NET 9+): <c>XErrors.OpenApi.g.cs</c> (<see cref="OpenApiEmitter"/>).</summary>
        public static readonly FrameworkIntegration OpenApi = new FrameworkIntegration(
            "openapi",
            new[] { "Microsoft.AspNetCore.OpenApi" },
            new[]
            {
                "Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer", "Microsoft.OpenApi.OpenApiResponse", "Microsoft.OpenApi.JsonNodeExtension",
                "Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata", "Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions",
                "Microsoft.AspNetCore.Mvc.ProblemDetails", "System.Text.Json.Nodes.JsonArray", "Microsoft.OpenApi.OpenApiSchema", "Microsoft.OpenApi.JsonSchemaType",
                "Microsoft.OpenApi.OpenApiMediaType", "Microsoft.AspNetCore.Http.HttpValidationProblemDetails",
            },
            names => names.Errors + ".OpenApi",
            OpenApiEmitter.Emit,
            needs: "the package Microsoft.AspNetCore.OpenApi (.NET 9 or later)",
            calls: names => new[] { "ProducesErrors", "ProducesValidationErrors" },
            markerType: names => names.OpenApiTransformer);

        /// <summary>gRPC with <c>google.rpc.Status</c> (Grpc.Core.Api, Grpc.StatusProto): <c>XException.Grpc.g.cs</c> (<see cref="GrpcEmitter"/>).</summary>
        public static readonly FrameworkIntegration Grpc = new FrameworkIntegration(
            "grpc",
            new[] { "Grpc.Core.Api" },
            new[]
            {
                "Grpc.Core.RpcException", "Grpc.Core.Metadata", "Grpc.Core.Interceptors.Interceptor", "Google.Rpc.Status", "Google.Rpc.ErrorInfo", "Google.Rpc.Help", "Google.Rpc.BadRequest",
                "Google.Protobuf.WellKnownTypes.Any", "Google.Protobuf.MessageExtensions", "Google.Protobuf.Collections.MapField`2",
            },
            names => names.Exception + ".Grpc",
            GrpcEmitter.Emit,
            keepsArguments: true,
            needs: "the packages Grpc.Core.Api and Grpc.StatusProto",
            calls: names => new[] { "ToRpcException", "FromRpcException" },
            markerType: names => names.GrpcInterceptor);

        /// <summary>
        /// FluentValidation 11 or later: <c>XErrors.FluentValidation.g.cs</c> (<see cref="FluentValidationEmitter"/>): rules that fail
        /// with a catalog error, results as field errors, and the exception handler's answer to its exception.
        /// </summary>
        public static readonly FrameworkIntegration FluentValidation = new FrameworkIntegration(
            "fluentvalidation",
            new[] { "FluentValidation" },
            new[]
            {
                "FluentValidation.IRuleBuilderOptions`2", "FluentValidation.DefaultValidatorOptions", "FluentValidation.Results.ValidationResult",
                "FluentValidation.Results.ValidationFailure", "FluentValidation.ValidationException",
            },
            names => names.Errors + ".FluentValidation",
            FluentValidationEmitter.Emit,
            needs: "the package FluentValidation 11 or later",
            calls: names => new[] { "WithError", "ToFieldErrors", "ToFieldError" },
            markerType: names => names.FluentValidationExtensions);

        /// <summary>ErrorOr 2: <c>XErrors.ErrorOr.g.cs</c> (<see cref="ErrorOrEmitter"/>): catalog errors as ErrorOr errors and back, and lists of them as the validation answer.</summary>
        public static readonly FrameworkIntegration ErrorOr = new FrameworkIntegration(
            "erroror",
            new[] { "ErrorOr" },
            new[] { "ErrorOr.Error", "ErrorOr.ErrorType" },
            names => names.Errors + ".ErrorOr",
            ErrorOrEmitter.Emit,
            needs: "the package ErrorOr 2 or later",
            calls: names => new[] { "ToErrorOr", "ToValidationException" },
            markerType: names => names.ErrorOrExtensions);

        /// <summary>Every integration, in emission order; a row's index is its bit in <see cref="Frameworks"/>, and a row comes after those it requires.</summary>
        public static readonly IReadOnlyList<FrameworkIntegration> All = Numbered(HttpClient, AspNetCore, Logging, Tracing, HttpClientFactory, OpenApi, Grpc, FluentValidation, ErrorOr);

        private static FrameworkIntegration[] Numbered(params FrameworkIntegration[] rows)
        {
            for (int i = 0; i < rows.Length; i++)
            {
                rows[i].Bit = i;
            }

            return rows;
        }
    }
}
