using TicketPlatform.Attachments;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;
using TicketPlatform.Realtime;

namespace TicketPlatform.Tickets;

/// <summary>How a participant row changes in a commit.</summary>
internal enum ParticipantWriteKind
{
    Upsert,
    Delete,
}

internal sealed record ParticipantWrite(ParticipantWriteKind Kind, Participant Participant);

/// <summary>
/// One command's unit of work on a ticket: the next state, the events it records (numbered from the
/// ticket's last seq), the participant rows and the staged rows of other modules it writes, and what its realtime
/// push carries. Committed by <see cref="TicketStore"/> in one transaction, alone or with the changes queued after it.
/// </summary>
internal sealed class TicketChange
{
    private readonly List<NewEvent> _events = [];
    private readonly List<ParticipantWrite> _participantWrites = [];
    private readonly List<SqlStatement> _stagedWrites = [];
    private readonly Dictionary<long, MessageView> _messages = [];
    private readonly Dictionary<long, AttachmentView> _attachments = [];

    public TicketChange(TicketState before, Actor actor, DateTimeOffset now, bool isCreation = false)
    {
        Before = before;
        After = isCreation ? before : before with { Version = before.Version + 1 };
        Actor = actor;
        Now = now;
        IsCreation = isCreation;
    }

    public TicketState Before { get; }

    public TicketState After { get; private set; }

    public Actor Actor { get; }

    public DateTimeOffset Now { get; }

    public bool IsCreation { get; }

    public IReadOnlyList<NewEvent> Events => _events;

    public IReadOnlyList<ParticipantWrite> ParticipantWrites => _participantWrites;

    /// <summary>Rows of other modules (messages, attachments, invitations) written in this change's transaction, in order.</summary>
    public IReadOnlyList<SqlStatement> StagedWrites => _stagedWrites;

    public bool HasChanges => _events.Count > 0;

    public void Apply(Func<TicketState, TicketState> mutate) => After = mutate(After);

    /// <summary>Records an event of the actor, or of <paramref name="actorId"/> (the empty id for what nobody performs).</summary>
    public void Record(TicketEventType type, object payload, EventVisibility visibility = EventVisibility.Public, Guid? subjectId = null, Guid? actorId = null)
    {
        var seq = After.LastSeq + 1;
        After = After with { LastSeq = seq, UpdatedAt = Now };
        if (visibility != EventVisibility.Internal)
        {
            After = After with { PublicVersion = Before.PublicVersion + (IsCreation ? 0 : 1), PublicUpdatedAt = Now };
        }

        _events.Add(new NewEvent(After.Number, seq, type, actorId ?? Actor.UserId, visibility, subjectId, DomainJson.Serialize(payload), Now));
    }

    public void Stage(SqlStatement write) => _stagedWrites.Add(write);

    /// <summary>Realtime pushes of the event recorded last carry <paramref name="message"/> (as it is after the commit).</summary>
    public void PushWith(MessageView message) => _messages[After.LastSeq] = message;

    /// <summary>Realtime pushes of the event recorded last carry <paramref name="attachment"/> (as it is after the commit).</summary>
    public void PushWith(AttachmentView attachment) => _attachments[After.LastSeq] = attachment;

    /// <summary>The recorded events with the message or attachment each is about, for the watching Api nodes.</summary>
    public CommittedEvent[] ToCommittedEvents() =>
    [
        .. _events.Select(e => new CommittedEvent(
            new TicketEventView(e.TicketNumber, e.Seq, e.Type, e.ActorId, e.Visibility, e.Payload, e.CreatedAt, e.SubjectId),
            _messages.GetValueOrDefault(e.Seq),
            _attachments.GetValueOrDefault(e.Seq))),
    ];

    public void RemoveParticipant(Participant participant)
    {
        After = After with { Participants = After.Participants.Remove(participant.UserId) };
        _participantWrites.Add(new ParticipantWrite(ParticipantWriteKind.Delete, participant));
    }

    public void UpsertParticipant(Participant participant)
    {
        After = After with { Participants = After.Participants.SetItem(participant.UserId, participant) };
        _participantWrites.Add(new ParticipantWrite(ParticipantWriteKind.Upsert, participant));
    }

    /// <summary>
    /// Staff who change a ticket they are not on are enrolled first (STAFF_JOINED, in the same commit), as visible
    /// as the change that caused it: joining by an INTERNAL note is INTERNAL.
    /// </summary>
    public void EnrolActingStaff(EventVisibility visibility = EventVisibility.Public)
    {
        if (Actor.IsStaff)
        {
            EnrolStaff(Actor.UserId, visibility);
        }
    }

    /// <summary>Adds a staff member (the actor or an assignee) as a STAFF participant unless already on the ticket.</summary>
    public void EnrolStaff(Guid userId, EventVisibility visibility = EventVisibility.Public)
    {
        if (After.Participants.ContainsKey(userId))
        {
            return;
        }

        UpsertParticipant(new Participant(userId, ParticipantRole.Staff, CanEdit: true, CanComment: true, Now));
        Record(TicketEventType.StaffJoined, new { userId }, visibility);
    }
}
