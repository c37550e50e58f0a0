using System.Collections.Immutable;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Invitations;

/// <summary>
/// The ticket's PENDING invitations, held in its state (<see cref="TicketState.PendingInvitations"/>), and the rules that
/// keep them true, applied in the same commit as the change that breaks them: whoever joins the ticket by any other
/// means has their pending invitation cancelled, and an inviter who leaves or is removed takes their pending invitations along.
/// </summary>
internal sealed class InvitationsModule(InvitationStore store) : ITicketModule
{
    public async Task<TicketState> Load(TicketState loaded) =>
        loaded with { PendingInvitations = (await store.PendingOf(loaded.Number)).ToImmutableDictionary(i => i.Id) };

    /// <summary>Cancels the pending invitations the change made moot: of invitees who joined, and of inviters who are gone.</summary>
    public Task Decided(TicketChange change)
    {
        CancelInvitationsOfJoined(change);
        CancelInvitationsOfGoneInviters(change);
        return Task.CompletedTask;
    }

    /// <summary>Stages a new PENDING invitation.</summary>
    public static void Send(TicketChange change, InvitationView invitation)
    {
        change.Stage(InvitationStore.Upsert(invitation));
        change.Apply(t => t with { PendingInvitations = t.PendingInvitations.SetItem(invitation.Id, invitation) });
    }

    public static InvitationView Cancel(TicketChange change, InvitationView invitation, string reason)
    {
        var cancelled = Close(change, invitation, InvitationStatus.Cancelled, reason);
        change.Record(TicketEventType.InvitationCancelled, new InvitationCancelledPayload(invitation.Id, invitation.InviteeId, reason));
        return cancelled;
    }

    /// <summary>Stages the invitation leaving PENDING; <c>respondedAt</c> is when it did, whoever closed it.</summary>
    public static InvitationView Close(TicketChange change, InvitationView invitation, InvitationStatus status, string? reason = null)
    {
        var closed = invitation with { Status = status, RespondedAt = change.Now, CancelReason = reason };
        change.Stage(InvitationStore.Upsert(closed));
        change.Apply(t => t with { PendingInvitations = t.PendingInvitations.Remove(invitation.Id) });
        return closed;
    }

    /// <summary>
    /// Cancels the pending invitation of every invitee the change made a participant without accepting it; staff who
    /// joined through an internal action only count once they join visibly (a USER must not learn of the note).
    /// </summary>
    private static void CancelInvitationsOfJoined(TicketChange change)
    {
        var joined = change.After.PendingInvitations.Values
            .Where(i => change.After.Participants.ContainsKey(i.InviteeId))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToList();
        foreach (var invitation in joined)
        {
            var reason = change.After.Participants[invitation.InviteeId].Role == ParticipantRole.Staff
                ? InvitationReasons.StaffJoined
                : InvitationReasons.AddedDirectly;
            Cancel(change, invitation, reason);
        }
    }

    /// <summary>
    /// An invitation stands on its inviter being on the ticket: cancels the pending invitations of every participant the
    /// change removed (INVITER_LEFT when they left themselves, INVITER_REMOVED when someone else removed them).
    /// </summary>
    private static void CancelInvitationsOfGoneInviters(TicketChange change)
    {
        var orphaned = change.After.PendingInvitations.Values
            .Where(i => change.Before.Participants.ContainsKey(i.InviterId) && !change.After.Participants.ContainsKey(i.InviterId))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToList();
        foreach (var invitation in orphaned)
        {
            var reason = invitation.InviterId == change.Actor.UserId ? InvitationReasons.InviterLeft : InvitationReasons.InviterRemoved;
            Cancel(change, invitation, reason);
        }
    }
}
