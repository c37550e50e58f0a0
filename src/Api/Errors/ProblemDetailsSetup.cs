using System.Diagnostics;

namespace TicketPlatform.Api.Errors;

public static class ProblemDetailsSetup
{
    /// <summary>Every error response is RFC 9457 with a <c>code</c>, also those the framework writes (401, 404, 405, 415...).</summary>
    public static IServiceCollection AddTicketPlatformProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            var problem = context.ProblemDetails;
            problem.Extensions.TryAdd("code", CodeOf(problem.Status ?? context.HttpContext.Response.StatusCode));
            problem.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        });
        services.AddExceptionHandler<ApiExceptionHandler>();
        return services;
    }

    private static string CodeOf(int status) => status switch
    {
        400 => "VALIDATION",
        401 => "UNAUTHORIZED",
        403 => "FORBIDDEN",
        404 => "NOT_FOUND",
        405 => "METHOD_NOT_ALLOWED",
        409 => "CONFLICT",
        413 => "PAYLOAD_TOO_LARGE",
        412 => "PRECONDITION_FAILED",
        415 => "UNSUPPORTED_MEDIA_TYPE",
        428 => "PRECONDITION_REQUIRED",
        429 => "RATE_LIMITED",
        503 => "SERVICE_UNAVAILABLE",
        _ when status >= 500 => "INTERNAL",
        _ => "ERROR",
    };
}
