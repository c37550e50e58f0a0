using TicketPlatform.Cluster.Tests.Fixtures;

namespace TicketPlatform.Cluster.Tests.Startup;

/// <summary>A silo process of the cluster profile refuses to start without what every silo must share.</summary>
public sealed class SiloStartupTests : IDisposable
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Nothing listens there: the silo must refuse before it ever connects.</summary>
    private const string UnreachablePostgres = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("ticketplatform-silo-startup-");

    [Fact]
    public async Task Without_the_shared_webhook_encryption_key_a_cluster_silo_refuses_to_start_and_says_why()
    {
        await using var silo = ServiceProcess.StartIn(_root.FullName, "silo", BuildOutput.SiloDll, new Dictionary<string, string>
        {
            ["ConnectionStrings__TicketPlatform"] = UnreachablePostgres,
        });

        Assert.Equal(1, await silo.Exited(ExitTimeout));
        Assert.Contains("TicketPlatform:Webhooks:EncryptionKey is not set. Every silo of a cluster needs the same key", silo.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", silo.Output, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_root.FullName, "data", "webhook-secrets.key")));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_malformed_webhook_encryption_key_stops_the_start_with_the_reason(string key)
    {
        await using var silo = ServiceProcess.StartIn(_root.FullName, "silo", BuildOutput.SiloDll, new Dictionary<string, string>
        {
            ["ConnectionStrings__TicketPlatform"] = UnreachablePostgres,
            ["TicketPlatform__Webhooks__EncryptionKey"] = key,
        });

        Assert.Equal(1, await silo.Exited(ExitTimeout));
        Assert.Contains("TicketPlatform:Webhooks:EncryptionKey must be base64 of 32 bytes.", silo.Output, StringComparison.Ordinal);
    }

    public void Dispose() => _root.Delete(recursive: true);
}
