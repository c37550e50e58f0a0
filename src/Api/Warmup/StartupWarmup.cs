using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Runtime;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Commands;
using TicketPlatform.Observability;

namespace TicketPlatform.Api.Warmup;

/// <summary>
/// Right after start, sends this node rounds of real requests and hub pushes over loopback (<see cref="HubWarmup"/>)
/// until a round leaves the runtime nothing more to compile, then reports ready (<see cref="WarmupHealthCheck"/>).
/// Tiered compilation compiles a hot method twice more (instrumented, then optimised) on one background thread; under
/// load on a small machine that thread gets a share of the core, and a fresh node ran at a third of its speed for
/// 10 s and more, its first fan-out spending two thirds of its CPU compiling. Nothing is written: the requests ask
/// <c>/health/live</c> with a token that passes validation but that no local user can be made from.
/// </summary>
public sealed partial class StartupWarmup(
    IServer server,
    IHostApplicationLifetime lifetime,
    WarmupMarker marker,
    HubWarmup hubWarmup,
    IOptions<WarmupOptions> options,
    AuthOptions auth,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<StartupWarmup> logger) : BackgroundService
{
    private const string Path = "/health/live";
    private const int Concurrency = 8;
    private const int RequestsPerRound = 64;

    /// <summary>A round during which the runtime compiled no more methods than this counts as settled.</summary>
    private const int SettledRound = 8;

    /// <summary>A round that takes longer has lost a push or a connection.</summary>
    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    private volatile bool _finished;
    private int _rounds;

    public bool Finished => _finished;

    /// <summary>Rounds of requests and pushes done so far.</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (options.Value.Enabled)
            {
                await Started(stoppingToken);
                if (LoopbackAddress.Of(server, ManagementPort.Of(configuration)) is { } address)
                {
                    await WarmUp(address, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            // Whatever went wrong, the node works without a warm-up: a failed one must not stop the host.
            LogFailed(logger, e);
        }
        finally
        {
            _finished = true;
        }
    }

    private async Task Started(CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(cancellationToken);
    }

    private async Task WarmUp(Uri address, CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Concurrency }) { BaseAddress = address };
        client.DefaultRequestHeaders.Add(WarmupMarker.HeaderName, marker.Value);
        var token = Token();
        client.DefaultRequestHeaders.Authorization = token is null ? null : new AuthenticationHeaderValue("Bearer", token);
        hubWarmup.PreparePayloads();
        var start = time.GetTimestamp();
        bool settled;
        do
        {
            var compiledBefore = JitInfo.GetCompiledMethodCount();
            await Parallel.ForEachAsync(
                Enumerable.Range(0, RequestsPerRound),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
                async (_, requestCancelled) =>
                {
                    using var response = await client.GetAsync(Path, requestCancelled);
                });
            await hubWarmup.Round(address, token, cancellationToken).WaitAsync(RoundTimeout, cancellationToken);
            Interlocked.Increment(ref _rounds);
            await CompilerIdle(start, cancellationToken);
            settled = JitInfo.GetCompiledMethodCount() - compiledBefore <= SettledRound;
        }
        while (!settled && time.GetElapsedTime(start) < options.Value.MaxDuration);

        var seconds = time.GetElapsedTime(start).TotalSeconds;
        LogWarmedUp(logger, seconds, Rounds);
    }

    /// <summary>
    /// Waits while the background compiler works through what the last round made hot: the next round then runs the
    /// new code (and counts the calls that promote it again) instead of competing with the compiler for the core.
    /// </summary>
    private async Task CompilerIdle(long start, CancellationToken cancellationToken)
    {
        long before;
        do
        {
            before = JitInfo.GetCompiledMethodCount();
            await Task.Delay(Poll, time, cancellationToken);
        }
        while (JitInfo.GetCompiledMethodCount() != before && time.GetElapsedTime(start) < options.Value.MaxDuration);
    }

    /// <summary>
    /// A token this node accepts, for a subject longer than any local user's: <see cref="JitUserSync"/> refuses it
    /// before it reaches a grain, so no user is made. None when tokens come from an authority (this node has no key).
    /// </summary>
    private string? Token() => auth.Authority is { Length: > 0 }
        ? null
        : TokenCommand.Mint(auth, SigningKeys.Resolve(auth, configuration), new string('w', JitUserSync.MaxSubjectLength + 1), null, null, null, TimeSpan.FromMinutes(5));

    [LoggerMessage(Level = LogLevel.Information, Message = "Warmed up in {Seconds:0.0} s ({Rounds} rounds of requests and pushes to itself)")]
    private static partial void LogWarmedUp(ILogger logger, double seconds, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The warm-up failed; reporting ready without it")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
