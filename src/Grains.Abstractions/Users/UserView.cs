namespace TicketPlatform.Users;

[GenerateSerializer, Immutable, Alias("tp.UserView")]
public sealed record UserView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Subject,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Name,
    [property: Id(4)] UserRole Role,
    [property: Id(5)] bool Active,
    [property: Id(6)] DateTimeOffset CreatedAt);
