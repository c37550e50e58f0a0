namespace TicketPlatform.Messages;

/// <summary>A message of a ticket's conversation; <see cref="Content"/> is null once it was deleted.</summary>
[GenerateSerializer, Immutable, Alias("tp.MessageView")]
public sealed record MessageView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string TicketNumber,
    [property: Id(2)] Guid AuthorId,
    [property: Id(3)] string? Content,
    [property: Id(4)] MessageVisibility Visibility,
    [property: Id(5)] DateTimeOffset CreatedAt,
    [property: Id(6)] DateTimeOffset? EditedAt,
    [property: Id(7)] DateTimeOffset? DeletedAt,
    [property: Id(8)] Guid? DeletedBy);

/// <summary>The caller's unread messages on a ticket: those after their read pointer that they can see and did not write.</summary>
[GenerateSerializer, Immutable, Alias("tp.UnreadMessages")]
public sealed record UnreadMessages(
    [property: Id(0)] long UnreadCount,
    [property: Id(1)] Guid? FirstUnreadId);
