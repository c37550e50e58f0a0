using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using TicketPlatform.Users;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

public abstract class TicketDurabilityGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task AReactivatedTicketIsIdenticalAndCarriesOn()
    {
        var (requester, staff, before) = await WorkedTicketAsync();
        var grain = Ticket(before.Number);

        await Fixture.Cluster.DeactivateAsync(grain);
        Assert.False(Fixture.Cluster.TryGetGrainContext(grain.GetGrainId(), out _));

        Expect.SameTicket(before, Expect.Ok(await Fixture.Silo(1).GetGrain<ITicketGrain>(before.Number).Get(staff)));
        await AssertCarriesOnAsync(before, requester, staff);
    }

    [Fact]
    public async Task AWholeClusterRestartLosesNothingCommitted()
    {
        var (requester, staff, before) = await WorkedTicketAsync();
        var subject = NewSubject();
        var user = await Grains.GetGrain<IUserGrain>(subject).SyncFromToken(new TokenIdentity(subject, "kept@example.test", "Kept", "ADMIN"));
        var eventsBefore = await EventsAsync(before.Number, staff);

        await Fixture.RestartAsync();

        Expect.SameTicket(before, Expect.Ok(await Ticket(before.Number).Get(staff)));
        Assert.Equal(eventsBefore, await EventsAsync(before.Number, staff));
        Assert.Equal(user, await Grains.GetGrain<IUserGrain>(subject).Get());
        await AssertCarriesOnAsync(before, requester, staff);
    }

    private async Task<(Actor Requester, Actor Staff, TicketView Ticket)> WorkedTicketAsync()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var number = (await OpenAsync(requester, TicketPriority.Low, "Durable ticket")).Number;
        var ticket = Ticket(number);
        Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, "Taking it")));
        Expect.Ok(await ticket.ChangePriority(requester, new ChangePriority(TicketPriority.High)));
        Expect.Ok(await ticket.Edit(requester, new EditTicket(null, "Now with details.")));
        var resolved = Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Resolved, null)));
        Assert.Equal(2, resolved.Participants!.Length);
        Assert.NotNull(resolved.ResolvedAt);
        return (requester, staff, resolved);
    }

    private async Task AssertCarriesOnAsync(TicketView before, Actor requester, Actor staff)
    {
        var closed = Expect.Ok(await Ticket(before.Number).ChangeStatus(staff, new ChangeStatus(TicketStatus.Closed, null)));
        Assert.Equal(before.Version + 1, closed.Version);
        Assert.Equal(before.ResolvedAt, closed.ResolvedAt);
        Assert.Equal(before.Participants, closed.Participants);
        var last = (await EventsAsync(before.Number, requester))[^1];
        Assert.Equal((7L, TicketEventType.StatusChanged), (last.Seq, last.Type));
        Assert.Equal(new StoredTicket(closed.Version, 7, 7, 7), await StoredAsync(before.Number));
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketDurabilityGrainTestsOnSqlite(SqliteCluster fixture) : TicketDurabilityGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketDurabilityGrainTestsOnPostgres(PostgresCluster fixture) : TicketDurabilityGrainTests(fixture);
