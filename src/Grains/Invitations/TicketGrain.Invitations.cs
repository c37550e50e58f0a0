using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Invitations;
using TicketPlatform.Participants;
using TicketPlatform.Users;

namespace TicketPlatform.Tickets;

/// <summary>
/// Invitations: sent by those with the Invite right, answered by the invitee, cancelled by the inviter or staff,
/// expired by the system. Every command first expires what is past its deadline, so a touched invitation is never stale.
/// </summary>
internal sealed partial class TicketGrain : ITicketInvitationsGrain
{
    /// <summary>The actor of expiries, which no user performs: the empty id (documented in docs/decisions.md).</summary>
    internal static readonly Actor SystemActor = new(Guid.Empty, UserRole.User);

    public async Task<Result<InvitationView>> Invite(Actor actor, InviteToTicket command)
    {
        var errors = new FieldErrors().OptionalText("message", command.Message, InvitationRules.MaxMessageLength);
        if (await users.Find(command.InviteeId) is not { Active: true })
        {
            errors.Add("inviteeId", "No active user has this id.");
        }

        var invalid = errors.ToError();
        if (invalid is null)
        {
            await ExpireInvitations();
        }

        InvitationView? sent = null;
        var result = await Execute(actor, invalid, change =>
        {
            if ((Refuse(change, TicketRight.Invite) ?? InviteConflict(change, command.InviteeId)) is { } refused)
            {
                return refused;
            }

            change.EnrolActingStaff();
            sent = new InvitationView(
                Guid.NewGuid(), Number, actor.UserId, command.InviteeId, command.CanEdit, command.CanComment, InvitationStatus.Pending,
                InvitationRules.MessageOf(command.Message), change.Now, change.Now + invitationOptions.Value.Expiry, RespondedAt: null);
            InvitationsModule.Send(change, sent);
            change.Record(TicketEventType.InvitationSent, new InvitationSentPayload(sent.Id, sent.InviteeId, sent.CanEdit, sent.CanComment, sent.ExpiresAt));
            return null;
        });
        return result.IsSuccess ? sent! : result.Error!;
    }

    public async Task<Result<Page<InvitationView>>> ListInvitations(Actor actor, InvitationListQuery query)
    {
        var invalid = Paging.Check<(DateTimeOffset CreatedAt, Guid Id)>(query.Limit, query.Cursor, Cursor.TryDecodeCreation, out var after);
        if ((Visible(actor) ?? invalid) is { } refused)
        {
            return refused;
        }

        await ExpireInvitations();
        return await invitations.ListOfTicket(Number, query, after);
    }

    public async Task<Result<InvitationView>> GetInvitation(Actor actor, Guid invitationId)
    {
        await ExpireInvitations();
        return await FindVisibleInvitation(actor, invitationId) is { } invitation ? invitation : DomainError.NotFound("Invitation");
    }

    public async Task<Result<InvitationView>> AcceptInvitation(Actor actor, Guid invitationId)
    {
        var result = await Respond(actor, invitationId, InviteeOnly, (change, invitation) =>
        {
            if (change.Before.Participants.ContainsKey(invitation.InviteeId))
            {
                return InvitationsModule.Cancel(change, invitation, InvitationReasons.AlreadyParticipant);
            }

            var accepted = InvitationsModule.Close(change, invitation, InvitationStatus.Accepted);
            change.Record(TicketEventType.InvitationAccepted, new InvitationAnsweredPayload(invitation.Id, invitation.InviteeId));
            var participant = new Participant(invitation.InviteeId, ParticipantRole.Participant, invitation.CanEdit, invitation.CanComment, change.Now);
            change.UpsertParticipant(participant);
            change.Record(TicketEventType.ParticipantAdded, new ParticipantAddedPayload(participant.UserId, participant.Role, participant.CanEdit, participant.CanComment));
            return accepted;
        });
        return result.Value is { Status: InvitationStatus.Cancelled } cancelled ? NotPending(cancelled) : result;
    }

    public Task<Result<InvitationView>> DeclineInvitation(Actor actor, Guid invitationId) =>
        Respond(actor, invitationId, InviteeOnly, (change, invitation) =>
        {
            var declined = InvitationsModule.Close(change, invitation, InvitationStatus.Declined);
            change.Record(TicketEventType.InvitationDeclined, new InvitationAnsweredPayload(invitation.Id, invitation.InviteeId));
            return declined;
        });

