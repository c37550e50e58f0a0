using System.Text.Json.Serialization;

namespace TicketPlatform.Tickets;

/// <summary>A single value's before and after.</summary>
internal sealed record Change<T>(T From, T To);

internal sealed record StatusChangedPayload(
    TicketStatus From,
    TicketStatus To,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);

internal sealed record TicketCreatedPayload(
    string Title,
    string Description,
    TicketStatus Status,
    TicketPriority Priority,
    Guid? CategoryId,
    Guid RequesterId);

internal sealed record TicketUpdatedPayload(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Change<string>? Title,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Change<string>? Description);
