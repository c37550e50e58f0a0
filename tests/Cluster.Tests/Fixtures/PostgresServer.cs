using System.Diagnostics;

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
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add($"set -e; source '{Repository.File("scripts/lib/postgres.sh")}'; {command}");
        if (server is not null)
        {
            info.Environment["PG_DIR"] = server._directory;
            info.Environment["PG_BIN"] = server._bin;
            info.Environment["PG_PORT"] = server._port;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"postgres.sh {command} failed: {await errors}");
        }

        return await output;
    }
}
