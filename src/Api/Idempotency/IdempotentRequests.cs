using Microsoft.Extensions.Primitives;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Common;
using TicketPlatform.Api.Errors;
using TicketPlatform.Common;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Api.Idempotency;

/// <summary>
/// <c>Idempotency-Key</c> on every POST. The key's grain leases it to the first request (a second one meanwhile is 409
/// IDEMPOTENCY_IN_FLIGHT); the request runs with the key in the Orleans request context, so the store committing its
/// effect records the key in that transaction; a 2xx answer is then stored on the key and replayed, with
/// <c>Idempotent-Replayed: true</c>, to the same request later. Another request with the key is 422 IDEMPOTENCY_KEY_REUSED.
/// Runs after authorization (the caller is the local user) and before the preconditions (a replay answers as the
/// first time, whatever changed since). Only the API's POSTs: the SignalR negotiation is no resource to replay.
/// </summary>
internal sealed partial class IdempotentRequests(RequestDelegate next, GrainReferences grains, ILogger<IdempotentRequests> logger)
{
    // A request without a key is handed on without an async frame of its own: the hot read passes here too.
    public Task InvokeAsync(HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/api")
        && context.Request.Headers.TryGetValue(IdempotencyKeyHeader.Name, out var values) && context.User.LocalUserId() is { } userId
            ? InvokeKeyed(context, values, userId)
            : next(context);

    private async Task InvokeKeyed(HttpContext context, StringValues values, string userId)
    {
        if (values.Count != 1 || !IdempotencyKeyHeader.IsValid(values[0]))
        {
            await Problems.Write(context, StatusCodes.Status400BadRequest, ErrorCodes.Validation, "The request is not valid.",
                "Idempotency-Key must be one value of 1 to 255 visible ASCII characters.",
                new Dictionary<string, string[]> { [IdempotencyKeyHeader.Name] = ["Give 1 to 255 visible ASCII characters."] });
            return;
        }

        var claim = new IdempotencyClaim(Guid.Parse(userId), values[0]!, await RequestFingerprint.Compute(context.Request, context.RequestAborted));
        var key = grains.GetGrain<IIdempotencyGrain>(claim.GrainKey);
        var decision = await key.Begin(claim.Fingerprint);
        switch (decision.Outcome)
        {
            case IdempotencyOutcome.Replay:
                await Replay(context, decision.Response!);
                return;
            case IdempotencyOutcome.Reused:
                await Problems.Write(context, StatusCodes.Status422UnprocessableEntity, ErrorCodes.IdempotencyKeyReused, "The Idempotency-Key was used for another request.",
                    "This Idempotency-Key was sent with another method, path or body; use a new key for a new request.");
                return;
            case IdempotencyOutcome.InFlight:
                await InFlight(context);
                return;
        }

        await Run(context, claim, key);
    }

    /// <summary>Runs the request with its answer held back: stored on the key (when 2xx) before the client sees it.</summary>
    private async Task Run(HttpContext context, IdempotencyClaim claim, IIdempotencyGrain key)
    {
        var response = context.Response;
        var original = response.Body;
        await using var captured = new MemoryStream();
        response.Body = captured;
        var completed = false;
        try
        {
            using (claim.Use())
            {
                await next(context);
            }

            if (response.StatusCode is >= 200 and < 300)
            {
                completed = await Store(key, claim, response, captured);
            }
        }
        catch (IdempotencyKeyTakenException)
        {
            response.Body = original;
            await InFlight(context);
            return;
        }
        finally
        {
            response.Body = original;
            if (!completed)
            {
                await key.Release(claim.Fingerprint);
            }
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private async Task<bool> Store(IIdempotencyGrain key, IdempotencyClaim claim, HttpResponse response, MemoryStream body)
    {
        try
        {
            await key.Complete(claim.Fingerprint, new StoredResponse(
                response.StatusCode, response.ContentType, response.Headers.Location.FirstOrDefault(), body.ToArray()));
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The effect has happened; the client still gets its answer, only a retry cannot be replayed.
            LogNotStored(logger, e);
            return false;
        }
    }

    private static async Task Replay(HttpContext context, StoredResponse stored)
    {
        var response = context.Response;
        response.StatusCode = stored.Status;
        response.ContentType = stored.ContentType;
        if (stored.Location is { } location)
        {
            response.Headers.Location = location;
        }

        response.Headers[IdempotencyKeyHeader.Replayed] = "true";
        if (stored.Body.Length > 0)
        {
            await response.Body.WriteAsync(stored.Body, context.RequestAborted);
        }
    }

    private static Task InFlight(HttpContext context) => Problems.Write(context, StatusCodes.Status409Conflict, ErrorCodes.IdempotencyInFlight,
        "A request with this Idempotency-Key is in progress.",
        "The first request with this Idempotency-Key has not been answered; retry later for its response.");

    [LoggerMessage(Level = LogLevel.Warning, Message = "The response of an idempotent request could not be stored; a retry with its key will not be replayed")]
    private static partial void LogNotStored(ILogger logger, Exception exception);
}
