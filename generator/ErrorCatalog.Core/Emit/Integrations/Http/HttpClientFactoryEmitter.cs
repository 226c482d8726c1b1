namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XException.HttpClientFactory.g.cs</c>, emitted only when the compilation can see
    /// Microsoft.Extensions.Http's <c>IHttpClientBuilder</c> besides the HTTP client integration
    /// (<see cref="FrameworkIntegrations.HttpClientFactory"/>): the handler in one line,
    /// <c>services.AddHttpClient&lt;T&gt;().AddXHttpErrorHandler()</c>.
    /// </summary>
    internal static class HttpClientFactoryEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string handler = c.Names.HttpErrorHandler;
            string builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>Adds <see cref="{{handler}}"/> to clients made by <c>IHttpClientFactory</c>.</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} static partial class {{c.Names.HttpClientBuilderExtensions}}
                {
                    /// <summary>
                    /// Adds <see cref="{{handler}}"/> to the client's handlers (a new one per handler pipeline, nothing to
                    /// register): every error response of the client becomes its typed exception.
                    /// </summary>
                    /// <param name="builder">The client's builder, from <c>AddHttpClient</c>.</param>
                    /// <returns>The same builder.</returns>
                    public static {{builder}} Add{{handler}}(this {{builder}} builder)
                    {
                        if (builder == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(builder));
                        }

                        return global::Microsoft.Extensions.DependencyInjection.HttpClientBuilderExtensions.AddHttpMessageHandler(builder, () => new {{handler}}());
                    }
                }
                """);
            return SourceFile.End(w, c.Options);
        }
    }
}
