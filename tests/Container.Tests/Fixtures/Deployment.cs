using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Load;
using TicketPlatform.TestSupport.Processes;

namespace TicketPlatform.Container.Tests.Fixtures;

/// <summary>
/// The compose deployment exactly as <c>scripts/containers.sh up</c> starts it (3 silos, 2 Api nodes, nginx), under a
/// project name of its own so that it never touches another deployment; <c>down</c> afterwards. Tests reach the
/// service only through nginx, and the containers only through the docker CLI.
/// </summary>
public sealed class Deployment : IAsyncLifetime, ILoadTarget
{
    public const string Project = "ticketplatform-tests";

    /// <summary>containers.sh's exit status when Docker cannot be installed or started on this machine.</summary>
    private const int DockerUnavailable = 3;

    /// <summary>The healthy containers each service has when the deployment is whole.</summary>
    private static readonly Dictionary<string, int> Expected = new() { ["postgres"] = 1, ["silo"] = 3, ["api-1"] = 1, ["api-2"] = 1, ["nginx"] = 1 };

    private static readonly Dictionary<string, string> ProjectEnvironment = new() { ["COMPOSE_PROJECT_NAME"] = Project, ["RATE_LIMITS_ENABLED"] = "false" };

    private string? _skipReason;

    public Uri Url { get; private set; } = null!;

    /// <summary>A load writes through the load balancer only.</summary>
    public IReadOnlyList<LoadEntry> Entries => [new LoadEntry("nginx", Url)];

    /// <summary>
    /// The deployment's database at the PostgreSQL container's current address (the host reaches the internal network;
    /// nothing is published), for checking what was committed. Looked up on each use: a restart may move it.
    /// </summary>
    public string ConnectionString =>
        $"Host={PostgresAddress().GetAwaiter().GetResult()};Port=5432;Username=ticketplatform;Password=ticketplatform;Database=ticketplatform";

    public async ValueTask InitializeAsync()
    {
        await Script(TimeSpan.FromMinutes(2), "down");
        var clock = Stopwatch.StartNew();
        var up = await Command.Run(Repository.File("scripts/containers.sh"), ["up"], ProjectEnvironment, TimeSpan.FromMinutes(20));
        if (up.ExitCode == DockerUnavailable)
        {
            _skipReason = up.Errors.Trim();
            return;
        }

        if (!up.Succeeded)
        {
            await Script(TimeSpan.FromMinutes(2), "down");
            throw new InvalidOperationException($"scripts/containers.sh up failed ({up.ExitCode}):\n{up.Errors}");
        }

        Url = new Uri(up.Output.Split('\n').Single(line => line.StartsWith("URL=", StringComparison.Ordinal))["URL=".Length..]);
        TestContext.Current.SendDiagnosticMessage(string.Create(CultureInfo.InvariantCulture,
            $"[containers] scripts/containers.sh up: {clock.Elapsed.TotalSeconds:F1} s, {Url}"));
    }

    /// <summary>Skips the calling test, loudly, when Docker cannot be installed or started here.</summary>
    public void Require()
    {
        if (_skipReason is not null)
        {
            Assert.Skip($"!!! CONTAINER TEST NOT RUN: Docker cannot be installed or started here: {_skipReason} !!!");
        }
    }

    /// <summary>A JWT the deployment accepts, from <c>scripts/containers.sh token</c>.</summary>
    public async Task<string> Token(string subject, string role = "USER")
    {
        var output = await Script(TimeSpan.FromMinutes(2), "token", "--sub", subject, "--role", role, "--name", subject);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[^1];
    }

    /// <summary>The ids of the running containers of one compose service.</summary>
    public async Task<IReadOnlyList<string>> Containers(string service) =>
        (await Docker("ps", "-q", "--filter", $"label=com.docker.compose.project={Project}", "--filter", $"label=com.docker.compose.service={service}"))
        .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Every container of the project, running or not.</summary>
    public async Task<IReadOnlyList<string>> AllContainers() =>
        (await Docker("ps", "-aq", "--filter", $"label=com.docker.compose.project={Project}")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public async Task<JsonElement> Inspect(string container) =>
        JsonDocument.Parse(await Docker("inspect", container)).RootElement[0];

    public async Task<string> Address(string container) =>
        (await Docker("inspect", "-f", "{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}", container)).Trim().Split(' ')[0];

    public async Task<string> Logs(string container)
    {
        var result = await Command.Run("docker", ["logs", container]);
        return result.Output + result.Errors;
    }

    /// <summary>Waits until 3 silos, 2 Api nodes, PostgreSQL and nginx run and report healthy.</summary>
    public Task WaitHealthy(TimeSpan limit) => Eventually.Until(
        async () => string.Join(", ", await Task.WhenAll(Expected.Select(async s => $"{s.Key} {await CountHealthy(s.Key)}/{s.Value}"))),
        healthy => healthy == string.Join(", ", Expected.Select(s => $"{s.Key} {s.Value}/{s.Value}")),
        "every service healthy",
        limit);

    private async Task<string> PostgresAddress() => await Address((await Containers("postgres")).Single());

    public static Task<string> Docker(params string[] args) => Command.Output("docker", args);

    public async ValueTask DisposeAsync()
    {
        if (_skipReason is null)
        {
            await Script(TimeSpan.FromMinutes(5), "down");
        }
    }

    private async Task<int> CountHealthy(string service)
    {
        var healthy = 0;
        foreach (var container in await Containers(service))
        {
            healthy += (await Inspect(container)).GetProperty("State").GetProperty("Health").GetProperty("Status").GetString() == "healthy" ? 1 : 0;
        }

        return healthy;
    }

    private static Task<string> Script(TimeSpan timeout, params string[] args) =>
        Command.Output(Repository.File("scripts/containers.sh"), args, ProjectEnvironment, timeout);
}

[CollectionDefinition(nameof(Deployment))]
public sealed class DeploymentCollection : ICollectionFixture<Deployment>;
