using Orleans.Concurrency;
using TicketPlatform.Common;

namespace TicketPlatform.Invitations;

/// <summary>
/// Resolves an invitation id to its ticket with one indexed read; the ticket's grain decides and writes.
/// Holds no state, so it is reentrant: a few local workers do not queue every caller behind one ticket's commit.
/// </summary>
[StatelessWorker, Reentrant]
internal sealed class InvitationsGrain(InvitationStore invitations, Clock clock) : Grain, IInvitationsGrain
{
    private const int DueTicketsPerCaller = 100;

    /// <summary>The caller's invitations; those past their deadline are expired by their tickets first, so none shows as PENDING.</summary>
    public async Task<Result<Page<InvitationView>>> Mine(Actor actor, InvitationListQuery query)
    {
        if (Paging.Check<(DateTimeOffset CreatedAt, Guid Id)>(query.Limit, query.Cursor, Cursor.TryDecodeCreation, out var after) is { } invalid)
        {
            return invalid;
        }

        var due = await invitations.TicketsWithDue(clock.Now(), DueTicketsPerCaller, actor.UserId);
        await Task.WhenAll(due.Select(number => GrainFactory.GetGrain<ITicketInvitationsGrain>(number).ExpireInvitations()));
        return await invitations.ListOfInvitee(actor.UserId, query, after);
    }

    public Task<Result<InvitationView>> Get(Actor actor, Guid invitationId) =>
        OnTicketOf(invitationId, ticket => ticket.GetInvitation(actor, invitationId));

    public Task<Result<InvitationView>> Accept(Actor actor, Guid invitationId) =>
        OnTicketOf(invitationId, ticket => ticket.AcceptInvitation(actor, invitationId));

    public Task<Result<InvitationView>> Decline(Actor actor, Guid invitationId) =>
        OnTicketOf(invitationId, ticket => ticket.DeclineInvitation(actor, invitationId));

    public Task<Result<InvitationView>> Cancel(Actor actor, Guid invitationId) =>
        OnTicketOf(invitationId, ticket => ticket.CancelInvitation(actor, invitationId));

    private async Task<Result<InvitationView>> OnTicketOf(Guid invitationId, Func<ITicketInvitationsGrain, Task<Result<InvitationView>>> call) =>
        await invitations.TicketOf(invitationId) is { } number
            ? await call(GrainFactory.GetGrain<ITicketInvitationsGrain>(number))
            : DomainError.NotFound("Invitation");
}
