using Microsoft.AspNetCore.SignalR;

namespace TicketPlatform.Api.Warmup;

/// <summary>
/// What the warm-up connects to: SignalR's connection, protocol and send code is generic over the hub class and
/// compiled once for every hub, so pushing to this hub compiles what the ticket rooms push with. Only this process's
/// warm-up may connect (<see cref="WarmupSetup.MapTicketPlatformWarmup"/>); clients call nothing on it.
/// </summary>
public sealed class WarmupHub : Hub
{
    public const string Path = "/hubs/warmup";

    /// <summary>The name of the pushes the warm-up sends.</summary>
    public const string Push = "warm-up";

    /// <summary>Greets the client once the connection is among those a push to all goes to.</summary>
    public override Task OnConnectedAsync() => Clients.Caller.SendAsync(Push);
}
