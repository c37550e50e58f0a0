using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace TicketPlatform.Api.Warmup;

internal static class LoopbackAddress
{
    /// <summary>
    /// The first plain-HTTP address the server listens on, other than <paramref name="excludedPort"/>, as a client in
    /// this process reaches it: a wildcard or a host name (Kestrel binds those to every interface) becomes <c>localhost</c>.
    /// Null when there is none (HTTPS only, a Unix socket, or no real server).
    /// </summary>
    public static Uri? Of(IServer server, int? excludedPort)
    {
        foreach (var address in (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? []).Select(BindingAddress.Parse))
        {
            if (address.Scheme != Uri.UriSchemeHttp || address.IsUnixPipe || address.Port == excludedPort)
            {
                continue;
            }

            var host = IPAddress.TryParse(address.Host, out var ip) && !ip.Equals(IPAddress.Any) && !ip.Equals(IPAddress.IPv6Any)
                ? address.Host
                : "localhost";
            return new Uri($"http://{host}:{address.Port}/");
        }

        return null;
    }
}
