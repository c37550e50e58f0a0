using System.Globalization;

namespace TicketPlatform.Webhooks;

/// <summary>Bound from <c>TicketPlatform:Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    public const string Section = "TicketPlatform:Webhooks";

    public const string DefaultRetryDelays = "00:00:05,00:00:30,00:02:00,00:10:00,01:00:00,06:00:00";

    /// <summary>The waits between attempts, comma-separated TimeSpans; the last one repeats until <see cref="RetryWindow"/> is used up.</summary>
    public string RetryDelays { get; set; } = DefaultRetryDelays;

    /// <summary>How long after it is queued a delivery is retried before it is DEAD.</summary>
    public TimeSpan RetryWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Each wait is lengthened by a random part of up to this fraction, so failed receivers are not hit in step.</summary>
    public double RetryJitter { get; set; } = 0.2;

    /// <summary>A receiver has this long to answer (connection, headers and the first 4 KB of the body).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long the previous secret still signs after a rotation.</summary>
    public TimeSpan SecretOverlap { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Allows http:// targets (development and tests); https only otherwise.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Allows targets resolving to loopback, private, link-local or metadata addresses (development and tests).</summary>
    public bool AllowPrivateTargets { get; set; }

    /// <summary>
    /// Base64 of 32 bytes: the AES-256-GCM key for endpoint secrets. When absent, a key file is created in the data
    /// directory (mode 0600); every silo of a cluster must then share that file, or all set this key.
    /// </summary>
    public string? EncryptionKey { get; set; }

    /// <summary>How often each silo drains the event outbox and wakes endpoints with deliveries due (the durable schedule).</summary>
    public TimeSpan ScanInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many tickets' deliveries one endpoint sends at the same time (each ticket's events stay in order).</summary>
    public int MaxConcurrentDeliveries { get; set; } = 8;

    /// <summary>How long a finished (SUCCEEDED or DEAD) delivery stays in the delivery log after its last attempt.</summary>
    public TimeSpan DeliveryLogRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often the dispatcher removes the finished deliveries older than <see cref="DeliveryLogRetention"/>.</summary>
    public TimeSpan DeliveryLogPurgeInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long an endpoint's circuit stays open after it failed too often; no request is sent meanwhile.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan[] ParsedRetryDelays() =>
        [.. RetryDelays.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(delay => TimeSpan.Parse(delay, CultureInfo.InvariantCulture))];

    public bool IsValid(out string? problem)
    {
        problem = null;
        try
        {
            var delays = ParsedRetryDelays();
            if (delays.Length == 0 || delays.Any(d => d <= TimeSpan.Zero))
            {
                problem = $"{Section}:RetryDelays must be one or more positive TimeSpans, comma-separated.";
            }
        }
        catch (FormatException)
        {
            problem = $"{Section}:RetryDelays must be TimeSpans, comma-separated (e.g. {DefaultRetryDelays}).";
        }

        if (RetryWindow <= TimeSpan.Zero || Timeout <= TimeSpan.Zero || ScanInterval <= TimeSpan.Zero || SecretOverlap < TimeSpan.Zero
            || DeliveryLogRetention <= TimeSpan.Zero || DeliveryLogPurgeInterval <= TimeSpan.Zero
            || RetryJitter is < 0 or > 1 || MaxConcurrentDeliveries < 1 || CircuitBreakDuration < TimeSpan.FromMilliseconds(500))
        {
            problem ??= $"{Section}: windows, retention, timeout and intervals must be positive, jitter within 0–1, the break at least 0.5 s.";
        }

        return problem is null;
    }
}
