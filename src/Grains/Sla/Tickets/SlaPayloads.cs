namespace TicketPlatform.Sla.Tickets;

/// <summary>SLA_APPLIED: the policy now governing the clocks, null when none matches any more.</summary>
internal sealed record SlaAppliedPayload(Guid? PolicyId);

/// <summary>SLA_WARNING and SLA_BREACHED: the clock and the moment its target is (or was) reached.</summary>
internal sealed record SlaDuePayload(SlaKind Kind, DateTimeOffset DueAt);
