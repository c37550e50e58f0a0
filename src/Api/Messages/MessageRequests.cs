using TicketPlatform.Messages;

namespace TicketPlatform.Api.Messages;

public sealed record PostMessageRequest(string? Content, MessageVisibility? Visibility);

public sealed record EditMessageRequest(string? Content);

public sealed record MarkMessagesReadRequest(Guid? UpToMessageId);
