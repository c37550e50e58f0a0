using System.Collections.Immutable;
using TicketPlatform.Invitations;
using TicketPlatform.Common;
using TicketPlatform.Sla;
using TicketPlatform.Sla.Clocks;

namespace TicketPlatform.Tickets;

/// <summary>A participant of a ticket as the grain holds it.</summary>
internal sealed record Participant(Guid UserId, ParticipantRole Role, bool CanEdit, bool CanComment, DateTimeOffset JoinedAt);

/// <summary>
/// The state of one ticket: the grain's cache of its row, its participants and what its modules keep. Immutable, so a
/// command builds the next state aside and the grain swaps it in only after the commit succeeded.
/// </summary>
internal sealed record TicketState(
    string Number,
    string Title,
    string Description,
    TicketStatus Status,
    TicketPriority Priority,
    Guid? CategoryId,
    Guid RequesterId,
    Guid? AssigneeId,
    bool PriorityLocked,
    bool CategoryLocked,
    bool AssignmentLocked,
    bool Archived,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ResolvedAt,
    DateTimeOffset? ClosedAt,
    int Version,
    long LastSeq,
    ImmutableDictionary<Guid, Participant> Participants,
    int PublicVersion,
    DateTimeOffset PublicUpdatedAt)
{
    /// <summary>
    /// The PENDING invitations, by id: the invitations module's part of the state (loaded by its
    /// <see cref="ITicketModule.Load"/>), so a decision sees what the commands decided before it in the same batch.
    /// </summary>
    public ImmutableDictionary<Guid, InvitationView> PendingInvitations { get; init; } = ImmutableDictionary<Guid, InvitationView>.Empty;

    /// <summary>The SLA clocks (the SLA module's part, committed with the ticket's row); null on a ticket opened before them.</summary>
    public TicketSla? Sla { get; init; }

    public TicketAccessFacts Facts => new(Status, PriorityLocked, CategoryLocked, AssignmentLocked, Archived);

    public TicketAccessSubject SubjectFor(Actor actor) => TicketSubjects.For(
        actor, RequesterId, Participants.TryGetValue(actor.UserId, out var participant) ? (participant.CanEdit, participant.CanComment) : null);

    public AccessDecision Decide(Actor actor, TicketRight right) => TicketAccessPolicy.Decide(right, SubjectFor(actor), Facts);

    /// <summary>
    /// The ticket as <paramref name="viewer"/> sees it: a USER gets the public version and updatedAt, which move only
    /// with events a USER can see, so an INTERNAL change leaves no trace in them.
    /// </summary>
    public TicketView ToView(Actor viewer, bool withParticipants = true) => ToView(forStaff: viewer.IsStaff, withParticipants);

    /// <summary>The version as staff see it, or as a USER does (moved only by events a USER can see).</summary>
    public int VersionSeen(bool byStaff) => byStaff ? Version : PublicVersion;

    /// <summary>The ticket as staff see it, or as a USER does: a USER's version and updatedAt move only with events they can see.</summary>
    public TicketView ToView(bool forStaff, bool withParticipants = true) => new(
        Number, Title, Description, Status, Priority, CategoryId, RequesterId, AssigneeId,
        PriorityLocked, CategoryLocked, AssignmentLocked, Archived, CreatedAt,
        forStaff ? UpdatedAt : PublicUpdatedAt, ResolvedAt, ClosedAt, VersionSeen(forStaff),
        withParticipants
            ? [.. Participants.Values.OrderBy(p => p.JoinedAt).ThenBy(p => p.UserId).Select(p => new ParticipantView(p.UserId, p.Role, p.CanEdit, p.CanComment, p.JoinedAt))]
            : null,
        forStaff && Sla is not null ? SlaViews.Summarize(Sla) : null);
}
