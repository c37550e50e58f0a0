namespace TicketPlatform.Invitations;

[GenerateSerializer, Immutable, Alias("tp.InviteToTicket")]
public sealed record InviteToTicket(
    [property: Id(0)] Guid InviteeId,
    [property: Id(1)] bool CanEdit,
    [property: Id(2)] bool CanComment,
    [property: Id(3)] string? Message);

/// <summary>A page of invitations, newest first; no <see cref="Status"/> means every status.</summary>
[GenerateSerializer, Immutable, Alias("tp.InvitationListQuery")]
public sealed record InvitationListQuery(
    [property: Id(0)] InvitationStatus? Status = null,
    [property: Id(1)] int Limit = 20,
    [property: Id(2)] string? Cursor = null,
    [property: Id(3)] bool IncludeTotal = false);
