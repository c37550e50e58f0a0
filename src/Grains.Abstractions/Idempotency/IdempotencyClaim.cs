namespace TicketPlatform.Idempotency;

/// <summary>
/// A POST's <c>Idempotency-Key</c> as its caller sent it, with the fingerprint of the request (method, path, body).
/// Carried to the grains in the Orleans request context, so the store that commits the request's effect records the
/// key in that same transaction.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.IdempotencyClaim")]
public sealed record IdempotencyClaim([property: Id(0)] Guid Caller, [property: Id(1)] string Key, [property: Id(2)] string Fingerprint)
{
    public const string ContextKey = "tp.idempotency-key";

    /// <summary>The claim of the request the current grain call serves; null when it sent no key.</summary>
    public static IdempotencyClaim? Current => RequestContext.Get(ContextKey) as IdempotencyClaim;

    /// <summary>The grain that leases the key while its first request runs: one per caller and key.</summary>
    public string GrainKey => $"{Caller:N}:{Key}";

    /// <summary>Names this claim for the grain calls made until the returned scope is disposed.</summary>
    public IDisposable Use()
    {
        RequestContext.Set(ContextKey, this);
        return new Scope();
    }

    private sealed class Scope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(ContextKey);
    }
}
