using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Tickets;

/// <summary>Assign, claim, unassign: staff only, refused while the assignment is locked.</summary>
internal sealed partial class TicketGrain
{
    public async Task<Result<TicketView>> Assign(Actor actor, AssignTicket command)
    {
        var assignee = await users.Find(command.AssigneeId);
        var invalid = assignee is { IsActiveStaff: true } ? null : DomainError.Validation("assigneeId", "The assignee must be an active AGENT or ADMIN.");
        return await Execute(actor, invalid, change => AssignTo(change, command.AssigneeId));
    }

    public Task<Result<TicketView>> Claim(Actor actor) => Execute(actor, invalid: null, change => AssignTo(change, actor.UserId));

    public Task<Result<TicketView>> Unassign(Actor actor) => Execute(actor, invalid: null, change =>
    {
        if (Refuse(change, TicketRight.Assign) is { } refused)
        {
            return refused;
        }

        if (change.Before.AssigneeId is not { } from)
        {
            return null;
        }

        change.EnrolActingStaff();
        change.Apply(t => t with { AssigneeId = null });
        change.Record(TicketEventType.Unassigned, new Change<Guid?>(from, null));
        return null;
    });

    private static DomainError? AssignTo(TicketChange change, Guid assigneeId)
    {
        if (Refuse(change, TicketRight.Assign) is { } refused)
        {
            return refused;
        }

        var from = change.Before.AssigneeId;
        if (from == assigneeId)
        {
            return null;
        }

        change.EnrolActingStaff();
        change.EnrolStaff(assigneeId);
        change.Apply(t => t with { AssigneeId = assigneeId });
        change.Record(TicketEventType.Assigned, new Change<Guid?>(from, assigneeId));
        return null;
    }
}
