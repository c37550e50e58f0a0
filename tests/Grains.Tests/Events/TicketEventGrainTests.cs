using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Events;

public abstract class TicketEventGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task EveryCommitWritesTheStateAndItsEventsTogether()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var opened = await OpenAsync(requester);
        var number = opened.Number;
        var ticket = Ticket(number);
        await AssertCommittedAsync(opened, expectedEvents: 1);

        (Func<Task<Result<TicketView>>> Command, int NewEvents)[] steps =
        [
            (() => ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, null)), 2),
            (() => ticket.ChangePriority(requester, new ChangePriority(TicketPriority.Urgent)), 1),
            (() => ticket.ChangePriority(requester, new ChangePriority(TicketPriority.Urgent)), 0),
            (() => ticket.Edit(staff, new EditTicket("A better title", "More detail.")), 1),
            (() => ticket.ChangeStatus(requester, new ChangeStatus(TicketStatus.Resolved, null)), 0),
            (() => ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Resolved, "Fixed")), 1),
        ];

        var expectedEvents = 1;
        var version = opened.Version;
        foreach (var (command, newEvents) in steps)
        {
            var result = await command();
            var view = result.IsSuccess ? result.Value! : Expect.Ok(await ticket.Get(staff));
            expectedEvents += newEvents;
            version += newEvents > 0 ? 1 : 0;
            Assert.Equal(version, view.Version);
            await AssertCommittedAsync(view, expectedEvents);
        }

        var timeline = await EventsAsync(number, staff);
        Assert.Equal(Enumerable.Range(1, expectedEvents).Select(i => (long)i), timeline.Select(e => e.Seq));
        Assert.All(timeline, e => Assert.Equal(number, e.TicketNumber));
    }

    [Fact]
    public async Task GetEventsAfterReturnsExactlyTheLaterEvents()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var number = (await OpenAsync(requester)).Number;
        var ticket = Ticket(number);
        Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, null)));
        Expect.Ok(await ticket.ChangePriority(staff, new ChangePriority(TicketPriority.Low)));
        Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Resolved, null)));
        var all = await EventsAsync(number, requester);
        Assert.Equal([1L, 2, 3, 4, 5], all.Select(e => e.Seq));

        for (var after = 0; after <= all.Length; after++)
        {
            var later = await EventsAsync(number, requester, after);
            Assert.Equal(all.Skip(after), later);
        }

        var page = Expect.Ok(await ticket.GetEvents(requester, new TicketEventQuery(After: 1, Limit: 2)));
        Assert.Equal([2L, 3], page.Items.Select(e => e.Seq));
        Assert.NotNull(page.NextCursor);
        var statuses = Expect.Ok(await ticket.GetEvents(requester, new TicketEventQuery(Type: TicketEventType.StatusChanged)));
        Assert.Equal([3L, 5], statuses.Items.Select(e => e.Seq));
        Assert.Null(statuses.NextCursor);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task ALimitOutsideOneToHundredIsAValidationError(int limit)
    {
        var requester = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;

        var error = Expect.Error(await Ticket(number).GetEvents(requester, new TicketEventQuery(Limit: limit)), ErrorCodes.Validation);

        Assert.Contains("limit", error.Errors!.Keys);
    }

    private async Task AssertCommittedAsync(TicketView view, int expectedEvents)
    {
        var stored = await StoredAsync(view.Number);
        Assert.Equal(new StoredTicket(view.Version, expectedEvents, expectedEvents, expectedEvents), stored);
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketEventGrainTestsOnSqlite(SqliteCluster fixture) : TicketEventGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketEventGrainTestsOnPostgres(PostgresCluster fixture) : TicketEventGrainTests(fixture);
