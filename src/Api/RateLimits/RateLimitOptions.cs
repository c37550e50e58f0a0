namespace TicketPlatform.Api.RateLimits;

/// <summary><c>TicketPlatform:RateLimits</c>: per-caller budgets per minute, counted on each Api node.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "TicketPlatform:RateLimits";

    public bool Enabled { get; set; } = true;

    public int ReadsPerMinute { get; set; } = 1200;

    public int WritesPerMinute { get; set; } = 240;

    public int AnonymousPerMinute { get; set; } = 60;
}
