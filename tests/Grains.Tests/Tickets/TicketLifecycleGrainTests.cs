using System.Text.Json;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

public abstract class TicketLifecycleGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task StaffWalkTheWholeLifecycleWithStatusChangedEvents()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var number = (await OpenAsync(requester)).Number;
        var ticket = Ticket(number);

        var started = Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, "Looking into it")));
        Assert.Equal((TicketStatus.InProgress, (DateTimeOffset?)null, (DateTimeOffset?)null), (started.Status, started.ResolvedAt, started.ClosedAt));

        var resolved = Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Resolved, null)));
        Assert.Equal(TicketStatus.Resolved, resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Null(resolved.ClosedAt);

        var closed = Expect.Ok(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Closed, "Done")));
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.Equal(resolved.ResolvedAt, closed.ResolvedAt);
        Assert.NotNull(closed.ClosedAt);
        Assert.True(closed.ClosedAt >= closed.ResolvedAt);

        var reopened = Expect.Ok(await ticket.Reopen(staff, new ReopenTicket("It came back")));
        Assert.Equal((TicketStatus.Open, (DateTimeOffset?)null, (DateTimeOffset?)null), (reopened.Status, reopened.ResolvedAt, reopened.ClosedAt));
        Assert.Equal(started.Version + 3, reopened.Version);

        var changes = (await EventsAsync(number, requester)).Where(e => e.Type == TicketEventType.StatusChanged).ToArray();
        Assert.Equal(
            [("OPEN", "IN_PROGRESS", "Looking into it"), ("IN_PROGRESS", "RESOLVED", null), ("RESOLVED", "CLOSED", "Done"), ("CLOSED", "OPEN", "It came back")],
            changes.Select(StatusPayload));
        Assert.All(changes, e => Assert.Equal(staff.UserId, e.ActorId));
        Assert.Equal([3L, 4, 5, 6], changes.Select(e => e.Seq));
    }

    [Fact]
    public async Task TheRequesterMayOnlyCloseAnOpenTicket()
    {
        var requester = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;
        var ticket = Ticket(number);

        var refused = Expect.Error(await ticket.ChangeStatus(requester, new ChangeStatus(TicketStatus.InProgress, null)), ErrorCodes.InvalidTransition);
        Assert.Equal(["CLOSED"], refused.Allowed!);

        var closed = Expect.Ok(await ticket.ChangeStatus(requester, new ChangeStatus(TicketStatus.Closed, null)));
        Assert.Equal(TicketStatus.Closed, closed.Status);
        Assert.NotNull(closed.ClosedAt);
        Assert.Null(closed.ResolvedAt);

        var reopen = Expect.Error(await ticket.ChangeStatus(requester, new ChangeStatus(TicketStatus.Open, null)), ErrorCodes.InvalidTransition);
        Assert.Empty(reopen.Allowed!);
        Expect.Error(await ticket.Reopen(requester, new ReopenTicket(null)), ErrorCodes.Forbidden);

        var stored = await StoredAsync(number);
        Assert.Equal(closed.Version, stored.Version);
        Assert.Equal(2, stored.EventCount);
    }

    [Fact]
    public async Task AForbiddenTransitionNamesTheAllowedTargetsAndChangesNothing()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var opened = await OpenAsync(requester);
        var ticket = Ticket(opened.Number);

        var skip = Expect.Error(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Resolved, null)), ErrorCodes.InvalidTransition);
        Assert.Equal(["IN_PROGRESS", "CLOSED"], skip.Allowed!);
        var same = Expect.Error(await ticket.ChangeStatus(staff, new ChangeStatus(TicketStatus.Open, null)), ErrorCodes.InvalidTransition);
        Assert.Equal(["IN_PROGRESS", "CLOSED"], same.Allowed!);
        Expect.Error(await ticket.Reopen(staff, new ReopenTicket(null)), ErrorCodes.InvalidTransition);

        var after = Expect.Ok(await ticket.Get(staff));
        Assert.Equal(1, after.Version);
        Assert.Single(after.Participants!);
        Assert.Single(await EventsAsync(opened.Number, staff));
        Assert.Equal(new StoredTicket(1, 1, 1, 1), await StoredAsync(opened.Number));
    }

    [Fact]
    public async Task AStrangerUserCannotSeeOrTouchTheTicket()
    {
        var requester = await NewUserAsync();
        var stranger = await NewUserAsync();
        var number = (await OpenAsync(requester)).Number;
        var ticket = Ticket(number);

        Expect.Error(await ticket.Get(stranger), ErrorCodes.NotFound);
        Expect.Error(await ticket.GetEvents(stranger, new TicketEventQuery()), ErrorCodes.NotFound);
        Expect.Error(await ticket.GetPermissions(stranger), ErrorCodes.NotFound);
        Expect.Error(await ticket.ChangeStatus(stranger, new ChangeStatus(TicketStatus.Closed, null)), ErrorCodes.NotFound);
        Expect.Error(await ticket.ChangePriority(stranger, new ChangePriority(TicketPriority.Urgent)), ErrorCodes.NotFound);
        Expect.Error(await ticket.Edit(stranger, new EditTicket("Mine now", null)), ErrorCodes.NotFound);

        Assert.Equal(new StoredTicket(1, 1, 1, 1), await StoredAsync(number));
    }

    [Fact]
    public async Task StaffNotOnTheTicketAreEnrolledBeforeTheirChange()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var number = (await OpenAsync(requester)).Number;
        Expect.Ok(await Ticket(number).ChangePriority(requester, new ChangePriority(TicketPriority.High)));

        var changed = Expect.Ok(await Ticket(number).ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, null)));

        var joined = Assert.Single(changed.Participants!, p => p.UserId == staff.UserId);
        Assert.Equal((ParticipantRole.Staff, true, true), (joined.Role, joined.CanEdit, joined.CanComment));
        var events = await EventsAsync(number, staff);
        Assert.Equal([TicketEventType.TicketCreated, TicketEventType.PriorityChanged, TicketEventType.StaffJoined, TicketEventType.StatusChanged], events.Select(e => e.Type));
        Assert.Equal([1L, 2, 3, 4], events.Select(e => e.Seq));
        using (var payload = JsonDocument.Parse(events[2].Payload))
        {
            Assert.Equal(staff.UserId, payload.RootElement.GetProperty("userId").GetGuid());
        }

        Expect.Ok(await Ticket(number).ChangeStatus(staff, new ChangeStatus(TicketStatus.Resolved, null)));
        Assert.Single(await EventsAsync(number, staff), e => e.Type == TicketEventType.StaffJoined);
        Assert.Equal(1L, await ScalarAsync<long>(
            "SELECT COUNT(*) FROM participants WHERE ticket_number = @number AND role = 'STAFF'", new { number }));
    }

    private static (string? From, string? To, string? Reason) StatusPayload(TicketEventView e)
    {
        using var payload = JsonDocument.Parse(e.Payload);
        var root = payload.RootElement;
        return (root.GetProperty("from").GetString(), root.GetProperty("to").GetString(),
            root.TryGetProperty("reason", out var reason) ? reason.GetString() : null);
    }
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketLifecycleGrainTestsOnSqlite(SqliteCluster fixture) : TicketLifecycleGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketLifecycleGrainTestsOnPostgres(PostgresCluster fixture) : TicketLifecycleGrainTests(fixture);
