namespace TicketPlatform.Api.Realtime;

/// <summary>Bound from <c>TicketPlatform:Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "TicketPlatform:Realtime";

    /// <summary>How often this node renews its watch of each ticket with a local room (well under the grain's expiry).</summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often connections are checked for an expired token, a deactivated user or a changed role.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
