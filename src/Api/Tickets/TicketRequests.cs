using System.ComponentModel.DataAnnotations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tickets;

public sealed record CreateTicketRequest([property: Required] string? Title, [property: Required] string? Description, TicketPriority? Priority, Guid? CategoryId);

public sealed record EditTicketRequest(string? Title, string? Description);

public sealed record ChangeStatusRequest([property: Required] TicketStatus? Status, string? Reason);

public sealed record ReopenTicketRequest(string? Reason);

public sealed record ChangePriorityRequest([property: Required] TicketPriority? Priority);

public sealed record PermissionsResponse(IReadOnlyDictionary<string, AccessDecision> Rights);

public sealed record ChangeCategoryRequest(Guid? CategoryId);

public sealed record AssignRequest([property: Required] Guid? AssigneeId);

public sealed record ChangeLocksRequest(bool? PriorityLocked, bool? CategoryLocked, bool? AssignmentLocked);
