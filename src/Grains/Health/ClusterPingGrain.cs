using Orleans.Concurrency;

namespace TicketPlatform.Health;

[StatelessWorker, Reentrant]
internal sealed class ClusterPingGrain : Grain, IClusterPingGrain
{
    public Task<bool> Ping() => Task.FromResult(true);
}
