using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Tickets;

/// <summary>One ticket, keyed by its number (TCK-YYYY-NNNNN): the single writer of everything on it.</summary>
[Alias("tp.ITicketGrain")]
public interface ITicketGrain : IGrainWithStringKey
{
    [Alias("Open")]
    Task<Result<TicketView>> Open(Actor actor, OpenTicket command);

    [Alias("Get"), ReadOnly]
    Task<Result<TicketView>> Get(Actor actor);

    [Alias("GetPermissions"), ReadOnly]
    Task<Result<TicketPermissions>> GetPermissions(Actor actor);

    [Alias("Edit")]
    Task<Result<TicketView>> Edit(Actor actor, EditTicket command);

    [Alias("ChangeStatus")]
    Task<Result<TicketView>> ChangeStatus(Actor actor, ChangeStatus command);

    [Alias("Reopen")]
    Task<Result<TicketView>> Reopen(Actor actor, ReopenTicket command);

    [Alias("ChangePriority")]
    Task<Result<TicketView>> ChangePriority(Actor actor, ChangePriority command);

    [Alias("ChangeCategory")]
    Task<Result<TicketView>> ChangeCategory(Actor actor, ChangeCategory command);

    [Alias("Assign")]
    Task<Result<TicketView>> Assign(Actor actor, AssignTicket command);

    [Alias("Claim")]
    Task<Result<TicketView>> Claim(Actor actor);

    [Alias("Unassign")]
    Task<Result<TicketView>> Unassign(Actor actor);

    [Alias("ChangeLocks")]
    Task<Result<TicketView>> ChangeLocks(Actor actor, ChangeLocks command);

    [Alias("Archive")]
    Task<Result<TicketView>> Archive(Actor actor);

    [Alias("Restore")]
    Task<Result<TicketView>> Restore(Actor actor);

    [Alias("GetEvents"), ReadOnly]
    Task<Result<Page<TicketEventView>>> GetEvents(Actor actor, TicketEventQuery query);
}
