using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Load;

namespace TicketPlatform.Cluster.Tests.Fixtures;

/// <summary>
/// The cluster profile as real processes on loopback: its own PostgreSQL server with a fresh database, the
/// migration command, two silos and two Api nodes, all talking mutual TLS with certificates of a private CA. Tests may kill, stop or add silos and restart the database;
/// each leaves two live silos behind.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime, ILoadTarget
{
    private const string BootstrapAdmin = "cluster-admin";

    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    private readonly string _webhookKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    private readonly ConcurrentBag<string> _tokens = [];
    private PostgresServer? _server;
    private TestDatabase? _database;
    private string? _skipReason;

    public ClusterCertificates Certificates { get; } = new();

    public List<ServiceProcess> Silos { get; } = [];

    public List<ServiceProcess> Apis { get; } = [];

    public PostgresServer Server => _server!;

    public string ConnectionString => _database!.Options.ConnectionString;

    /// <summary>Every token minted for this run, for the tests that make sure none reaches a log.</summary>
    public IReadOnlyCollection<string> Tokens => _tokens;

    public IEnumerable<ServiceProcess> Processes => Silos.Concat(Apis);

    /// <summary>A load writes through the Api nodes in turn.</summary>
    public IReadOnlyList<LoadEntry> Entries => [.. Apis.Select(api => new LoadEntry(api.Name, api.Url))];

    public async ValueTask InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable) is not { Length: > 0 })
        {
            _skipReason = Environment.GetEnvironmentVariable(TestDatabase.PostgresUnavailableVariable)
                          ?? $"{TestDatabase.PostgresVariable} is not set: run the suite through ./scripts/test.sh";
            return;
        }

        _server = await PostgresServer.StartAsync();
        _database = await TestDatabase.CreateOnServerAsync(_server.AdminConnectionString);
        await ServiceProcess.Run(BuildOutput.SiloDll, SiloSettings(), "migrate");
        await StartSilo();
        await StartSilo();
        foreach (var n in new[] { 1, 2 })
        {
            Apis.Add(ServiceProcess.Start($"api-{n}", BuildOutput.ApiDll, ApiSettings()));
        }

        await Task.WhenAll(Apis.Select(api => api.WaitReady()));
    }

    /// <summary>Skips the calling test, loudly, when the test command could not provide PostgreSQL.</summary>
    public void Require()
    {
        if (_skipReason is not null)
        {
            Assert.Skip($"!!! CLUSTER TEST NOT RUN: {_skipReason} !!!");
        }
    }

    public async Task<ServiceProcess> StartSilo()
    {
        var silo = ServiceProcess.Start($"silo-{Silos.Count + 1}", BuildOutput.SiloDll, SiloSettings());
        Silos.Add(silo);
        await silo.WaitReady();
        return silo;
    }

    /// <summary>Starts a silo in place of one that is gone and waits until both Api nodes can use the cluster.</summary>
    public async Task ReplaceSilo(ServiceProcess gone)
    {
        Silos.Remove(gone);
        await gone.DisposeAsync();
        await StartSilo();
        await Task.WhenAll(Apis.Select(api => api.WaitReady()));
    }

    /// <summary>
    /// An extra Api node of the cluster with <paramref name="overrides"/> on top of the usual settings, for a test
    /// that needs a node configured differently; the caller disposes it.
    /// </summary>
    public async Task<ServiceProcess> StartApi(string name, IReadOnlyDictionary<string, string> overrides)
    {
        var settings = ApiSettings();
        foreach (var (key, value) in overrides)
        {
            settings[key] = value;
        }

        var api = ServiceProcess.Start(name, BuildOutput.ApiDll, settings);
        await api.WaitReady();
        return api;
    }

    /// <summary>A JWT every node accepts, minted by the Api's own <c>token</c> command with the cluster's key.</summary>
    public async Task<string> Token(string subject, string role = "USER")
    {
        var output = await ServiceProcess.Run(BuildOutput.ApiDll, ApiSettings(), "token", "--sub", subject, "--role", role, "--name", subject);
        var token = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
        _tokens.Add(token);
        return token;
    }

    /// <summary>A JWT of a user whose local role the bootstrap ADMIN has set to <paramref name="role"/> (a token's role claim alone grants nothing).</summary>
    public async Task<string> StaffToken(string subject, string role = "AGENT")
    {
        var token = await Token(subject);
        var me = await Client(Apis[0], token).GetFromJsonAsync<JsonElement>("/api/users/me");
        var promoted = await Client(Apis[0], await Token(BootstrapAdmin)).PatchAsJsonAsync($"/api/users/{me.GetProperty("id").GetString()}/role", new { role });
        promoted.EnsureSuccessStatusCode();
        return token;
    }

    public static HttpClient Client(ServiceProcess node, string token) => new LoadEntry(node.Name, node.Url).Client(token);

    public async ValueTask DisposeAsync()
    {
        foreach (var process in Processes)
        {
            await process.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        Certificates.Dispose();
    }

    private Dictionary<string, string> SiloSettings() => new(Certificates.Settings())
    {
        ["ConnectionStrings__TicketPlatform"] = _database!.Options.ConnectionString,
        ["TicketPlatform__Cluster__AdvertisedIP"] = "127.0.0.1",
        ["TicketPlatform__Users__BootstrapAdmins__0"] = BootstrapAdmin,
        ["TicketPlatform__Cluster__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TicketPlatform__Cluster__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["TicketPlatform__Webhooks__EncryptionKey"] = _webhookKey,

        // The webhook tests' receiver is plain HTTP on loopback, and a failover should not wait for production backoff.
        ["TicketPlatform__Webhooks__AllowInsecureHttp"] = "true",
        ["TicketPlatform__Webhooks__AllowPrivateTargets"] = "true",
        ["TicketPlatform__Webhooks__RetryDelays"] = "00:00:01,00:00:02",
        ["TicketPlatform__Webhooks__ScanInterval"] = "00:00:01",
    };

    // Verbose where a careless log line would carry a token: the redaction test relies on these lines existing.
    private Dictionary<string, string> ApiSettings() => new(Certificates.Settings())
    {
        ["TicketPlatform__Profile"] = "Cluster",
        ["ConnectionStrings__OrleansCluster"] = _database!.Options.ConnectionString,
        ["TicketPlatform__Auth__SigningKey"] = _signingKey,
        ["TicketPlatform__RateLimits__Enabled"] = "false",
        ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Hosting.Diagnostics"] = "Information",
        ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Authentication"] = "Debug",
        ["Serilog__MinimumLevel__Override__Microsoft.AspNetCore.Http.Connections"] = "Debug",
    };
}

[CollectionDefinition(nameof(ClusterFixture))]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>;
