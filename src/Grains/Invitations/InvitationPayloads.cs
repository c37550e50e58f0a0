namespace TicketPlatform.Invitations;

internal sealed record InvitationSentPayload(Guid InvitationId, Guid InviteeId, bool CanEdit, bool CanComment, DateTimeOffset ExpiresAt);

internal sealed record InvitationAnsweredPayload(Guid InvitationId, Guid InviteeId);

internal sealed record InvitationCancelledPayload(Guid InvitationId, Guid InviteeId, string Reason);
