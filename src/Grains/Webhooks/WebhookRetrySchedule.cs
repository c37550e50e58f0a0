namespace TicketPlatform.Webhooks;

/// <summary>When a failed delivery is tried again: the configured delay for its attempt count plus jitter, or never (DEAD).</summary>
internal sealed class WebhookRetrySchedule(TimeSpan[] delays, double jitter)
{
    public static WebhookRetrySchedule From(WebhookOptions options) => new(options.ParsedRetryDelays(), options.RetryJitter);

    /// <summary>The next attempt after the <paramref name="attempts"/>-th failed one, or null when it would fall after <paramref name="giveUpAt"/>.</summary>
    public DateTimeOffset? NextAttempt(int attempts, DateTimeOffset now, DateTimeOffset giveUpAt)
    {
        var delay = delays[Math.Clamp(attempts - 1, 0, delays.Length - 1)];
        var next = now + delay * (1 + (jitter * Random.Shared.NextDouble()));
        return next <= giveUpAt ? next : null;
    }
}
