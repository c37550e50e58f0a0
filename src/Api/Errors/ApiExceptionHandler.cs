using System.Data.Common;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Errors;

/// <summary>
/// Turns what escapes an endpoint into a problem: unreadable input is the client's 4xx, an unreachable
/// cluster or database is a 503 to retry, anything else a 500 that reveals nothing.
/// </summary>
internal sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    private const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        switch (exception)
        {
            case BadHttpRequestException bad:
                await WriteBadRequest(context, bad);
                return true;
            case TimeoutException or OrleansException or DbException:
                LogUnavailable(logger, exception);
                context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Problems.Write(context, StatusCodes.Status503ServiceUnavailable, "SERVICE_UNAVAILABLE", "Service unavailable.",
                    "The service cannot reach its cluster or database right now; retry shortly.");
                return true;
            default:
                LogUnhandled(logger, exception);
                await Problems.Write(context, StatusCodes.Status500InternalServerError, "INTERNAL", "Internal error.",
                    "Something went wrong on our side.");
                return true;
        }
    }

    private static Task WriteBadRequest(HttpContext context, BadHttpRequestException bad)
    {
        if (bad.StatusCode != StatusCodes.Status400BadRequest)
        {
            return Problems.Write(context, bad.StatusCode, code: null, bad.StatusCode == 413 ? "Payload too large." : "Bad request.", bad.Message);
        }

        var json = bad.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var message = json switch
        {
            null => bad.Message,
            EnumValueException enumValue => enumValue.Message,
            _ => "The value is missing, malformed or of the wrong type.",
        };
        var detail = json is null ? bad.Message : "The request body is not valid JSON of the expected shape.";
        return Problems.Write(context, StatusCodes.Status400BadRequest, "VALIDATION", "The request is not valid.", detail,
            new Dictionary<string, string[]> { [field] = [message] });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request failed: cluster or database unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception")]
    private static partial void LogUnhandled(ILogger logger, Exception exception);
}
