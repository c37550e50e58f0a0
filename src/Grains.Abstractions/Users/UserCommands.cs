namespace TicketPlatform.Users;

[GenerateSerializer, Immutable, Alias("tp.ChangeUserName")]
public sealed record ChangeUserName([property: Id(0)] string? Name);

[GenerateSerializer, Immutable, Alias("tp.ChangeUserRole")]
public sealed record ChangeUserRole([property: Id(0)] UserRole Role);
