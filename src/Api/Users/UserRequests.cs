using System.ComponentModel.DataAnnotations;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Users;

public sealed record ChangeNameRequest([property: Required] string? Name);

public sealed record ChangeRoleRequest([property: Required] UserRole? Role);
