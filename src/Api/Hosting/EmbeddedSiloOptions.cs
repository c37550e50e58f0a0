namespace TicketPlatform.Api.Hosting;

/// <summary>Bound from <c>TicketPlatform:Embedded</c>: the loopback ports of the co-hosted silo.</summary>
public sealed class EmbeddedSiloOptions
{
    public const string Section = "TicketPlatform:Embedded";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
