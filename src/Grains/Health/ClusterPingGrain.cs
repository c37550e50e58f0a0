using Orleans.Concurrency;

namespace TicketPlatform.Health;

[StatelessWorker]
internal sealed class ClusterPingGrain : Grain, IClusterPingGrain
{
    public Task<bool> Ping() => Task.FromResult(true);
}
