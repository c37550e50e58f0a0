using System.ComponentModel.DataAnnotations;
using TicketPlatform.Sla;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Sla;

/// <summary>
/// The body of create and edit. On create, absent <c>match</c> matches every ticket, absent <c>calendar</c> is UTC around
/// the clock, and <c>pauseOn</c>, <c>warnAt</c>, <c>active</c> default to RESOLVED, 0.75, true. On edit an absent field
/// is left as it is, and a given object replaces the whole object.
/// </summary>
public sealed record SlaPolicyRequest(
    string? Name,
    SlaMatch? Match,
    SlaTargets? Targets,
    SlaCalendar? Calendar,
    TicketStatus[]? PauseOn,
    double? WarnAt,
    bool? Active);

public sealed record ReorderSlaPoliciesRequest([property: Required] Guid[]? Ids);
