namespace TicketPlatform.Health;

/// <summary>Answers when a silo can activate grains: the readiness probe of the cluster connection.</summary>
[Alias("tp.IClusterPingGrain")]
public interface IClusterPingGrain : IGrainWithIntegerKey
{
    [Alias("Ping")]
    Task<bool> Ping();
}
