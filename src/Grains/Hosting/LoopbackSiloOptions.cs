namespace TicketPlatform.Hosting;

/// <summary>Bound from <c>TicketPlatform:Embedded</c>: the loopback ports of a single silo.</summary>
public sealed class LoopbackSiloOptions
{
    public const string Section = "TicketPlatform:Embedded";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;
}
