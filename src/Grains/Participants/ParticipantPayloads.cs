using System.Text.Json.Serialization;
using TicketPlatform.Tickets;

namespace TicketPlatform.Participants;

internal sealed record ParticipantAddedPayload(Guid UserId, ParticipantRole Role, bool CanEdit, bool CanComment);

internal sealed record ParticipantGonePayload(Guid UserId);

internal sealed record ParticipantPermissionsPayload(
    Guid UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Change<bool>? CanEdit,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Change<bool>? CanComment);
