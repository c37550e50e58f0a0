namespace TicketPlatform.Users;

/// <summary>What a validated JWT says about its subject; the input of just-in-time user sync.</summary>
[GenerateSerializer, Immutable, Alias("tp.TokenIdentity")]
public sealed record TokenIdentity(
    [property: Id(0)] string Subject,
    [property: Id(1)] string? Email,
    [property: Id(2)] string? Name,
    [property: Id(3)] string? ClaimedRole);
