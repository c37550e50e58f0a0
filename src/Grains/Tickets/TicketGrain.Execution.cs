using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>The command pipeline every mutation of <see cref="TicketGrain"/> goes through.</summary>
internal sealed partial class TicketGrain
{
    /// <summary>
    /// Decides a command against the committed state and commits what it recorded. When the version fence
    /// shows another writer got there first, the state is reloaded and the command decided once more.
    /// </summary>
    private Task<Result<TicketView>> Execute(Actor actor, DomainError? invalid, Func<TicketChange, DomainError?> decide) =>
        Execute(actor, invalid, decide, ticket => ticket.ToView(actor));

    /// <summary>As above, answering with what <paramref name="answer"/> makes of the state after the command.</summary>
    private Task<Result<T>> Execute<T>(Actor actor, DomainError? invalid, Func<TicketChange, DomainError?> decide, Func<TicketState, T> answer) =>
        ExecuteReading(actor, invalid, change => Task.FromResult(decide(change)), answer);

    /// <summary>
    /// As above, for a command that decides on rows of the database (a message, its attachments): <paramref name="decide"/>
    /// reads them in every attempt, so a retry after a lost fence decides on what the other writer committed, never on
    /// rows read before it.
    /// </summary>
    private async Task<Result<T>> ExecuteReading<T>(
        Actor actor, DomainError? invalid, Func<TicketChange, Task<DomainError?>> decide, Func<TicketState, T> answer)
    {
        if (invalid is not null)
        {
            return invalid;
        }

        for (var attempt = 0; ; attempt++)
        {
            if (_ticket is null)
            {
                return DomainError.NotFound("Ticket");
            }

            if (StaleVersionNamed(actor) is { } stale)
            {
                return stale;
            }

            await LoadPendingInvitations();
            var change = new TicketChange(_ticket, actor, clock.Now());
            if (await decide(change) is { } refused)
            {
                return refused;
            }

            CancelMootInvitations(change);
            if (!change.HasChanges)
            {
                return answer(_ticket);
            }

            if (await store.TryCommit(change))
            {
                _ticket = change.After;
                Publish(change);
                KeepCommittedInvitations(change);
                return answer(_ticket);
            }

            _ticket = await store.Load(Number);
            _pendingInvitations = null;
            if (attempt > 0)
            {
                return DomainError.Conflict("The ticket was changed concurrently; try again.");
            }
        }
    }

    private DomainError? Visible(Actor actor) =>
        _ticket is null || !_ticket.Decide(actor, TicketRight.View).Allowed ? DomainError.NotFound("Ticket") : null;

    /// <summary>Turns the policy's refusal of <paramref name="right"/> into the API's error for it.</summary>
    private static DomainError? Refuse(TicketChange change, TicketRight right)
    {
        var decision = change.Before.Decide(change.Actor, right);
        return decision.Allowed ? null : decision.Reason switch
        {
            AccessReasons.NotParticipant => DomainError.NotFound("Ticket"),
            AccessReasons.Archived => DomainError.Archived(),
            AccessReasons.Locked => DomainError.Locked(LockedField(right)),
            AccessReasons.Status when right is TicketRight.ChangeStatus or TicketRight.Reopen =>
                InvalidTransition(change.Before.Status, to: null, allowed: []),
            AccessReasons.Status => DomainError.Conflict($"Not possible while the ticket is {EnumText.Of(change.Before.Status)}.", AccessReasons.Status),
            _ => DomainError.Forbidden($"You may not {Describe(right)} on this ticket.", decision.Reason),
        };
    }

    private static DomainError InvalidTransition(TicketStatus from, TicketStatus? to, IReadOnlyList<TicketStatus> allowed) => DomainError.InvalidTransition(
        to is { } target
            ? $"A ticket cannot go from {EnumText.Of(from)} to {EnumText.Of(target)} by you."
            : $"This status change is not possible from {EnumText.Of(from)}.",
        [.. allowed.Select(EnumText.Of)]);

    private static string LockedField(TicketRight right) => right switch
    {
        TicketRight.ChangePriority => "priority",
        TicketRight.ChangeCategory => "category",
        _ => "assignment",
    };

    private static string Describe(TicketRight right) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(right.ToString());
}
