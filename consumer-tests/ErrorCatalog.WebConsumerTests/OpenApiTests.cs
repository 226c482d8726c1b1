using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Acme.Shop;
using HuaweiCloud.CodeArtsReq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.OpenApi;
using Xunit;

namespace ErrorCatalog.WebConsumerTests
{
    /// <summary>
    /// The API description knows the catalog: a real app serves <c>/openapi/v1.json</c>; read with
    /// Microsoft.OpenApi, each endpoint that declared errors (<c>ProducesErrors</c>) has a problem+json
    /// response per status whose <c>x-error-codes</c> lists code and message in catalog order.
    /// </summary>
    public sealed class OpenApiTests
    {
        [Fact]
        public async Task Declared_errors_become_responses_with_their_codes_in_the_served_document()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Services.AddOpenApi(o => o.AddOperationTransformer<CodeArtsReqOpenApiTransformer>().AddOperationTransformer<ShopOpenApiTransformer>());
            await using WebApplication app = builder.Build();
            app.MapOpenApi();
            CodeArtsReqError notFound = CodeArtsReqErrors.All.First(e => e.HttpStatus == 404);
            CodeArtsReqError[] badRequests = CodeArtsReqErrors.All.Where(e => e.HttpStatus == 400).Take(3).Reverse().ToArray();
            app.MapPost("/issues", () => Results.Ok()).ProducesErrors(badRequests.Concat(new[] { notFound, badRequests[0] }).ToArray());
            app.MapGet("/orders", () => Results.Ok()).ProducesErrors(ShopErrors.InvalidQuantity).ProducesErrors(CodeArtsReqErrors.InvalidFieldValue);
            app.MapGroup("/shop").ProducesErrors(ShopErrors.ItemNotFound).MapGet("/items/{id}", (string id) => Results.Ok(id));
            app.MapGet("/plain", () => Results.Ok());
            Uri address = await Loopback.StartAsync(app);
            using var client = new HttpClient { BaseAddress = address };
            string json = await client.GetStringAsync("/openapi/v1.json");
            await app.StopAsync();

            OpenApiDocument document = OpenApiDocument.Parse(json, "json").Document!;

            // One problem+json response per distinct status; the codes in catalog order, each once.
            OpenApiOperation issues = document.Paths["/issues"].Operations![HttpMethod.Post];
            string[] catalogOrder = CodeArtsReqErrors.All.Where(e => badRequests.Contains(e)).Select(e => e.Code).ToArray();
            Assert.Equal(catalogOrder, Codes(issues, "400").Select(c => c.Code));
            Assert.Equal(CodeArtsReqErrors.All.Where(e => badRequests.Contains(e)).Select(e => e.MessageTemplate), Codes(issues, "400").Select(c => c.Message));
            Assert.Equal(new[] { notFound.Code }, Codes(issues, "404").Select(c => c.Code));
            Assert.Contains("application/problem+json", issues.Responses!["400"].Content!.Keys);
            Assert.Equal("Bad Request. Error codes: " + string.Join(", ", catalogOrder) + ".", issues.Responses["400"].Description); // the framework's description, then ours

            // Two catalogs on one endpoint share the 400 response; a group's errors reach its endpoints.
            OpenApiOperation orders = document.Paths["/orders"].Operations![HttpMethod.Get];
            Assert.Equal(new[] { "PM.02175201", "SH.0001" }, Codes(orders, "400").Select(c => c.Code).OrderBy(c => c, StringComparer.Ordinal));
            OpenApiOperation items = document.Paths["/shop/items/{id}"].Operations![HttpMethod.Get];
            Assert.Equal(new[] { "SH.0002" }, Codes(items, "404").Select(c => c.Code));

            // An endpoint without errors is untouched.
            OpenApiOperation plain = document.Paths["/plain"].Operations![HttpMethod.Get];
            Assert.Equal(new[] { "200" }, plain.Responses!.Keys);
            Assert.True(plain.Responses["200"].Extensions == null || !plain.Responses["200"].Extensions!.ContainsKey("x-error-codes"));
        }

        [Fact]
        public async Task Declared_validation_errors_document_the_400_answer_with_their_codes_and_its_schema()
        {
            WebApplicationBuilder builder = Loopback.Builder();
            builder.Services.AddOpenApi(o => o.AddOperationTransformer<CodeArtsReqOpenApiTransformer>());
            await using WebApplication app = builder.Build();
            app.MapOpenApi();
            app.MapPost("/issues", () => Results.Ok())
                .ProducesValidationErrors(CodeArtsReqErrors.MissingRequiredField, CodeArtsReqErrors.InvalidFieldValue)
                .ProducesErrors(CodeArtsReqErrors.ResourceNotFound);
            Uri address = await Loopback.StartAsync(app);
            using var client = new HttpClient { BaseAddress = address };
            string json = await client.GetStringAsync("/openapi/v1.json");
            await app.StopAsync();

            OpenApiOperation issues = OpenApiDocument.Parse(json, "json").Document!.Paths["/issues"].Operations![HttpMethod.Post];
            Assert.Equal(new[] { "PM.02175200", "PM.02175201" }, Codes(issues, "400").Select(c => c.Code)); // catalog order
            Assert.Equal(new[] { "PM.02175005" }, Codes(issues, "404").Select(c => c.Code));
            IOpenApiSchema body = issues.Responses!["400"].Content!["application/problem+json"].Schema!;
            Assert.Contains("errors", body.Properties!.Keys);
            Assert.Contains("violations", body.Properties.Keys);
            Assert.Contains("error_code", body.Properties.Keys);
            Assert.Equal(JsonSchemaType.Array, body.Properties["violations"].Type);
            Assert.Equal(new[] { "field", "error_code", "error_msg" }, body.Properties["violations"].Items!.Properties!.Keys);
            Assert.Equal(JsonSchemaType.Array, body.Properties["errors"].AdditionalProperties!.Type);
        }

        private static (string Code, string Message)[] Codes(OpenApiOperation operation, string status)
        {
            IOpenApiResponse response = operation.Responses![status];
            var extension = (JsonNodeExtension)response.Extensions!["x-error-codes"];
            return extension.Node.AsArray().Select(n => (n!["code"]!.GetValue<string>(), n["message"]!.GetValue<string>())).ToArray();
        }
    }
}
