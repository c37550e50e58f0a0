using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using TicketPlatform.Common;

namespace TicketPlatform.Scheduling;

/// <summary>
/// Runs a scan when the silo becomes active and then every <c>interval</c> (invitation expiry, SLA clocks, webhook
/// dispatch). Every silo runs one per scan; the scans meet at one grain activation, so they queue instead of
/// overlapping, and since what is due lives in a table a restart or a dead silo loses nothing: the next tick of any
/// silo finds it, and a restarted silo catches up at once.
/// </summary>
internal sealed partial class SiloTicker(string name, TimeSpan interval, Func<Task> scan, TimeProvider time, ILogger<SiloTicker> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(name, ServiceLifecycleStage.Active, Start, Stop);

    public void Dispose() => _stopping.Dispose();

    private Task Start(CancellationToken cancellationToken)
    {
        _running = Run(_stopping.Token);
        return Task.CompletedTask;
    }

    private async Task Stop(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_running is not { } running)
        {
            return;
        }

        try
        {
            await running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private Task Run(CancellationToken stopping) => Periodically.Run(interval, _ => scan(), e => LogScanFailed(e, name), stopping, time);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The {Scan} scan failed; it runs again at the next interval")]
    private partial void LogScanFailed(Exception exception, string scan);
}
