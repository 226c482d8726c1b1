namespace ErrorCatalog.Core.Naming
{
    /// <summary>
    /// The names of the types generated for one catalog <c>X</c>: <c>XErrorCodes</c>, <c>XError</c>,
    /// <c>XErrors</c>, <c>XException</c> and one <c>X…Exception</c> per HTTP status. The only place
    /// these names are spelled: the emitter, the validator, the analyzer's index and the code fix
    /// read them from here.
    /// </summary>
    public sealed class CatalogTypeNames
    {
        private const string CodesSuffix = "ErrorCodes";
        private const string ErrorSuffix = "Error";
        private const string ErrorsSuffix = "Errors";
        private const string ExceptionSuffix = "Exception";

        private readonly string _qualifier;

        /// <param name="catalog">The catalog name (the stem of every type name).</param>
        /// <param name="ns">The namespace of the generated types; null or empty for the global namespace.</param>
        public CatalogTypeNames(string catalog, string? ns)
        {
            Catalog = catalog;
            _qualifier = Qualifier(ns);
            Codes = CodesOf(catalog);
            Error = catalog + ErrorSuffix;
            Errors = ErrorsOf(catalog);
            Exception = catalog + ExceptionSuffix;
            HttpErrorHandler = catalog + "HttpErrorHandler";
            HttpClientBuilderExtensions = catalog + "HttpClientBuilderExtensions";
            OpenApiTransformer = catalog + "OpenApiTransformer";
            OpenApiExtensions = catalog + "OpenApiExtensions";
            ErrorsMetadata = catalog + "ErrorsMetadata";
            GrpcInterceptor = catalog + "GrpcInterceptor";
            ExceptionHandler = catalog + "ExceptionHandler";
            Log = catalog + "Log";
            FieldError = catalog + "FieldError";
            ValidationException = catalog + "ValidationException";
            AspNetCoreExtensions = catalog + "AspNetCoreExtensions";
            TracingExtensions = catalog + "TracingExtensions";
            GrpcExtensions = catalog + "GrpcExtensions";
            HttpExtensions = catalog + "HttpExtensions";
            FluentValidationExtensions = catalog + "FluentValidationExtensions";
            ErrorOrExtensions = catalog + "ErrorOrExtensions";
            ErrorQualified = _qualifier + Error;
            ErrorsQualified = _qualifier + Errors;
            ExceptionQualified = _qualifier + Exception;
            FieldErrorQualified = _qualifier + FieldError;
            ValidationExceptionQualified = _qualifier + ValidationException;
        }

        public string Catalog { get; }

        /// <summary>The constants class, <c>XErrorCodes</c>.</summary>
        public string Codes { get; }

        /// <summary>The descriptor class, <c>XError</c>.</summary>
        public string Error { get; }

        /// <summary>The catalog class with descriptors, lookups and formatters, <c>XErrors</c>.</summary>
        public string Errors { get; }

        /// <summary>The base exception, <c>XException</c>.</summary>
        public string Exception { get; }

        /// <summary>The <c>DelegatingHandler</c> that turns error responses into exceptions, <c>XHttpErrorHandler</c>.</summary>
        public string HttpErrorHandler { get; }

        /// <summary>The <c>IHttpClientBuilder</c> extensions that add <see cref="HttpErrorHandler"/>, <c>XHttpClientBuilderExtensions</c>.</summary>
        public string HttpClientBuilderExtensions { get; }

        /// <summary>The <c>IOpenApiOperationTransformer</c> that lists an endpoint's codes, <c>XOpenApiTransformer</c>.</summary>
        public string OpenApiTransformer { get; }

        /// <summary>The endpoint-builder extensions (<c>ProducesErrors</c>), <c>XOpenApiExtensions</c>.</summary>
        public string OpenApiExtensions { get; }

        /// <summary>The gRPC server interceptor that answers the catalog's exceptions as <c>google.rpc.Status</c>, <c>XGrpcInterceptor</c>.</summary>
        public string GrpcInterceptor { get; }

        /// <summary>The endpoint metadata of <c>ProducesErrors</c>, <c>XErrorsMetadata</c>.</summary>
        public string ErrorsMetadata { get; }

        /// <summary>The ASP.NET Core <c>IExceptionHandler</c> that answers the catalog's exceptions, <c>XExceptionHandler</c>.</summary>
        public string ExceptionHandler { get; }

        /// <summary>One field's error of a validation answer, <c>XFieldError</c>.</summary>
        public string FieldError { get; }

        /// <summary>The exception that carries several field errors, <c>XValidationException</c>.</summary>
        public string ValidationException { get; }

        public string FieldErrorQualified { get; }

        public string ValidationExceptionQualified { get; }

        /// <summary>The logging extensions, <c>XLog</c>.</summary>
        public string Log { get; }

        /// <summary>
        /// The classes that carry a reference catalog's integration members as extensions in a project that sees a
        /// framework its library does not (<c>ToResult</c>, <c>ToProblemDetails</c>; <c>RecordOn</c>; <c>ToRpcException</c>,
        /// <c>FromRpcException</c>; <c>FromResponseAsync</c>, <c>FromBody</c>): <c>XAspNetCoreExtensions</c>,
        /// <c>XTracingExtensions</c>, <c>XGrpcExtensions</c>, <c>XHttpExtensions</c>.
        /// </summary>
        public string AspNetCoreExtensions { get; }

        /// <inheritdoc cref="AspNetCoreExtensions"/>
        public string TracingExtensions { get; }

        /// <inheritdoc cref="AspNetCoreExtensions"/>
        public string GrpcExtensions { get; }

        /// <inheritdoc cref="AspNetCoreExtensions"/>
        public string HttpExtensions { get; }

        /// <summary>FluentValidation's <c>WithError</c> and <c>ToFieldErrors</c>, <c>XFluentValidationExtensions</c>.</summary>
        public string FluentValidationExtensions { get; }

        /// <summary>ErrorOr's <c>ToErrorOr</c>, <c>Find</c> and <c>ToResult</c>, <c>XErrorOrExtensions</c>.</summary>
        public string ErrorOrExtensions { get; }

        /// <summary>The metadata name of a generated type (<c>HuaweiCloud.CodeArtsReq.CodeArtsReqExceptionHandler</c>).</summary>
        public string MetadataName(string type) => _qualifier.Substring("global::".Length) + type;

        public string ErrorQualified { get; }

        public string ErrorsQualified { get; }

        public string ExceptionQualified { get; }

        /// <summary>The constants class of a catalog (<c>XErrorCodes</c>).</summary>
        public static string CodesOf(string catalog) => catalog + CodesSuffix;

        /// <summary>The catalog class of a catalog (<c>XErrors</c>).</summary>
        public static string ErrorsOf(string catalog) => catalog + ErrorsSuffix;

        /// <summary>The fully qualified constant of an entry, such as <c>global::HuaweiCloud.CodeArtsReq.CodeArtsReqErrorCodes.ResourceNotFound</c>.</summary>
        public static string QualifiedConstant(string catalog, string? ns, string member) => Qualifier(ns) + CodesOf(catalog) + "." + member;

        /// <summary>The exception type of an HTTP status, such as <c>XNotFoundException</c>.</summary>
        public string StatusException(int status) => Catalog + HttpStatusNames.ExceptionStem(status) + ExceptionSuffix;

        public string QualifiedStatusException(int status) => _qualifier + StatusException(status);

        private static string Qualifier(string? ns) => string.IsNullOrEmpty(ns) ? "global::" : "global::" + ns + ".";
    }
}
