using TicketPlatform.Tickets;

namespace TicketPlatform.Sla.Policies;

/// <summary>A committed row of <c>sla_policies</c>, as the catalog holds it.</summary>
internal sealed record SlaPolicyRecord(Guid Id, SlaPolicyView View, DateTimeOffset CreatedAt)
{
    /// <summary>What a policy promises, stored as one JSON object (<c>sla_policies.definition</c>).</summary>
    public sealed record Definition(SlaMatch Match, SlaTargets Targets, SlaCalendar Calendar, TicketStatus[] PauseOn, double WarnAt);

    public Definition ToDefinition() => new(View.Match, View.Targets, View.Calendar, View.PauseOn, View.WarnAt);
}
