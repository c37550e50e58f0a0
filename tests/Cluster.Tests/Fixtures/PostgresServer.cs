using TicketPlatform.TestSupport;
using TicketPlatform.TestSupport.Processes;

namespace TicketPlatform.Cluster.Tests.Fixtures;

/// <summary>
/// A PostgreSQL server of the cluster suite's own, started through scripts/lib/postgres.sh: the suite restarts it,
/// which it must not do to the server the other test assemblies share.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string _directory;
    private readonly string _bin;
    private readonly string _port;

    private PostgresServer(string directory, string bin, string port)
    {
        _directory = directory;
        _bin = bin;
        _port = port;
    }

    public string AdminConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres";

    public static async Task<PostgresServer> StartAsync()
    {
        var started = await Shell("pg_start >&2 && echo \"$PG_DIR|$PG_BIN|$PG_PORT\"");
        var parts = started.Trim().Split('|');
        return new PostgresServer(parts[0], parts[1], parts[2]);
    }

    /// <summary>Stops the server (fast shutdown: sessions are terminated), keeping its data.</summary>
    public Task Down() => Shell("pg_down", this);

    /// <summary>Starts it again on the same port.</summary>
    public Task Up() => Shell("pg_up", this);

    public async ValueTask DisposeAsync() => await Shell("pg_stop", this);

    private static async Task<string> Shell(string command, PostgresServer? server = null)
    {
        var environment = server is null
            ? null
            : new Dictionary<string, string> { ["PG_DIR"] = server._directory, ["PG_BIN"] = server._bin, ["PG_PORT"] = server._port };
        return await Command.Output("bash", ["-c", $"set -e; source '{Repository.File("scripts/lib/postgres.sh")}'; {command}"], environment);
    }
}
