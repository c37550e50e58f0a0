using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketPlatform.Api.Preconditions;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// Documents conditional requests where the service honours them: <c>ETag</c> on responses carrying one resource,
/// <c>If-None-Match</c> and 304 on their GETs, <c>If-Match</c>, 412 and 428 on writes under a resource. Runs before
/// <see cref="StandardResponsesTransformer"/>, which gives the problem statuses their body.
/// </summary>
internal sealed class PreconditionsTransformer(ResourceRoutes routes, EndpointDataSource endpoints) : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        var endpoint = endpoints.Endpoints.OfType<RouteEndpoint>().FirstOrDefault(e =>
            string.Equals(e.RoutePattern.RawText?.Trim('/'), description.RelativePath?.Trim('/'), StringComparison.OrdinalIgnoreCase)
            && e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains(description.HttpMethod!, StringComparer.OrdinalIgnoreCase) == true);
        if (endpoint is null)
        {
            return Task.CompletedTask;
        }

        var plan = routes.PlanFor(endpoint);
        var document = context.Document!;
        operation.Responses ??= [];
        if (plan.CarriesResource)
        {
            foreach (var (_, response) in operation.Responses.Where(r => r.Key is "200" or "201"))
            {
                if (response is OpenApiResponse concrete)
                {
                    concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    concrete.Headers[ResponseHeaders.ETag] = new OpenApiHeaderReference(ResponseHeaders.ETag, document);
                }
            }
        }

        if (plan.CarriesResource && HttpMethods.IsGet(description.HttpMethod!))
        {
            AddHeader(operation, "If-None-Match", "Entity tags the client holds; when one still matches, 304 without a body.");
            operation.Responses.TryAdd("304", new OpenApiResponse
            {
                Description = "Not modified: `If-None-Match` names the current entity tag.",
                Headers = new Dictionary<string, IOpenApiHeader> { [ResponseHeaders.ETag] = new OpenApiHeaderReference(ResponseHeaders.ETag, document) },
            });
        }

        if (plan.ResourceRead is not null)
        {
            AddHeader(operation, "If-Match", "The entity tag the change is made against (or `*`); when it is no longer current, 412 and nothing changes.");
            operation.Responses.TryAdd("412", new OpenApiResponse
            {
                Description = StandardResponsesTransformer.Describe(StatusCodes.Status412PreconditionFailed),
                Headers = new Dictionary<string, IOpenApiHeader> { [ResponseHeaders.ETag] = new OpenApiHeaderReference(ResponseHeaders.ETag, document) },
            });
            operation.Responses.TryAdd("428", new OpenApiResponse { Description = StandardResponsesTransformer.Describe(StatusCodes.Status428PreconditionRequired) });
        }

        return Task.CompletedTask;
    }

    private static void AddHeader(OpenApiOperation operation, string name, string description)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = name,
            In = ParameterLocation.Header,
            Description = description,
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
    }
}
