namespace TicketPlatform.Tickets;

[GenerateSerializer, Immutable, Alias("tp.TicketPermissions")]
public sealed record TicketPermissions(
    [property: Id(0)] Dictionary<TicketRight, AccessDecision> Rights);
