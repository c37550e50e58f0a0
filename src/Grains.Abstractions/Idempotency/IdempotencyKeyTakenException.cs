namespace TicketPlatform.Idempotency;

/// <summary>
/// Thrown inside an effect's transaction (rolling it back) when its key is already recorded for another request or
/// answered: the lease on the key was lost (its grain's silo failed) while another request with the key ran.
/// </summary>
[GenerateSerializer, Alias("tp.IdempotencyKeyTakenException")]
public sealed class IdempotencyKeyTakenException : Exception
{
    public IdempotencyKeyTakenException()
        : base("The Idempotency-Key is already recorded for another request.")
    {
    }

    public IdempotencyKeyTakenException(string message)
        : base(message)
    {
    }

    public IdempotencyKeyTakenException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
