using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Sla;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Sla;

/// <summary>The durable SLA schedule: a breach that fell due while its ticket's silo died is still written, exactly once.</summary>
public abstract class SlaScanGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task A_silo_killed_between_the_due_moment_and_the_scan_still_yields_exactly_one_breach()
    {
        var admin = await NewStaffAsync();
        var requester = await NewUserAsync();
        var category = Expect.Ok(await Grains.GetGrain<ICategoryCatalogGrain>(0).Create(admin, new CreateCategory($"Sla {Guid.NewGuid():N}", null)));
        Expect.Ok(await Grains.GetGrain<ISlaPolicyCatalogGrain>(0).Create(admin, new CreateSlaPolicy(
            "One second", new SlaMatch(null, [category.Id]), new SlaTargets("PT1S", null, null), null, null, null, null)));
        var number = Expect.Ok(await Grains.GetGrain<ITicketIntakeGrain>(0).Open(requester, new OpenTicket("Down", "Again.", TicketPriority.High, category.Id))).Number;
        var dueAt = Expect.Ok(await Grains.GetGrain<ITicketSlaGrain>(number).GetSla(admin)).Targets.Single().DueAt!.Value;
        try
        {
            await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow > dueAt), "the first-response target to pass");
            Assert.True(Fixture.Cluster.TryGetGrainContext(Ticket(number).GetGrainId(), out var context));
            await Fixture.Cluster.KillSiloAsync(Fixture.Cluster.Silos.Single(silo => silo.SiloAddress.Equals(context.Address.SiloAddress)));

            // Whichever silo's ticker ran first, the surviving one's scan (and any later one) finds nothing more to write.
            await Eventually.Until(
                async () =>
                {
                    try
                    {
                        await Grains.GetGrain<ISlaScanGrain>(0).EvaluateDue();
                        return await Breaches(number, admin);
                    }
                    catch (Exception e) when (e is not Xunit.Sdk.XunitException)
                    {
                        return -1; // the cluster is still noticing the dead silo
                    }
                },
                breaches => breaches > 0,
                "the breach written after the silo died");
            await Grains.GetGrain<ISlaScanGrain>(0).EvaluateDue();

            Assert.Equal(1, await Breaches(number, admin));
            Assert.Equal(SlaClockState.Breached, Expect.Ok(await Grains.GetGrain<ITicketSlaGrain>(number).GetSla(admin)).Targets.Single().State);
            Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM sla_due_times WHERE ticket_number = @number", new { number }));
        }
        finally
        {
            await Fixture.RestartAsync();
        }
    }

    private async Task<int> Breaches(string number, Actor staff) =>
        (await EventsAsync(number, staff)).Count(e => e.Type == TicketEventType.SlaBreached);
}

[Collection(SqliteCluster.Collection)]
public sealed class SlaScanGrainTestsOnSqlite(SqliteCluster fixture) : SlaScanGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class SlaScanGrainTestsOnPostgres(PostgresCluster fixture) : SlaScanGrainTests(fixture);
