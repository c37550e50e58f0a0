using Dapper;
using TicketPlatform.Persistence;

namespace TicketPlatform.Tickets;

/// <summary>
/// Hands out the sequence numbers of one year. It reserves a block of numbers with one fenced write and
/// serves from memory until the block is used up, so it does not write once per ticket. Numbers left in a
/// block are handed back when the grain deactivates gracefully; after a crash they are skipped, never reused.
/// </summary>
internal sealed class TicketCounterGrain(Database database) : Grain, ITicketCounterGrain
{
    internal const int BlockSize = 50;

    private long _next = 1;
    private long _reservedThrough;

    private int Year => (int)this.GetPrimaryKeyLong();

    public async Task<long> Next()
    {
        if (_next > _reservedThrough)
        {
            await ReserveBlock();
        }

        return _next++;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_next > _reservedThrough)
        {
            return Task.CompletedTask;
        }

        // Fenced: if another activation reserved after us, the row is not ours to lower.
        return database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            "UPDATE ticket_counters SET reserved_through = @Issued WHERE year = @Year AND reserved_through = @ReservedThrough",
            new { Year, Issued = _next - 1, ReservedThrough = _reservedThrough }, transaction), cancellationToken);
    }

    private async Task ReserveBlock()
    {
        while (true)
        {
            var reserved = await database.WriteAsync(async (connection, transaction) =>
            {
                await connection.ExecuteAsync(
                    "INSERT INTO ticket_counters (year, reserved_through) VALUES (@Year, 0) ON CONFLICT (year) DO NOTHING",
                    new { Year }, transaction);
                var current = await connection.ExecuteScalarAsync<long>(
                    "SELECT reserved_through FROM ticket_counters WHERE year = @Year", new { Year }, transaction);
                var claimed = await connection.ExecuteAsync(
                    "UPDATE ticket_counters SET reserved_through = @Through WHERE year = @Year AND reserved_through = @Current",
                    new { Year, Current = current, Through = current + BlockSize }, transaction);
                return claimed == 1 ? current : (long?)null;
            });

            if (reserved is { } start)
            {
                _next = start + 1;
                _reservedThrough = start + BlockSize;
                return;
            }
        }
    }
}
