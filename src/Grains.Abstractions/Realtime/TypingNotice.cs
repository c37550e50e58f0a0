using TicketPlatform.Messages;

namespace TicketPlatform.Realtime;

/// <summary>Someone is typing a message of <see cref="Visibility"/> on a ticket.</summary>
[GenerateSerializer, Immutable, Alias("tp.TypingNotice")]
public sealed record TypingNotice(
    [property: Id(0)] string TicketNumber,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] string? Name,
    [property: Id(3)] MessageVisibility Visibility);
