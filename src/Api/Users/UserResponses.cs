using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

/// <summary>A search hit: exactly what is needed to invite someone.</summary>
public sealed record UserSummary(Guid Id, string? Name, string? Email)
{
    public static UserSummary From(UserView user) => new(user.Id, user.Name, user.Email);
}

/// <summary>What an AGENT may see of another user.</summary>
public sealed record StaffUserView(Guid Id, string? Name, string? Email, UserRole Role)
{
    public static StaffUserView From(UserView user) => new(user.Id, user.Name, user.Email, user.Role);
}
