using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// An endpoint that answers one status with one of several shapes (<c>Results&lt;Ok&lt;StaffUserView&gt;, Ok&lt;UserView&gt;&gt;</c>)
/// documents them all (<c>anyOf</c>); the generator alone keeps only one.
/// </summary>
internal sealed class AlternativeResponsesTransformer : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var alternativesByStatus = context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>()
            .Where(m => m.Type is not null && m.Type != typeof(void))
            .GroupBy(m => m.StatusCode, m => m.Type!)
            .Where(g => g.Distinct().Count() > 1);
        foreach (var alternatives in alternativesByStatus)
        {
            var status = alternatives.Key.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.GetValueOrDefault(status) is not OpenApiResponse { Content: { } content })
            {
                continue;
            }

            var schemas = new List<IOpenApiSchema>();
            foreach (var type in alternatives.Distinct())
            {
                schemas.Add(await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
            }

            foreach (var media in content.Values)
            {
                media.Schema = new OpenApiSchema { AnyOf = schemas };
            }
        }
    }
}
