using System.ComponentModel.DataAnnotations;
using TicketPlatform.Messages;

namespace TicketPlatform.Api.Messages;

public sealed record PostMessageRequest([property: Required] string? Content, MessageVisibility? Visibility);

public sealed record EditMessageRequest([property: Required] string? Content);

public sealed record MarkMessagesReadRequest([property: Required] Guid? UpToMessageId);
