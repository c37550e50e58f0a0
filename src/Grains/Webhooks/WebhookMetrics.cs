using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace TicketPlatform.Webhooks;

/// <summary>
/// Webhook delivery metrics of the silo: <c>webhook_deliveries_total</c> by outcome, <c>webhook_delivery_duration_seconds</c>
/// and <c>webhook_backlog</c> (unfinished deliveries) per endpoint whose deliverer is active here.
/// </summary>
public sealed class WebhookMetrics
{
    public const string MeterName = "TicketPlatform.Webhooks";

    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _duration;
    private readonly ConcurrentDictionary<Guid, long> _backlog = new();

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("webhook_deliveries", description: "Webhook delivery attempts by outcome");
        _duration = meter.CreateHistogram("webhook_delivery_duration", unit: "s", description: "Time from sending a webhook to its answer",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });
        meter.CreateObservableGauge("webhook_backlog", () => _backlog.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("webhook", b.Key.ToString()))),
            description: "Unfinished deliveries per endpoint");
    }

    internal void Attempted(WebhookDeliveryStatus status, SendOutcome outcome)
    {
        var label = outcome.Result == SendResult.CircuitOpen ? "circuit_open" : Common.EnumText.Of(status).ToLowerInvariant();
        _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", label));
        if (outcome.Result != SendResult.CircuitOpen)
        {
            _duration.Record(outcome.Duration.TotalSeconds, new KeyValuePair<string, object?>("outcome", label));
        }
    }

    internal void Backlog(Guid webhookId, long unfinished) => _backlog[webhookId] = unfinished;

    internal void Forget(Guid webhookId) => _backlog.TryRemove(webhookId, out _);
}
