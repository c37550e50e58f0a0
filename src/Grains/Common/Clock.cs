namespace TicketPlatform.Common;

/// <summary>
/// The domain's "now": UTC, truncated to whole microseconds so that what is held in memory equals what
/// PostgreSQL (microsecond timestamps) and SQLite (text) give back after a reload.
/// </summary>
public sealed class Clock(TimeProvider timeProvider)
{
    public DateTimeOffset Now()
    {
        var now = timeProvider.GetUtcNow();
        return new DateTimeOffset(now.Ticks - (now.Ticks % 10), TimeSpan.Zero);
    }
}
