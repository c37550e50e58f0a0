namespace TicketPlatform.Invitations;

/// <summary>An invitation to join a ticket with the given flags. <see cref="CancelReason"/> says why a CANCELLED one was.</summary>
[GenerateSerializer, Immutable, Alias("tp.InvitationView")]
public sealed record InvitationView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string TicketNumber,
    [property: Id(2)] Guid InviterId,
    [property: Id(3)] Guid InviteeId,
    [property: Id(4)] bool CanEdit,
    [property: Id(5)] bool CanComment,
    [property: Id(6)] InvitationStatus Status,
    [property: Id(7)] string? Message,
    [property: Id(8)] DateTimeOffset CreatedAt,
    [property: Id(9)] DateTimeOffset ExpiresAt,
    [property: Id(10)] DateTimeOffset? RespondedAt,
    [property: Id(11)] string? CancelReason = null);
