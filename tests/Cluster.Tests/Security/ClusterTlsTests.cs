using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Npgsql;
using TicketPlatform.Cluster.Tests.Fixtures;

namespace TicketPlatform.Cluster.Tests.Security;

/// <summary>
/// The cluster runs on mutual TLS (every other cluster test goes through it, with the certificates of the fixture's private
/// CA). Here: a silo's gateway refuses a client whose certificate that CA did not issue.
/// </summary>
[Collection(nameof(ClusterFixture))]
public sealed class ClusterTlsTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_gateway_ends_the_connection_of_a_client_whose_certificate_the_cluster_CA_did_not_issue()
    {
        cluster.Require();
        var gateway = await AnActiveGatewayPort();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", gateway, TestContext.Current.CancellationToken);
        await using var tls = new SslStream(tcp.GetStream());

        var ended = await HandshakeThenRead(tls, cluster.Certificates.Untrusted);

        Assert.True(ended, "the gateway kept a connection with an untrusted client certificate open");
    }

    [Fact]
    public async Task A_gateway_keeps_the_connection_of_a_client_with_a_certificate_of_the_cluster_CA()
    {
        cluster.Require();
        var gateway = await AnActiveGatewayPort();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", gateway, TestContext.Current.CancellationToken);
        await using var tls = new SslStream(tcp.GetStream());

        await tls.AuthenticateAsClientAsync(ClientOptions(cluster.Certificates.Node), TestContext.Current.CancellationToken);

        Assert.True(tls.IsAuthenticated && tls.IsMutuallyAuthenticated);
    }

    /// <summary>
    /// True when the server refused: the handshake fails, or (TLS 1.3 checks the client's certificate after the client
    /// considers the handshake done) the first read ends with the server's alert or the connection's end.
    /// </summary>
    private async Task<bool> HandshakeThenRead(SslStream tls, X509Certificate2 certificate)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(30));
        try
        {
            await tls.AuthenticateAsClientAsync(ClientOptions(certificate), bound.Token);
            return await tls.ReadAsync(new byte[1], bound.Token) == 0;
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return true;
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>The silo must present the cluster's node certificate; the client presents <paramref name="certificate"/>.</summary>
    private SslClientAuthenticationOptions ClientOptions(X509Certificate2 certificate) => new()
    {
        TargetHost = "ticketplatform-node",
        ClientCertificates = [certificate],
        RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null && presented.GetCertHashString() == cluster.Certificates.Node.GetCertHashString(),
    };

    private async Task<int> AnActiveGatewayPort()
    {
        await using var connection = new NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var query = new NpgsqlCommand("SELECT proxy_port FROM orleans_membership WHERE status = 3 AND proxy_port > 0 LIMIT 1", connection);
        return Convert.ToInt32(await query.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }
}
