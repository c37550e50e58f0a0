using TicketPlatform.Users;

namespace TicketPlatform.Common;

/// <summary>The authenticated caller of a grain command: the local user id and the local internal role.</summary>
[GenerateSerializer, Immutable, Alias("tp.Actor")]
public sealed record Actor(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] UserRole Role)
{
    public bool IsStaff => Role is UserRole.Agent or UserRole.Admin;

    public bool IsAdmin => Role is UserRole.Admin;
}
