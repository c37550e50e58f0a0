using Polly;
using Polly.Registry;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// Renews what this node holds on grains: its user-access subscription and the watch (with presence) of every ticket
/// with a local room. The periodic maintenance runs it, and so does the loss of a silo, whose grains come back
/// elsewhere without the subscriptions they held.
/// </summary>
public sealed class WatchRenewal(TicketRooms rooms, UserAccessObserver userAccess, ResiliencePipelineProvider<string> pipelines)
{
    public const string PipelineName = "realtime-renewal";

    public async Task RenewAll(CancellationToken cancellationToken)
    {
        var pipeline = pipelines.GetPipeline(PipelineName);
        Task Renew(Func<Task> subscribe) => pipeline.ExecuteAsync(async _ => await subscribe(), cancellationToken).AsTask();
        await Task.WhenAll(rooms.Tickets.Select(ticket => Renew(() => rooms.Watch(ticket, announce: false))).Append(Renew(userAccess.Subscribe)));
    }

    /// <summary>
    /// Retries a renewal that hit the cluster while it settles: right after a silo is declared dead, a call may still be
    /// routed to it or find the grain's new activation not yet placed.
    /// </summary>
    internal static void Configure(ResiliencePipelineBuilder pipeline, RealtimeOptions options) => pipeline.AddRetry(new()
    {
        ShouldHandle = new PredicateBuilder().Handle<OrleansException>().Handle<TimeoutException>(),
        MaxRetryAttempts = options.RenewalRetries,
        Delay = options.RenewalRetryDelay,
        BackoffType = DelayBackoffType.Exponential,
        UseJitter = true,
    });
}
