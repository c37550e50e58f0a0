using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Participants;

namespace TicketPlatform.Tickets;

/// <summary>
/// Participants: the requester and staff manage them; anyone but the requester and the assignee may leave.
/// A flag change is PERSONAL: visible to that participant, its actor and staff.
/// </summary>
internal sealed partial class TicketGrain : ITicketParticipantsGrain
{
    /// <summary>In the order they joined, ties broken by user id.</summary>
    public Task<Result<Page<ParticipantView>>> GetParticipants(Actor actor, PageRequest page) => Task.FromResult(Visible(actor) is { } hidden
        ? hidden
        : Paging.InMemory(_ticket!.ToView(actor).Participants!, page, p => Cursor.KeyOfCreation(p.JoinedAt, p.UserId)));

    public async Task<Result<ParticipantView>> AddParticipant(Actor actor, AddParticipant command)
    {
        var user = await users.Find(command.UserId);
        var invalid = user is { Active: true } ? null : DomainError.Validation("userId", "No active user has this id.");
        var result = await Execute(actor, invalid, change =>
        {
            if (Refuse(change, TicketRight.ManageParticipants) is { } refused)
            {
                return refused;
            }

            if (change.Before.Participants.ContainsKey(command.UserId))
            {
                return DomainError.Conflict("The user is already a participant.", "ALREADY_PARTICIPANT");
            }

            change.EnrolActingStaff();
            var participant = new Participant(command.UserId, ParticipantRole.Participant, command.CanEdit, command.CanComment, change.Now);
            change.UpsertParticipant(participant);
            change.Record(TicketEventType.ParticipantAdded, new ParticipantAddedPayload(participant.UserId, participant.Role, participant.CanEdit, participant.CanComment));
            return null;
        });
        return ParticipantOf(result, command.UserId);
    }

    public async Task<Result<ParticipantView>> ChangeParticipant(Actor actor, ChangeParticipant command)
    {
        var invalid = command is { CanEdit: null, CanComment: null } ? DomainError.Validation("canEdit", "Give canEdit, canComment or both.") : null;
        var result = await Execute(actor, invalid, change =>
        {
            if (Refuse(change, TicketRight.ManageParticipants) is { } refused)
            {
                return refused;
            }

            if (!change.Before.Participants.TryGetValue(command.UserId, out var current) || current.Role == ParticipantRole.Requester)
            {
                return current is null ? DomainError.NotFound("Participant") : DomainError.Conflict("The requester's permissions cannot change.");
            }

            var updated = current with { CanEdit = command.CanEdit ?? current.CanEdit, CanComment = command.CanComment ?? current.CanComment };
            if (updated == current)
            {
                return null;
            }

            change.EnrolActingStaff();
            change.UpsertParticipant(updated);
            change.Record(
                TicketEventType.ParticipantPermissionsChanged,
                new ParticipantPermissionsPayload(
                    current.UserId,
                    updated.CanEdit == current.CanEdit ? null : new Change<bool>(current.CanEdit, updated.CanEdit),
                    updated.CanComment == current.CanComment ? null : new Change<bool>(current.CanComment, updated.CanComment)),
                EventVisibility.Personal,
                subjectId: current.UserId);
            return null;
        });
        return ParticipantOf(result, command.UserId);
    }

    public async Task<Result<bool>> RemoveParticipant(Actor actor, Guid userId)
    {
        var result = await Execute(actor, invalid: null, change =>
        {
            var leaving = userId == actor.UserId;
            if ((leaving ? Refuse(change, TicketRight.View) ?? RefuseArchived(change) : Refuse(change, TicketRight.ManageParticipants)) is { } refused)
            {
                return refused;
            }

            if (!change.Before.Participants.TryGetValue(userId, out var participant))
            {
                return DomainError.NotFound("Participant");
            }

            if (participant.Role == ParticipantRole.Requester || change.Before.AssigneeId == userId)
            {
                return DomainError.Conflict("The requester and the assignee cannot be removed.", "PROTECTED_PARTICIPANT");
            }

            if (!leaving)
            {
                change.EnrolActingStaff();
            }

            change.RemoveParticipant(participant);
            change.Record(leaving ? TicketEventType.ParticipantLeft : TicketEventType.ParticipantRemoved, new ParticipantGonePayload(userId));
            return null;
        });
        return result.IsSuccess ? true : result.Error!;
    }

    private static DomainError? RefuseArchived(TicketChange change) => change.Before.Archived ? DomainError.Archived() : null;

    private static Result<ParticipantView> ParticipantOf(Result<TicketView> result, Guid userId) =>
        result.IsSuccess ? result.Value!.Participants!.Single(p => p.UserId == userId) : result.Error!;
}
