using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;
using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>
/// Where webhooks may be sent (SSRF protection): https only unless insecure http is allowed, and never to an address
/// that is loopback, private, link-local, shared, reserved or a cloud metadata service unless private targets are
/// allowed. Checked when an endpoint is registered and again for every connection, so a name that later resolves
/// elsewhere (DNS rebinding) is refused too.
/// </summary>
public sealed class WebhookTargets(IOptions<WebhookOptions> options)
{
    public const int MaxUrlLength = 2048;

    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b::/96"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private WebhookOptions Options => options.Value;

    /// <summary>True when <paramref name="address"/> may not be a webhook target without <see cref="WebhookOptions.AllowPrivateTargets"/>.</summary>
    public static bool IsRefused(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return Refused.Any(network => network.Contains(address));
    }

    /// <summary>Checks a URL an ADMIN registers: its form, its scheme and every address its host resolves to. Null when acceptable.</summary>
    public async Task<DomainError?> Check(string? url, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxUrlLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            return DomainError.Validation("url", $"Must be an absolute https URL of at most {MaxUrlLength} characters.");
        }

        if (uri.Scheme == "http" && !Options.AllowInsecureHttp)
        {
            return DomainError.Validation("url", "Must use https.");
        }

        if (uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            return DomainError.Validation("url", "Must not carry credentials or a fragment.");
        }

        if (Options.AllowPrivateTargets)
        {
            return null;
        }

        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, cancellationToken);
        }
        catch (SocketException)
        {
            return DomainError.Validation("url", $"The host {uri.Host} does not resolve.");
        }

        return addresses.Length == 0 || addresses.Any(IsRefused)
            ? DomainError.Validation("url", "The host resolves to a private, loopback, link-local or metadata address, which webhooks may not target.")
            : null;
    }

    /// <summary>
    /// The connect step of the webhook HTTP handler: resolves the host now and connects only to an allowed address,
    /// so the check and the connection use the same resolution.
    /// </summary>
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var endpoint = context.DnsEndPoint;
        var resolved = IPAddress.TryParse(endpoint.Host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        var allowed = Options.AllowPrivateTargets ? resolved : [.. resolved.Where(address => !IsRefused(address))];
        if (allowed.Length == 0)
        {
            throw new WebhookTargetRefusedException($"{endpoint.Host} resolves to no address webhooks may target.");
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A connection was refused because the target resolves only to addresses webhooks may not reach.</summary>
public sealed class WebhookTargetRefusedException(string message) : IOException(message);
