using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// Documents, once for every operation, the problems the shared pipeline can answer with (authentication,
/// binding, lookup, conflicts, overload) and the headers of its successful responses. Every problem body
/// refers to the one <see cref="ProblemSchema"/>.
/// </summary>
internal sealed class StandardResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        operation.Responses ??= [];
        foreach (var status in ProblemStatuses(context.Description))
        {
            operation.Responses.TryAdd(status.ToString(System.Globalization.CultureInfo.InvariantCulture), new OpenApiResponse { Description = Describe(status) });
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
            {
                continue;
            }

            if (status.StartsWith('4') || status.StartsWith('5'))
            {
                concrete.Content = new Dictionary<string, OpenApiMediaType>
                {
                    [ProblemSchema.MediaType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Name, document) },
                };
            }

            foreach (var header in ResponseHeaders.For(status, context.Description))
            {
                concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
                concrete.Headers[header] = new OpenApiHeaderReference(header, document);
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<int> ProblemStatuses(ApiDescription description)
    {
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var parameters = description.ParameterDescriptions;
        if (metadata.OfType<IAllowAnonymous>().Any() is false)
        {
            yield return StatusCodes.Status401Unauthorized;
            yield return StatusCodes.Status403Forbidden;
        }

        var hasBody = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Form)
            || metadata.OfType<MultipartUpload.Marker>().Any();
        if (hasBody || parameters.Any(p => p.Source == BindingSource.Query))
        {
            yield return StatusCodes.Status400BadRequest;
        }

        if (parameters.Any(p => p.Source == BindingSource.Path))
        {
            yield return StatusCodes.Status404NotFound;
        }

        if (!HttpMethods.IsGet(description.HttpMethod!))
        {
            yield return StatusCodes.Status409Conflict;
        }

        if (hasBody)
        {
            yield return StatusCodes.Status413PayloadTooLarge;
            yield return StatusCodes.Status415UnsupportedMediaType;
        }

        if (ResponseHeaders.RateLimited(description))
        {
            yield return StatusCodes.Status429TooManyRequests;
        }

        yield return StatusCodes.Status500InternalServerError;
        yield return StatusCodes.Status503ServiceUnavailable;
    }

    internal static string Describe(int status) => status switch
    {
        400 => "The request is not valid (`VALIDATION`, with `errors` per field).",
        401 => "No valid bearer token (`UNAUTHORIZED`).",
        403 => "The caller may not do this (`FORBIDDEN`, with a `reason`).",
        404 => "Not found, or not visible to the caller (`NOT_FOUND`).",
        409 => "Conflicts with the current state (`CONFLICT`, `INVALID_TRANSITION` with `allowed`, `LOCKED`, `ARCHIVED`, `IDEMPOTENCY_IN_FLIGHT`).",
        412 => "`If-Match` names a version that is no longer current (`PRECONDITION_FAILED`, with `changed`); nothing was changed.",
        413 => "The body is too large (`PAYLOAD_TOO_LARGE`).",
        415 => "The body's media type is not accepted (`UNSUPPORTED_MEDIA_TYPE`).",
        422 => "The `Idempotency-Key` was used for another request (`IDEMPOTENCY_KEY_REUSED`).",
        428 => "This service requires `If-Match` on writes (`PRECONDITION_REQUIRED`).",
        429 => "Too many requests (`RATE_LIMITED`); retry after `Retry-After` seconds.",
        503 => "The cluster or database is unreachable (`SERVICE_UNAVAILABLE`); retry after `Retry-After` seconds.",
        _ => "Internal error (`INTERNAL`).",
    };
}
