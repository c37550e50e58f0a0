namespace TicketPlatform.Idempotency;

/// <summary>Section <c>TicketPlatform:Idempotency</c>: how long keys are kept, and how long a key stays leased to an unanswered request.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "TicketPlatform:Idempotency";

    /// <summary>How long a key is remembered after its request took effect; later the key is free again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How often keys past <see cref="Retention"/> are deleted.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// How long a key stays leased to a request that was neither answered nor failed (its Api node died): a retry with
    /// the key is 409 IDEMPOTENCY_IN_FLIGHT until then. Must exceed the longest request, an upload at the size limit.
    /// </summary>
    public TimeSpan LeaseTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
