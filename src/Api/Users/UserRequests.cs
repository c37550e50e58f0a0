using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

public sealed record ChangeNameRequest(string? Name);

public sealed record ChangeRoleRequest(UserRole? Role);
