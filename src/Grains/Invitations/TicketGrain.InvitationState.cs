using System.Collections.Immutable;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Invitations;
using TicketPlatform.Users;

namespace TicketPlatform.Tickets;

/// <summary>
/// The ticket's PENDING invitations, held in memory like the rest of its state, and the rules that keep them
/// true, applied in the same commit as the change that breaks them: whoever joins the ticket by any other means has
/// their pending invitation cancelled, and an inviter who leaves or is removed takes their pending invitations along.
/// </summary>
internal sealed partial class TicketGrain
{
    /// <summary>The actor of expiries, which no user performs: the empty id (documented in docs/decisions.md).</summary>
    internal static readonly Actor SystemActor = new(Guid.Empty, UserRole.User);

    /// <summary>By id; null until the first command of this activation needs them, and again after a reload.</summary>
    private ImmutableDictionary<Guid, InvitationView>? _pendingInvitations;

    private ImmutableDictionary<Guid, InvitationView> PendingInvitations =>
        _pendingInvitations ?? throw new InvalidOperationException("Pending invitations are read before they were loaded.");

    private async Task LoadPendingInvitations() =>
        _pendingInvitations ??= (await invitations.PendingOf(Number)).ToImmutableDictionary(i => i.Id);

    /// <summary>Cancels the pending invitations the change made moot: of invitees who joined, and of inviters who are gone.</summary>
    private void CancelMootInvitations(TicketChange change)
    {
        CancelInvitationsOfJoined(change);
        CancelInvitationsOfGoneInviters(change);
    }

    /// <summary>
    /// Cancels the pending invitation of every invitee the change made a participant without accepting it; staff who
    /// joined through an internal action only count once they join visibly (a USER must not learn of the note).
    /// </summary>
    private void CancelInvitationsOfJoined(TicketChange change)
    {
        var joined = PendingInvitations.Values
            .Where(i => change.After.Participants.ContainsKey(i.InviteeId) && !IsStaged(change, i.Id))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToList();
        foreach (var invitation in joined)
        {
            var reason = change.After.Participants[invitation.InviteeId].Role == ParticipantRole.Staff
                ? InvitationReasons.StaffJoined
                : InvitationReasons.AddedDirectly;
            CancelInvitation(change, invitation, reason);
        }
    }

    /// <summary>
    /// An invitation stands on its inviter being on the ticket: cancels the pending invitations of every participant the
    /// change removed (INVITER_LEFT when they left themselves, INVITER_REMOVED when someone else removed them).
    /// </summary>
    private void CancelInvitationsOfGoneInviters(TicketChange change)
    {
        var orphaned = PendingInvitations.Values
            .Where(i => change.Before.Participants.ContainsKey(i.InviterId) && !change.After.Participants.ContainsKey(i.InviterId) && !IsStaged(change, i.Id))
            .OrderBy(i => i.CreatedAt).ThenBy(i => i.Id)
            .ToList();
        foreach (var invitation in orphaned)
        {
            var reason = invitation.InviterId == change.Actor.UserId ? InvitationReasons.InviterLeft : InvitationReasons.InviterRemoved;
            CancelInvitation(change, invitation, reason);
        }
    }

    /// <summary>After a successful commit: the invitations it wrote leave or stay in memory by their new status.</summary>
    private void KeepCommittedInvitations(TicketChange change)
    {
        foreach (var write in change.StagedWrites.OfType<InvitationWrite>())
        {
            var invitation = write.Invitation;
            _pendingInvitations = invitation.Status == InvitationStatus.Pending
                ? _pendingInvitations?.SetItem(invitation.Id, invitation)
                : _pendingInvitations?.Remove(invitation.Id);
        }
    }

    private static InvitationView CancelInvitation(TicketChange change, InvitationView invitation, string reason)
    {
        var cancelled = CloseInvitation(change, invitation, InvitationStatus.Cancelled, reason);
        change.Record(TicketEventType.InvitationCancelled, new InvitationCancelledPayload(invitation.Id, invitation.InviteeId, reason));
        return cancelled;
    }

    /// <summary>Stages the invitation leaving PENDING; <c>respondedAt</c> is when it did, whoever closed it.</summary>
    private static InvitationView CloseInvitation(TicketChange change, InvitationView invitation, InvitationStatus status, string? reason = null)
    {
        var closed = invitation with { Status = status, RespondedAt = change.Now, CancelReason = reason };
        change.Stage(new InvitationWrite(closed));
        return closed;
    }

    private static bool IsStaged(TicketChange change, Guid invitationId) =>
        change.StagedWrites.OfType<InvitationWrite>().Any(w => w.Invitation.Id == invitationId);
}
