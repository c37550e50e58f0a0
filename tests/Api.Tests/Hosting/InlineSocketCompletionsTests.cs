using System.Net;
using System.Net.Sockets;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using TicketPlatform.Api.Hosting;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Hosting;

/// <summary>
/// Kestrel's connections are switched to inline socket completions, and only they: a real Kestrel host reports the
/// switch as its own connection's socket has it, and a socket the process opens itself (as Npgsql does) keeps the default.
/// </summary>
public sealed class InlineSocketCompletionsTests
{
    /// <summary>The switch as the socket's handle holds it (the socket's own property has a setter only).</summary>
    private static readonly PropertyInfo PreferInline =
        typeof(SafeSocketHandle).GetProperty("PreferInlineCompletions", BindingFlags.Instance | BindingFlags.NonPublic)!;

    private static bool PrefersInline(Socket socket) => (bool)PreferInline.GetValue(socket.SafeHandle)!;

    [Fact]
    public void This_runtime_has_the_per_socket_switch() => Assert.True(InlineSocketCompletions.Supported);

    [Theory]
    [InlineData(null, true)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    public async Task A_connection_gets_the_switch_the_setting_asks_for(string? setting, bool expected)
    {
        var (app, port) = await StartHost(setting);
        await using var _ = app;
        using var client = new HttpClient();

        var reported = await client.GetStringAsync($"http://127.0.0.1:{port}/inline", TestContext.Current.CancellationToken);

        Assert.Equal(expected.ToString(), reported);
    }

    [Fact]
    public async Task A_socket_the_process_opens_itself_keeps_the_default()
    {
        var (app, port) = await StartHost(setting: null);
        await using var _ = app;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), TestContext.Current.CancellationToken);

        Assert.False(PrefersInline(socket));
    }

    private static async Task<(WebApplication App, int Port)> StartHost(string? setting)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection([new(InlineSocketCompletions.Key, setting)]);
        builder.Services.AddTicketPlatformInlineSocketCompletions(builder.Configuration);
        var port = FreePort.Next();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/inline", (HttpContext http) => PrefersInline(http.Features.Get<IConnectionSocketFeature>()!.Socket).ToString());
        await app.StartAsync(TestContext.Current.CancellationToken);
        return (app, port);
    }
}
