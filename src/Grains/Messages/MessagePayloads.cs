namespace TicketPlatform.Messages;

/// <summary>The payload of every message event: the id only, never the words.</summary>
internal sealed record MessagePayload(Guid MessageId);