    public Task<Result<InvitationView>> CancelInvitation(Actor actor, Guid invitationId) =>
        Respond(actor, invitationId, InviterOrStaff, (change, invitation) =>
        {
            change.EnrolActingStaff();
            return InvitationsModule.Cancel(change, invitation, InvitationReasons.Withdrawn);
        });

    public async Task<int> ExpireInvitations()
    {
        if (_ticket is null)
        {
            return 0;
        }

        if (!_ticket.PendingInvitations.Values.Any(i => i.ExpiresAt <= clock.Now()))
        {
            return 0;
        }

        var expired = 0;
        await Execute(SystemActor, invalid: null, change =>
        {
            var due = change.Before.PendingInvitations.Values.Where(i => i.ExpiresAt <= change.Now).OrderBy(i => i.ExpiresAt).ThenBy(i => i.Id).ToList();
            foreach (var invitation in due)
            {
                InvitationsModule.Close(change, invitation, InvitationStatus.Expired);
                change.Record(TicketEventType.InvitationExpired, new InvitationAnsweredPayload(invitation.Id, invitation.InviteeId));
            }

            expired = due.Count;
            return null;
        });
        return expired;
    }

    /// <summary>
    /// The invitee's or a manager's answer to a PENDING invitation: 404 for whoever may not see it, 403 for whoever
    /// sees it but may not give this answer, 409 once it is no longer pending or the ticket is archived.
    /// </summary>
    private async Task<Result<InvitationView>> Respond(
        Actor actor, Guid invitationId, Func<Actor, InvitationView, DomainError?> mayRespond, Func<TicketChange, InvitationView, InvitationView> respond)
    {
        await ExpireInvitations();
        if (await FindVisibleInvitation(actor, invitationId) is not { } found)
        {
            return DomainError.NotFound("Invitation");
        }

        if ((mayRespond(actor, found) ?? (found.Status == InvitationStatus.Pending ? null : NotPending(found))) is { } refused)
        {
            return refused;
        }

        InvitationView? outcome = null;
        var result = await Execute(actor, invalid: null, change =>
        {
            if (!change.Before.PendingInvitations.TryGetValue(invitationId, out var invitation))
            {
                return DomainError.Conflict("The invitation is no longer pending.", InvitationReasons.NotPending);
            }

            if (change.Before.Archived)
            {
                return DomainError.Archived();
            }

            outcome = respond(change, invitation);
            return null;
        });
        return result.IsSuccess ? outcome! : result.Error!;
    }

    /// <summary>The invitation if it is on this ticket and the actor is its invitee, its inviter, or can see the ticket.</summary>
    private async Task<InvitationView?> FindVisibleInvitation(Actor actor, Guid invitationId)
    {
        if (_ticket is null)
        {
            return null;
        }

        var invitation = _ticket.PendingInvitations.GetValueOrDefault(invitationId) ?? await invitations.Find(invitationId);
        var visible = invitation is not null && invitation.TicketNumber == Number
            && (actor.UserId == invitation.InviteeId || actor.UserId == invitation.InviterId || Visible(actor) is null);
        return visible ? invitation : null;
    }

    private DomainError? InviteConflict(TicketChange change, Guid inviteeId)
    {
        if (change.Before.Participants.ContainsKey(inviteeId))
        {
            return DomainError.Conflict("The user is already a participant.", InvitationReasons.AlreadyParticipant);
        }

        if (inviteeId == change.Actor.UserId)
        {
            return DomainError.Conflict("You cannot invite yourself.", InvitationReasons.SelfInvitation);
        }

        return change.Before.PendingInvitations.Values.Any(i => i.InviteeId == inviteeId)
            ? DomainError.Conflict("The user already has a pending invitation to this ticket.", InvitationReasons.AlreadyInvited)
            : null;
    }

    private static DomainError? InviteeOnly(Actor actor, InvitationView invitation) => actor.UserId == invitation.InviteeId
        ? null
        : DomainError.Forbidden("Only the invitee may answer an invitation.", InvitationReasons.NotInvitee);

    private static DomainError? InviterOrStaff(Actor actor, InvitationView invitation) => actor.UserId == invitation.InviterId || actor.IsStaff
        ? null
        : DomainError.Forbidden("Only the inviter or staff may cancel an invitation.", InvitationReasons.NotInviter);

    private static DomainError NotPending(InvitationView invitation) => DomainError.Conflict(
        invitation.CancelReason is { } reason
            ? $"The invitation is {EnumText.Of(invitation.Status)} ({reason})."
            : $"The invitation is {EnumText.Of(invitation.Status)}.",
        invitation.CancelReason ?? EnumText.Of(invitation.Status));
}
