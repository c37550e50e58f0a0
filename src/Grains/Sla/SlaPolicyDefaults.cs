using TicketPlatform.Tickets;

namespace TicketPlatform.Sla;

/// <summary>What a policy that does not say otherwise uses.</summary>
public static class SlaPolicyDefaults
{
    public const double WarnAt = 0.75;

    public static readonly IReadOnlyList<TicketStatus> PauseOn = [TicketStatus.Resolved];
}
