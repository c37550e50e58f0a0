namespace TicketPlatform.Idempotency;

/// <summary>
/// One caller's one <c>Idempotency-Key</c> (key: <see cref="IdempotencyClaim.GrainKey"/>): leases the key to the first
/// request that names it, so a second one arriving meanwhile is refused, and answers later ones from the stored response.
/// </summary>
[Alias("tp.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>What to do with a request whose fingerprint is <paramref name="fingerprint"/>; <see cref="IdempotencyOutcome.Proceed"/> leases the key to it.</summary>
    [Alias("Begin")]
    Task<IdempotencyDecision> Begin(string fingerprint);

    /// <summary>Stores the successful response of the leased request and ends the lease.</summary>
    [Alias("Complete")]
    Task Complete(string fingerprint, StoredResponse response);

    /// <summary>Ends the lease without storing anything (the request failed): the key may be used again.</summary>
    [Alias("Release")]
    Task Release(string fingerprint);
}

public enum IdempotencyOutcome
{
    /// <summary>First use: run the request.</summary>
    Proceed,

    /// <summary>The same request was answered before: send <see cref="IdempotencyDecision.Response"/> again.</summary>
    Replay,

    /// <summary>The key was used for another request.</summary>
    Reused,

    /// <summary>The first request with this key has not been answered.</summary>
    InFlight,
}

[GenerateSerializer, Immutable, Alias("tp.IdempotencyDecision")]
public sealed record IdempotencyDecision([property: Id(0)] IdempotencyOutcome Outcome, [property: Id(1)] StoredResponse? Response = null);

/// <summary>What a replay sends again: the status, the body as sent and the headers that describe it.</summary>
[GenerateSerializer, Immutable, Alias("tp.StoredResponse")]
public sealed record StoredResponse(
    [property: Id(0)] int Status, [property: Id(1)] string? ContentType, [property: Id(2)] string? Location, [property: Id(3)] byte[] Body);
