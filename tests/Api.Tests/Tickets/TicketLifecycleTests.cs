using System.Net;
using System.Text.Json;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class TicketLifecycleTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Staff_walk_the_whole_lifecycle_with_timestamps_and_events()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var url = $"/api/tickets/{ticket.Number}/status";

        var inProgress = await (await admin.Client.PatchJson(url, new { status = "IN_PROGRESS", reason = "Looking" })).Read<TicketView>();
        var resolved = await (await admin.Client.PatchJson(url, new { status = "RESOLVED" })).Read<TicketView>();
        var closed = await (await admin.Client.PatchJson(url, new { status = "CLOSED" })).Read<TicketView>();
        var reopened = await (await admin.Client.PostJson($"/api/tickets/{ticket.Number}/reopen", new { reason = "Still burning" })).Read<TicketView>();

        Assert.Equal((TicketStatus.InProgress, null, null), (inProgress.Status, inProgress.ResolvedAt, inProgress.ClosedAt));
        Assert.NotNull(resolved.ResolvedAt);
        Assert.Equal(resolved.ResolvedAt, closed.ResolvedAt);
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal((TicketStatus.Open, null, null), (reopened.Status, reopened.ResolvedAt, reopened.ClosedAt));

        var events = await Events(user, ticket.Number);
        Assert.Equal(
            [TicketEventType.TicketCreated, TicketEventType.StaffJoined, TicketEventType.StatusChanged, TicketEventType.StatusChanged, TicketEventType.StatusChanged, TicketEventType.StatusChanged],
            events.Select(e => e.Type));
        Assert.Equal([1L, 2, 3, 4, 5, 6], events.Select(e => e.Seq));
        var first = events[2].Payload;
        Assert.Equal(("OPEN", "IN_PROGRESS", "Looking"), (first.GetProperty("from").GetString(), first.GetProperty("to").GetString(), first.GetProperty("reason").GetString()));
        Assert.False(events[3].Payload.TryGetProperty("reason", out _));
        Assert.Equal("Still burning", events[5].Payload.GetProperty("reason").GetString());
        Assert.Equal(5, reopened.Version);
    }

    [Fact]
    public async Task Staff_acting_on_a_ticket_they_are_not_on_are_enrolled_first()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        var changed = await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" })).Read<TicketView>();

        Assert.Contains(changed.Participants!, p => p.UserId == admin.Id && p.Role == ParticipantRole.Staff);
        var events = await Events(admin, ticket.Number, "?after=1");
        Assert.Equal([(2L, TicketEventType.StaffJoined), (3L, TicketEventType.PriorityChanged)], events.Select(e => (e.Seq, e.Type)));
        var payload = events[1].Payload;
        Assert.Equal(("MEDIUM", "URGENT"), (payload.GetProperty("from").GetString(), payload.GetProperty("to").GetString()));
    }

    [Fact]
    public async Task The_requester_may_only_close_an_open_ticket()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var url = $"/api/tickets/{ticket.Number}/status";

        var refused = await (await user.Client.PatchJson(url, new { status = "IN_PROGRESS" })).Problem(HttpStatusCode.Conflict, "INVALID_TRANSITION");
        Assert.Equal(["CLOSED"], refused["allowed"]!.AsArray().Select(a => (string?)a));

        await (await admin.Client.PatchJson(url, new { status = "IN_PROGRESS" })).Read<TicketView>();
        var notOpen = await (await user.Client.PatchJson(url, new { status = "CLOSED" })).Problem(HttpStatusCode.Conflict, "INVALID_TRANSITION");
        Assert.Empty(notOpen["allowed"]!.AsArray());

        await (await admin.Client.PatchJson(url, new { status = "OPEN" })).Read<TicketView>();
        var closed = await (await user.Client.PatchJson(url, new { status = "CLOSED" })).Read<TicketView>();
        Assert.Equal(TicketStatus.Closed, closed.Status);
    }

    [Fact]
    public async Task The_same_state_and_unlisted_transitions_are_409_with_the_allowed_targets()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        var same = await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "OPEN" })).Problem(HttpStatusCode.Conflict, "INVALID_TRANSITION");
        var skip = await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "RESOLVED" })).Problem(HttpStatusCode.Conflict, "INVALID_TRANSITION");

        Assert.Equal(["IN_PROGRESS", "CLOSED"], same["allowed"]!.AsArray().Select(a => (string?)a));
        Assert.Equal(["IN_PROGRESS", "CLOSED"], skip["allowed"]!.AsArray().Select(a => (string?)a));
        Assert.Single(await Events(user, ticket.Number));
    }

    [Fact]
    public async Task Reopen_is_staff_only_and_only_from_resolved_or_closed()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var reopen = $"/api/tickets/{ticket.Number}/reopen";

        await (await user.Client.PostJson(reopen, new { })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await admin.Client.PostAsync(reopen, null)).Problem(HttpStatusCode.Conflict, "INVALID_TRANSITION");
    }

    [Fact]
    public async Task Bad_status_bodies_are_400_and_change_nothing()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var url = $"/api/tickets/{ticket.Number}/status";

        await (await user.Client.PatchJson(url, new { status = "DONE" })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PatchJson(url, new { })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PatchJson(url, new { status = "CLOSED", reason = new string('r', 1001) })).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        var after = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        Assert.Equal((TicketStatus.Open, 1), (after.Status, after.Version));
    }

    [Fact]
    public async Task Editing_records_before_and_after_of_the_changed_fields_only()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user, "Old title");

        var edited = await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = "New title" })).Read<TicketView>();
        var unchanged = await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = "New title" })).Read<TicketView>();

        Assert.Equal(("New title", ticket.Description, 2), (edited.Title, edited.Description, edited.Version));
        Assert.Equal(2, unchanged.Version);
        var payload = (await Events(user, ticket.Number, "?type=TICKET_UPDATED")).Single().Payload;
        Assert.Equal("Old title", payload.GetProperty("title").GetProperty("from").GetString());
        Assert.False(payload.TryGetProperty("description", out _));
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}", new { })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}", new { description = new string('d', 20_001) })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketLifecycleTests(SqliteApi fixture) : TicketLifecycleTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketLifecycleTests(PostgresApi fixture) : TicketLifecycleTests(fixture);
