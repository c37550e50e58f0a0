using System.Diagnostics.Metrics;
using Orleans.Runtime;

namespace TicketPlatform.Common;

/// <summary>
/// Business counters of the process hosting the grains, exported as <c>tickets_total</c> and <c>messages_total</c>.
/// Observable, so a scrape shows 0 before the first increment instead of no series at all.
/// </summary>
public sealed class DomainMetrics : ILifecycleParticipant<ISiloLifecycle>
{
    public const string MeterName = "TicketPlatform.Domain";

    private long _tickets;
    private long _messages;

    public DomainMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableCounter("tickets", () => Interlocked.Read(ref _tickets), description: "Tickets created");
        meter.CreateObservableCounter("messages", () => Interlocked.Read(ref _messages), description: "Messages posted");
    }

    /// <summary>Called once a new ticket is committed.</summary>
    public void TicketCreated() => Interlocked.Increment(ref _tickets);

    /// <summary>For the messages module: call once a posted message is committed.</summary>
    public void MessagePosted() => Interlocked.Increment(ref _messages);

    /// <summary>Nothing to do: being a participant makes the silo create the counters at start, before any grain needs them.</summary>
    void ILifecycleParticipant<ISiloLifecycle>.Participate(ISiloLifecycle observer)
    {
    }
}
