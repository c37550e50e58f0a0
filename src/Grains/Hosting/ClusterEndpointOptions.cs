using System.Net;
using System.Net.Sockets;

namespace TicketPlatform.Hosting;

/// <summary>
/// Bound from <c>TicketPlatform:Cluster</c>: which cluster a silo or an Api node joins and, for a silo, where it
/// listens. The silo listens on every address and advertises <see cref="AdvertisedIP"/>, else its host name's address.
/// </summary>
public sealed class ClusterEndpointOptions
{
    public const string Section = "TicketPlatform:Cluster";

    public string ClusterId { get; set; } = "ticketplatform";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string? AdvertisedIP { get; set; }

    public IPAddress ResolveAdvertisedAddress() => AdvertisedIP is { Length: > 0 } configured
        ? IPAddress.Parse(configured)
        : Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? IPAddress.Loopback;
}
