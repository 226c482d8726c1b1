using ErrorCatalog.Core.Model;

namespace ErrorCatalog.Core.Emit
{
    /// <summary>What the emitter needs besides the catalog itself.</summary>
    /// <param name="Namespace">The namespace of the generated types; null or empty for the global namespace.</param>
    /// <param name="NullableAnnotations">True when the consumer's language version (C# 8+) allows <c>#nullable</c> and <c>?</c> annotations.</param>
    /// <param name="SourceFileName">The catalog's file name, quoted in the generated file header.</param>
    public sealed record EmitOptions(string? Namespace, bool NullableAnnotations, string SourceFileName)
    {
        /// <summary>The frameworks the consuming compilation can see; code for a framework is emitted only when it can.</summary>
        public Frameworks Frameworks { get; init; } = Frameworks.None;

        /// <summary>The catalog's culture overlays, joined and checked (<see cref="Cultures.OverlayLinker"/>); none by default.</summary>
        public CatalogTranslations Translations { get; init; } = CatalogTranslations.None;
    }

    /// <summary>
    /// The frameworks whose types the consuming compilation can see, detected by type (never by target
    /// framework). A value of the pipeline: equatable, and the same on every edit that adds no reference.
    /// </summary>
    /// <param name="HttpClient"><c>System.Net.Http.HttpResponseMessage</c>, <c>DelegatingHandler</c> and <c>System.Text.Json.Utf8JsonReader</c>: the client side of errors on the wire.</param>
    /// <param name="AspNetCore">ASP.NET Core 8 or later (<c>IExceptionHandler</c>, <c>ProblemDetails</c>, <c>IProblemDetailsService</c>): the server side.</param>
    public sealed record Frameworks(bool HttpClient, bool AspNetCore)
    {
        public static readonly Frameworks None = new Frameworks(false, false);

        /// <summary>Microsoft.Extensions.Logging 6 or later (<c>ILogger</c>, <c>LoggerMessage</c>, <c>LogDefineOptions</c>): <c>XLog</c>.</summary>
        public bool Logging { get; init; }

        /// <summary><c>System.Diagnostics.Activity</c> with <c>ActivityStatusCode</c> (DiagnosticSource 6 or later): <c>XException.RecordOn</c>.</summary>
        public bool Tracing { get; init; }

        /// <summary>The metadata names whose presence enables <see cref="Logging"/>.</summary>
        public static readonly string[] LoggingTypes = { "Microsoft.Extensions.Logging.ILogger", "Microsoft.Extensions.Logging.LoggerMessage", "Microsoft.Extensions.Logging.LogDefineOptions" };

        /// <summary>The metadata names whose presence enables <see cref="Tracing"/>.</summary>
        public static readonly string[] TracingTypes = { "System.Diagnostics.Activity", "System.Diagnostics.ActivityStatusCode", "System.Diagnostics.ActivityTagsCollection" };

        /// <summary>The metadata names whose presence enables <see cref="HttpClient"/>.</summary>
        public static readonly string[] HttpClientTypes = { "System.Net.Http.HttpResponseMessage", "System.Net.Http.DelegatingHandler", "System.Text.Json.Utf8JsonReader" };

        /// <summary>The metadata names whose presence enables <see cref="AspNetCore"/>.</summary>
        public static readonly string[] AspNetCoreTypes =
        {
            "Microsoft.AspNetCore.Diagnostics.IExceptionHandler", "Microsoft.AspNetCore.Mvc.ProblemDetails", "Microsoft.AspNetCore.Http.IProblemDetailsService",
            "Microsoft.AspNetCore.Http.Results", "Microsoft.AspNetCore.WebUtilities.ReasonPhrases",
        };
    }

    /// <summary>One generated source file.</summary>
    public sealed record GeneratedFile(string HintName, string Source);
}
