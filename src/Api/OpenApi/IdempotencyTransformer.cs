using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using TicketPlatform.Api.Idempotency;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// Documents <c>Idempotency-Key</c> on every POST, with what it can answer: 400 for a malformed key, 422 for a key used
/// by another request, 409 while the first request runs. Runs before <see cref="StandardResponsesTransformer"/>, which
/// gives those statuses their problem body and the successful responses their <c>Idempotent-Replayed</c> header.
/// </summary>
internal sealed class IdempotencyTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (!HttpMethods.IsPost(context.Description.HttpMethod!))
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKeyHeader.Name,
            In = ParameterLocation.Header,
            Description = "Makes a retry safe: the same request again with the same key gets the first answer again (with "
                + "`Idempotent-Replayed: true`) and changes nothing; the key with another method, path or body is 422. "
                + "Keys are kept per caller for `TicketPlatform:Idempotency:Retention` (24 h by default).",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKeyHeader.MaxLength, Pattern = IdempotencyKeyHeader.Pattern,
            },
        });
        operation.Responses ??= [];
        foreach (var status in new[] { StatusCodes.Status400BadRequest, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity })
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse
            {
                Description = StandardResponsesTransformer.Describe(status),
            });
        }

        return Task.CompletedTask;
    }
}
