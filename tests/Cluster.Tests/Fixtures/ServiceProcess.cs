using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Cluster.Tests.Fixtures;

/// <summary>
/// One <c>dotnet X.dll</c> process of the topology, with exactly the given settings as environment variables, its
/// HTTP endpoint, and every line it wrote (the test reads its logs).
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private static readonly HttpClient Probe = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private ServiceProcess(string name, Uri url, Process process)
    {
        Name = name;
        Url = url;
        _process = process;
        _process.OutputDataReceived += (_, e) => Record(e.Data);
        _process.ErrorDataReceived += (_, e) => Record(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Name { get; }

    public Uri Url { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output => string.Join('\n', _output);

    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string> settings, params string[] args) =>
        StartIn(Environment.CurrentDirectory, name, dll, settings, args);

    /// <summary>What an Api process on the embedded profile needs beside its defaults: free ports for its own silo.</summary>
    public static Dictionary<string, string> EmbeddedSettings() => new()
    {
        ["TicketPlatform__Embedded__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        ["TicketPlatform__Embedded__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>As <see cref="Start"/>, with <paramref name="workingDirectory"/> as the process's working directory.</summary>
    public static ServiceProcess StartIn(string workingDirectory, string name, string dll, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        var port = FreePort.Next();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal) || k.StartsWith("TicketPlatform__", StringComparison.Ordinal)).ToList())
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (key, value) in settings)
        {
            info.Environment[key] = value;
        }

        return new ServiceProcess(name, new Uri($"http://127.0.0.1:{port}"), Process.Start(info)!);
    }

    /// <summary>Runs a command of one of the executables (<c>migrate</c>, <c>token</c>) to completion and returns its output; throws when it fails.</summary>
    public static async Task<string> Run(string dll, IReadOnlyDictionary<string, string> settings, params string[] args)
    {
        await using var command = Start(Path.GetFileNameWithoutExtension(dll), dll, settings, args);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await command._process.WaitForExitAsync(timeout.Token);
        if (command._process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {Path.GetFileName(dll)} {args[0]} failed:\n{command.Output}");
        }

        command._process.WaitForExit();
        return command.Output;
    }

    /// <summary>Waits for the process to end by itself and answers its exit code.</summary>
    public async Task<int> Exited(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until <c>/health/ready</c> answers 200.</summary>
    public async Task WaitReady(TimeSpan? timeout = null)
    {
        if (!await Eventually.Within(timeout ?? TimeSpan.FromSeconds(120), IsReady))
        {
            throw new TimeoutException($"{Name} is not ready:\n{Tail()}");
        }
    }

    private async Task<bool> IsReady()
    {
        if (_process.HasExited)
        {
            throw new InvalidOperationException($"{Name} exited with {_process.ExitCode}:\n{Tail()}");
        }

        try
        {
            using var response = await Probe.GetAsync(new Uri(Url, "/health/ready"));
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false; // not listening yet
        }
    }

    /// <summary>kill -9: no shutdown of any kind.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>SIGTERM, then waits for the process to finish its graceful shutdown.</summary>
    public async Task Terminate(TimeSpan timeout)
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
    }

    public string Tail(int lines = 40) => string.Join('\n', _output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await Kill();
        }

        _process.Dispose();
    }

    private void Record(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
