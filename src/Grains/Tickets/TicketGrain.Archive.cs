using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Tickets;

/// <summary>Archive and restore: ADMIN only; an archived ticket is kept whole and refuses every write.</summary>
internal sealed partial class TicketGrain
{
    public Task<Result<TicketView>> Archive(Actor actor) => SetArchived(actor, archived: true);

    public Task<Result<TicketView>> Restore(Actor actor) => SetArchived(actor, archived: false);

    private Task<Result<TicketView>> SetArchived(Actor actor, bool archived) => Execute(actor, invalid: null, change =>
    {
        if (Refuse(change, TicketRight.Archive) is { } refused)
        {
            return refused;
        }

        if (change.Before.Archived == archived)
        {
            return DomainError.Conflict(archived ? "The ticket is already archived." : "The ticket is not archived.");
        }

        change.Apply(t => t with { Archived = archived });
        change.Record(archived ? TicketEventType.TicketArchived : TicketEventType.TicketRestored, new { });
        return null;
    });
}
