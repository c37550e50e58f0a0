namespace TicketPlatform.Events;

/// <summary>
/// Told after a ticket's events (and their outbox entry) are committed: how an outbound module learns at once that the
/// outbox has work. It must return at once; the outbox, not this call, is what makes delivery durable.
/// </summary>
public interface ICommittedEventsListener
{
    void Committed();
}
