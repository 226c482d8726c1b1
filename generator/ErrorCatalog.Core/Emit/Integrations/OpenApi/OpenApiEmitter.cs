namespace ErrorCatalog.Core.Emit.Integrations
{
    /// <summary>
    /// <c>XErrors.OpenApi.g.cs</c>, emitted only when the compilation can see Microsoft.AspNetCore.OpenApi
    /// (<see cref="FrameworkIntegrations.OpenApi"/>): <c>ProducesErrors(params XError[])</c> on endpoint builders
    /// adds an <c>application/problem+json</c> response per distinct status of the errors, and
    /// <c>XOpenApiTransformer</c> lists each response's codes (<c>x-error-codes</c>: code and message, in
    /// catalog order) and names them in its description.
    /// </summary>
    internal static class OpenApiEmitter
    {
        public static string Emit(CodeWriter w, EmitContext c)
        {
            string q = c.NullableMark;
            string error = c.Names.ErrorQualified;
            string errors = c.Names.ErrorsQualified;
            string metadata = c.Names.ErrorsMetadata;
            SourceFile.Start(w, c.Options);
            w.Block($$"""
                /// <summary>Documents an endpoint's catalog errors in its API description.</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} static partial class {{c.Names.OpenApiExtensions}}
                {
                    /// <summary>
                    /// Declares the errors the endpoint (or every endpoint of the group) answers: one <c>application/problem+json</c>
                    /// response per distinct HTTP status, whose codes <see cref="{{c.Names.OpenApiTransformer}}"/> lists.
                    /// </summary>
                    /// <typeparam name="TBuilder">A route handler or route group builder.</typeparam>
                    /// <param name="builder">The endpoint's builder.</param>
                    /// <param name="errors">The errors, any order; repeats are ignored.</param>
                    /// <returns>The same builder.</returns>
                    public static TBuilder ProducesErrors<TBuilder>(this TBuilder builder, params {{error}}[] errors)
                        where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
                    {
                        if (errors == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(errors));
                        }

                        global::System.Collections.Generic.List<object> items = new global::System.Collections.Generic.List<object>();
                        items.Add(new {{metadata}}(errors));
                        global::System.Collections.Generic.HashSet<int> statuses = new global::System.Collections.Generic.HashSet<int>();
                        foreach ({{error}} error in errors)
                        {
                            if (error != null && statuses.Add(error.HttpStatus))
                            {
                                items.Add(new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(error.HttpStatus, typeof(global::Microsoft.AspNetCore.Mvc.ProblemDetails), new[] { "application/problem+json" }));
                            }
                        }

                        return global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(builder, items.ToArray());
                    }

                    /// <summary>
                    /// Declares the field errors the endpoint answers (<c>{{c.Names.ValidationException}}</c>): a 400 <c>application/problem+json</c>
                    /// response whose codes <see cref="{{c.Names.OpenApiTransformer}}"/> lists, with a schema naming <c>errors</c> and <c>violations</c>.
                    /// </summary>
                    /// <typeparam name="TBuilder">A route handler or route group builder.</typeparam>
                    /// <param name="builder">The endpoint's builder.</param>
                    /// <param name="errors">The errors its field errors can carry, any order; repeats are ignored.</param>
                    /// <returns>The same builder.</returns>
                    public static TBuilder ProducesValidationErrors<TBuilder>(this TBuilder builder, params {{error}}[] errors)
                        where TBuilder : global::Microsoft.AspNetCore.Builder.IEndpointConventionBuilder
                    {
                        if (errors == null)
                        {
                            throw new global::System.ArgumentNullException(nameof(errors));
                        }

                        return global::Microsoft.AspNetCore.Builder.RoutingEndpointConventionBuilderExtensions.WithMetadata(builder,
                            new {{metadata}}(errors, true),
                            new global::Microsoft.AspNetCore.Http.ProducesResponseTypeMetadata(400, typeof(global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails), new[] { "application/problem+json" }));
                    }
                }

                /// <summary>The errors an endpoint declared with <c>ProducesErrors</c> (endpoint metadata).</summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} sealed class {{metadata}}
                {
                    internal {{metadata}}({{error}}[] errors, bool validation = false)
                    {
                        Errors = errors;
                        IsValidation = validation;
                    }

                    /// <summary>The errors, as declared.</summary>
                    public global::System.Collections.Generic.IReadOnlyList<{{error}}> Errors { get; }

                    /// <summary>True when declared by <c>ProducesValidationErrors</c>: the codes of a 400 validation answer's field errors.</summary>
                    public bool IsValidation { get; }
                }

                /// <summary>
                /// Lists, on each error response of an endpoint that declared catalog errors (<c>ProducesErrors</c>), its codes:
                /// the extension <c>x-error-codes</c> (<c>[{"code": …, "message": …}]</c> in catalog order) and their names in the
                /// response's description. Register it with <c>AddOpenApi(o =&gt; o.AddOperationTransformer&lt;{{c.Names.OpenApiTransformer}}&gt;())</c>.
                /// </summary>
                {{SourceFile.GeneratedCodeAttribute}}
                {{c.Access}} sealed class {{c.Names.OpenApiTransformer}} : global::Microsoft.AspNetCore.OpenApi.IOpenApiOperationTransformer
                {
                    /// <summary>Adds the codes of the endpoint's declared errors to its responses.</summary>
                    /// <param name="operation">The operation.</param>
                    /// <param name="context">The endpoint's description.</param>
                    /// <param name="cancellationToken">Not used.</param>
                    /// <returns>A completed task.</returns>
                    public global::System.Threading.Tasks.Task TransformAsync(global::Microsoft.OpenApi.OpenApiOperation operation, global::Microsoft.AspNetCore.OpenApi.OpenApiOperationTransformerContext context, global::System.Threading.CancellationToken cancellationToken)
                    {
                        global::System.Collections.Generic.HashSet<{{error}}> declared = new global::System.Collections.Generic.HashSet<{{error}}>();
                        global::System.Collections.Generic.HashSet<{{error}}> fields = new global::System.Collections.Generic.HashSet<{{error}}>();
                        foreach (object item in context.Description.ActionDescriptor.EndpointMetadata)
                        {
                            {{metadata}}{{q}} errors = item as {{metadata}};
                            if (errors != null)
                            {
                                foreach ({{error}} error in errors.Errors)
                                {
                                    if (error != null)
                                    {
                                        (errors.IsValidation ? fields : declared).Add(error);
                                    }
                                }
                            }
                        }

                        if ((declared.Count == 0 && fields.Count == 0) || operation.Responses == null)
                        {
                            return global::System.Threading.Tasks.Task.CompletedTask;
                        }

                        foreach (global::System.Collections.Generic.KeyValuePair<string, global::Microsoft.OpenApi.IOpenApiResponse> pair in operation.Responses)
                        {
                            global::Microsoft.OpenApi.OpenApiResponse{{q}} response = pair.Value as global::Microsoft.OpenApi.OpenApiResponse;
                            if (response == null)
                            {
                                continue;
                            }

                            global::System.Text.Json.Nodes.JsonArray codes = new global::System.Text.Json.Nodes.JsonArray();
                            global::System.Text.StringBuilder names = new global::System.Text.StringBuilder();
                            foreach ({{error}} error in {{errors}}.All)
                            {
                                if ((declared.Contains(error) && error.HttpStatus.ToString(global::System.Globalization.CultureInfo.InvariantCulture) == pair.Key) || (pair.Key == "400" && fields.Contains(error)))
                                {
                                    global::System.Text.Json.Nodes.JsonObject entry = new global::System.Text.Json.Nodes.JsonObject();
                                    entry["code"] = error.Code;
                                    entry["message"] = error.MessageTemplate;
                                    codes.Add((global::System.Text.Json.Nodes.JsonNode)entry);
                                    names.Append(names.Length == 0 ? string.Empty : ", ").Append(error.Code);
                                }
                            }

                            if (codes.Count == 0)
                            {
                                continue;
                            }

                            if (pair.Key == "400" && fields.Count > 0)
                            {
                                DescribeValidationBody(response);
                            }

                            if (response.Extensions == null)
                            {
                                response.Extensions = new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiExtension>();
                            }

                            // Another catalog's transformer may have listed its codes already: append to them.
                            global::Microsoft.OpenApi.IOpenApiExtension{{q}} existing;
                            global::Microsoft.OpenApi.JsonNodeExtension{{q}} earlier = response.Extensions.TryGetValue("x-error-codes", out existing) ? existing as global::Microsoft.OpenApi.JsonNodeExtension : null;
                            global::System.Text.Json.Nodes.JsonArray{{q}} list = earlier != null ? earlier.Node as global::System.Text.Json.Nodes.JsonArray : null;
                            if (list == null)
                            {
                                list = new global::System.Text.Json.Nodes.JsonArray();
                                response.Extensions["x-error-codes"] = new global::Microsoft.OpenApi.JsonNodeExtension(list);
                            }

                            while (codes.Count > 0)
                            {
                                global::System.Text.Json.Nodes.JsonNode{{q}} moved = codes[0];
                                codes.RemoveAt(0);
                                list.Add(moved);
                            }

                            string text = "Error codes: " + names.ToString() + ".";
                            response.Description = string.IsNullOrEmpty(response.Description) ? text : response.Description.TrimEnd('.') + ". " + text;
                        }

                        return global::System.Threading.Tasks.Task.CompletedTask;
                    }

                    /// <summary>The validation answer's schema: the first error's members, <c>errors</c> (field → messages) and <c>violations</c>.</summary>
                    private static void DescribeValidationBody(global::Microsoft.OpenApi.OpenApiResponse response)
                    {
                        global::Microsoft.OpenApi.OpenApiSchema messages = Schema(global::Microsoft.OpenApi.JsonSchemaType.Array);
                        messages.Items = Schema(global::Microsoft.OpenApi.JsonSchemaType.String);
                        global::Microsoft.OpenApi.OpenApiSchema errors = Schema(global::Microsoft.OpenApi.JsonSchemaType.Object);
                        errors.AdditionalProperties = messages;
                        global::Microsoft.OpenApi.OpenApiSchema violations = Schema(global::Microsoft.OpenApi.JsonSchemaType.Array);
                        violations.Items = Object(new[] { "field", "error_code", "error_msg" }, Schema(global::Microsoft.OpenApi.JsonSchemaType.String), Schema(global::Microsoft.OpenApi.JsonSchemaType.String), Schema(global::Microsoft.OpenApi.JsonSchemaType.String));
                        global::Microsoft.OpenApi.OpenApiSchema body = Object(
                            new[] { "type", "title", "status", "detail", "error_code", "error_msg", "errors", "violations" },
                            Schema(global::Microsoft.OpenApi.JsonSchemaType.String), Schema(global::Microsoft.OpenApi.JsonSchemaType.String), Schema(global::Microsoft.OpenApi.JsonSchemaType.Integer),
                            Schema(global::Microsoft.OpenApi.JsonSchemaType.String), Schema(global::Microsoft.OpenApi.JsonSchemaType.String), Schema(global::Microsoft.OpenApi.JsonSchemaType.String), errors, violations);
                        global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.OpenApiMediaType> content = new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.OpenApiMediaType>();
                        if (response.Content != null)
                        {
                            foreach (global::System.Collections.Generic.KeyValuePair<string, global::Microsoft.OpenApi.OpenApiMediaType> media in response.Content)
                            {
                                content[media.Key] = media.Value;
                            }
                        }

                        global::Microsoft.OpenApi.OpenApiMediaType problem = new global::Microsoft.OpenApi.OpenApiMediaType();
                        problem.Schema = body;
                        content["application/problem+json"] = problem;
                        response.Content = content;
                    }

                    private static global::Microsoft.OpenApi.OpenApiSchema Object(string[] names, params global::Microsoft.OpenApi.IOpenApiSchema[] schemas)
                    {
                        global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiSchema> properties = new global::System.Collections.Generic.Dictionary<string, global::Microsoft.OpenApi.IOpenApiSchema>();
                        for (int i = 0; i < names.Length; i++)
                        {
                            properties[names[i]] = schemas[i];
                        }

                        global::Microsoft.OpenApi.OpenApiSchema schema = Schema(global::Microsoft.OpenApi.JsonSchemaType.Object);
                        schema.Properties = properties;
                        return schema;
                    }

                    private static global::Microsoft.OpenApi.OpenApiSchema Schema(global::Microsoft.OpenApi.JsonSchemaType type)
                    {
                        global::Microsoft.OpenApi.OpenApiSchema schema = new global::Microsoft.OpenApi.OpenApiSchema();
                        schema.Type = type;
                        return schema;
                    }
                }
                """);
            return SourceFile.End(w, c.Options);
        }
    }
}
