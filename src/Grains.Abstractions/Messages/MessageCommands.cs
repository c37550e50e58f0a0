using TicketPlatform.Common;

namespace TicketPlatform.Messages;

[GenerateSerializer, Immutable, Alias("tp.PostMessage")]
public sealed record PostMessage(
    [property: Id(0)] string Content,
    [property: Id(1)] MessageVisibility Visibility);

[GenerateSerializer, Immutable, Alias("tp.EditMessage")]
public sealed record EditMessage(
    [property: Id(0)] Guid MessageId,
    [property: Id(1)] string Content);

/// <summary>
/// A page of the conversation, oldest first: after <see cref="Cursor"/>, or the <see cref="Limit"/> messages
/// just before the message <see cref="Before"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.MessageListQuery")]
public sealed record MessageListQuery(
    [property: Id(0)] string? Cursor = null,
    [property: Id(1)] Guid? Before = null,
    [property: Id(2)] int Limit = PageRequest.DefaultLimit,
    [property: Id(3)] bool IncludeTotal = false);
