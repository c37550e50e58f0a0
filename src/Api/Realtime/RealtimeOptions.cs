namespace TicketPlatform.Api.Realtime;

/// <summary>Bound from <c>TicketPlatform:Realtime</c>.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "TicketPlatform:Realtime";

    /// <summary>
    /// How often this node renews its watch and its presence report of each ticket with a local room. A report is valid
    /// for 2.5 renewals, so the viewers of a node that died vanish within about 30 s at the default.
    /// </summary>
    public TimeSpan RenewInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often connections are re-checked: expired token, deactivated user, changed role, access to each room.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>At most one typing notice per connection and ticket goes out in this time; the rest are dropped.</summary>
    public TimeSpan TypingThrottle { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long receivers show a typing notice unless it is repeated (sent along with it).</summary>
    public TimeSpan TypingLapse { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How often a node of the cluster profile reads the gateway list (the live silos) from the membership table. A silo
    /// gone from it was declared dead, and the node renews all its watches at once instead of at the next renewal.
    /// </summary>
    public TimeSpan SiloLossCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How often a renewal call that fails is retried, with exponential backoff from <see cref="RenewalRetryDelay"/>:
    /// a silo loss renews every watch at once, while the cluster may still be settling.
    /// </summary>
    public int RenewalRetries { get; set; } = 4;

    public TimeSpan RenewalRetryDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan PresenceValidFor => RenewInterval * 2.5;
}
