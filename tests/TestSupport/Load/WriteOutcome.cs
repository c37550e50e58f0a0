namespace TicketPlatform.TestSupport.Load;

/// <summary>One request of a load run, as the client saw it. <see cref="At"/> is when it was sent, from the start of the run.</summary>
public sealed record WriteOutcome(
    string Ticket,
    string Node,
    string Kind,
    TimeSpan At,
    TimeSpan Took,
    int Status,
    bool TimedOut,
    bool IsProblem,
    string? Code,
    bool HasRetryAfter,
    int? Version,
    string? TicketStatus,
    string? Priority)
{
    public bool Succeeded => Status is >= 200 and < 300;

    public bool IsWrite => Kind != WriteLoad.Read;
}
