using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

public abstract class TicketCounterGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private const int BlockSize = TicketCounterGrain.BlockSize;

    [Fact]
    public async Task CounterReservesBlocksInsteadOfWritingPerTicket()
    {
        var requester = await NewUserAsync();
        var observed = new List<(long Sequence, long ReservedThrough)>();

        for (var i = 0; i < BlockSize + 10; i++)
        {
            var number = (await OpenAsync(requester)).Number;
            observed.Add((Expect.Sequence(number), await ReservedThroughAsync(Expect.Year(number))));
        }

        Assert.All(observed, o => Assert.InRange(o.Sequence, o.ReservedThrough - BlockSize + 1, o.ReservedThrough));
        Assert.InRange(observed.Select(o => o.ReservedThrough).Distinct().Count(), 2, 3);
        Assert.All(observed.Select(o => o.ReservedThrough).Distinct().Zip(observed.Select(o => o.ReservedThrough).Distinct().Skip(1)), pair => Assert.Equal(BlockSize, pair.Second - pair.First));
    }

    [Fact]
    public async Task AfterGracefulDeactivationTheCounterHandsBackItsBlockAndNeverReusesNumbers()
    {
        var requester = await NewUserAsync();
        var before = new List<string> { (await OpenAsync(requester)).Number };
        var year = Expect.Year(before[0]);
        while (Expect.Sequence(before[^1]) == await ReservedThroughAsync(year))
        {
            before.Add((await OpenAsync(requester)).Number);
        }

        var lastIssued = Expect.Sequence(before[^1]);
        var counter = Grains.GetGrain<ITicketCounterGrain>(year);
        Assert.True(Fixture.Cluster.TryGetGrainContext(counter.GetGrainId(), out _));
        await Fixture.Cluster.DeactivateAsync(counter);
        Assert.False(Fixture.Cluster.TryGetGrainContext(counter.GetGrainId(), out _));

        var after = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            after.Add((await OpenAsync(requester, via: Fixture.Silo(i % ClusterFixture.SiloCount))).Number);
        }

        Assert.Equal([lastIssued + 1, lastIssued + 2, lastIssued + 3], after.Select(Expect.Sequence));
        Assert.Equal(lastIssued + BlockSize, await ReservedThroughAsync(year));
        var all = before.Concat(after).ToArray();
        Assert.Equal(all.Length, all.Distinct().Count());
        foreach (var number in all)
        {
            Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM tickets WHERE number = @number", new { number }));
        }
    }

    private Task<long> ReservedThroughAsync(int year) =>
        ScalarAsync<long>("SELECT reserved_through FROM ticket_counters WHERE year = @year", new { year });
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketCounterGrainTestsOnSqlite(SqliteCluster fixture) : TicketCounterGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketCounterGrainTestsOnPostgres(PostgresCluster fixture) : TicketCounterGrainTests(fixture);
