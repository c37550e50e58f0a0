using TicketPlatform.Common;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Tickets;

/// <summary>A command waiting in the ticket's queue, and what deciding it gave.</summary>
internal sealed class QueuedCommand(Actor actor, int? expectedVersion, IdempotencyClaim? idempotency, Func<TicketChange, Task<DomainError?>> decide)
{
    public Actor Actor => actor;

    /// <summary>The Idempotency-Key of the request the command serves, recorded in the commit of its change.</summary>
    public IdempotencyClaim? Idempotency => idempotency;

    /// <summary>The version the caller named (If-Match), taken from its request when it queued.</summary>
    public int? ExpectedVersion => expectedVersion;

    public Func<TicketChange, Task<DomainError?>> Decide => decide;

    public TaskCompletionSource<Result<TicketState>> Outcome { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Commits this command's decisions were part of that lost to another writer.</summary>
    public int Attempts { get; private set; }

    /// <summary>Decided and committed in a batch of its own (after a batch it was in lost).</summary>
    public bool Alone => Attempts > 0;

    public DomainError? Refusal { get; private set; }

    public TicketState? StateAfter { get; private set; }

    public void Decided(DomainError? refusal, TicketState? after) => (Refusal, StateAfter) = (refusal, after);

    public void Lost()
    {
        Attempts++;
        (Refusal, StateAfter) = (null, null);
    }
}
