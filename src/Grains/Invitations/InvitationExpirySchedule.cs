using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace TicketPlatform.Invitations;

/// <summary>
/// Runs the invitation expiry scan every <see cref="InvitationOptions.ScanInterval"/> while the silo is active.
/// Every silo runs one; the scans queue at the single <see cref="IInvitationExpiryGrain"/> activation, and
/// since the deadlines live in the invitations table a restart loses nothing.
/// </summary>
internal sealed partial class InvitationExpirySchedule(
    IGrainFactory grains, IOptions<InvitationOptions> options, TimeProvider time, ILogger<InvitationExpirySchedule> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(InvitationExpirySchedule), ServiceLifecycleStage.Active, Start, Stop);

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

    private async Task Run(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(options.Value.ScanInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                await Scan();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task Scan()
    {
        try
        {
            await grains.GetGrain<IInvitationExpiryGrain>(0).ExpireDue();
        }
        catch (Exception e)
        {
            LogScanFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The invitation expiry scan failed; it runs again at the next interval")]
    private partial void LogScanFailed(Exception exception);
}
