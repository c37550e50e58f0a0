namespace TicketPlatform.Api.Warmup;

/// <summary>Bound from <c>TicketPlatform:Warmup</c>.</summary>
public sealed class WarmupOptions
{
    public const string Section = "TicketPlatform:Warmup";

    /// <summary>Whether the node exercises its hot paths after start, before <c>/health/ready</c> answers 200.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The node reports ready after this long even if the runtime is still compiling.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(15);
}
