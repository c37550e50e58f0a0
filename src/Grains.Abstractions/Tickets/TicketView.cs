using System.Text.Json.Serialization;
using TicketPlatform.Sla;

namespace TicketPlatform.Tickets;

[GenerateSerializer, Immutable, Alias("tp.TicketView")]
public sealed record TicketView(
    [property: Id(0)] string Number,
    [property: Id(1)] string Title,
    [property: Id(2)] string Description,
    [property: Id(3)] TicketStatus Status,
    [property: Id(4)] TicketPriority Priority,
    [property: Id(5)] Guid? CategoryId,
    [property: Id(6)] Guid RequesterId,
    [property: Id(7)] Guid? AssigneeId,
    [property: Id(8)] bool PriorityLocked,
    [property: Id(9)] bool CategoryLocked,
    [property: Id(10)] bool AssignmentLocked,
    [property: Id(11)] bool Archived,
    [property: Id(12)] DateTimeOffset CreatedAt,
    [property: Id(13)] DateTimeOffset UpdatedAt,
    [property: Id(14)] DateTimeOffset? ResolvedAt,
    [property: Id(15)] DateTimeOffset? ClosedAt,
    [property: Id(16)] int Version,
    [property: Id(17), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ParticipantView[]? Participants = null,
    [property: Id(18), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SlaSummary? Sla = null);

[GenerateSerializer, Immutable, Alias("tp.ParticipantView")]
public sealed record ParticipantView(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] ParticipantRole Role,
    [property: Id(2)] bool CanEdit,
    [property: Id(3)] bool CanComment,
    [property: Id(4)] DateTimeOffset JoinedAt);
