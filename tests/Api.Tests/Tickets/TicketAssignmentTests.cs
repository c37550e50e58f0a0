using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class TicketAssignmentTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Assigning_enrols_the_assignee_and_records_from_and_to()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var other = await NewAdmin();
        var ticket = await CreateTicket(user);

        var assigned = await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = other.Id })).Read<TicketView>();

        Assert.Equal(other.Id, assigned.AssigneeId);
        Assert.Contains(assigned.Participants!, p => p.UserId == other.Id && p.Role == ParticipantRole.Staff);
        var events = await Events(admin, ticket.Number, "?after=1");
        Assert.Equal([TicketEventType.StaffJoined, TicketEventType.StaffJoined, TicketEventType.Assigned], events.Select(e => e.Type));
        Assert.Equal(other.Id.ToString(), events[2].Payload.GetProperty("to").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, events[2].Payload.GetProperty("from").ValueKind);
    }

    [Fact]
    public async Task Claim_and_unassign_feed_the_assigned_and_unassigned_queues()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        var unassignedBefore = await (await admin.Client.GetAsync("/api/tickets/unassigned?limit=100")).Read<TicketPage>();
        await (await admin.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Read<TicketView>();
        var mine = await (await admin.Client.GetAsync("/api/tickets/assigned")).Read<TicketPage>();
        var unassigned = await (await admin.Client.DeleteAsync($"/api/tickets/{ticket.Number}/assignee")).Read<TicketView>();

        Assert.Contains(unassignedBefore.Items, t => t.Number == ticket.Number);
        Assert.Equal([ticket.Number], mine.Items.Select(t => t.Number));
        Assert.Null(unassigned.AssigneeId);
        Assert.Contains(unassigned.Participants!, p => p.UserId == admin.Id);
    }

    [Fact]
    public async Task Only_active_staff_can_be_assigned_and_only_staff_assign()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = user.Id })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/assignee", new { assigneeId = Guid.NewGuid() })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/assignee", new { })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await user.Client.GetAsync("/api/tickets/assigned")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_locked_field_cannot_be_changed_by_anyone_until_unlocked()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var url = $"/api/tickets/{ticket.Number}";

        var locked = await (await admin.Client.PatchJson($"{url}/locks", new { priorityLocked = true, assignmentLocked = true })).Read<TicketView>();
        Assert.True(locked.PriorityLocked && locked.AssignmentLocked && !locked.CategoryLocked);

        await (await admin.Client.PatchJson($"{url}/priority", new { priority = "LOW" })).Problem(HttpStatusCode.Conflict, "LOCKED");
        await (await user.Client.PatchJson($"{url}/priority", new { priority = "LOW" })).Problem(HttpStatusCode.Conflict, "LOCKED");
        await (await admin.Client.PostAsync($"{url}/claim", null)).Problem(HttpStatusCode.Conflict, "LOCKED");
        await (await user.Client.PatchJson($"{url}/locks", new { categoryLocked = true })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");

        await (await admin.Client.PatchJson($"{url}/locks", new { priorityLocked = false })).Read<TicketView>();
        var changed = await (await user.Client.PatchJson($"{url}/priority", new { priority = "LOW" })).Read<TicketView>();
        Assert.Equal(TicketPriority.Low, changed.Priority);
        var types = (await Events(admin, ticket.Number)).Select(e => e.Type).ToList();
        Assert.Equal(
            [TicketEventType.TicketCreated, TicketEventType.StaffJoined, TicketEventType.PriorityLocked, TicketEventType.AssignmentLocked, TicketEventType.PriorityUnlocked, TicketEventType.PriorityChanged],
            types);
        await (await admin.Client.PatchJson($"{url}/locks", new { })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
    }

    [Fact]
    public async Task Archived_tickets_leave_lists_refuse_writes_and_come_back_on_restore()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        await (await user.Client.DeleteAsync($"/api/tickets/{ticket.Number}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/tickets/{ticket.Number}")).StatusCode);

        Assert.Empty((await (await user.Client.GetAsync("/api/tickets")).Read<TicketPage>()).Items);
        Assert.True((await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Archived);
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = "Changed" })).Problem(HttpStatusCode.Conflict, "ARCHIVED");
        await (await admin.Client.DeleteAsync($"/api/tickets/{ticket.Number}")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        var archivedList = await (await admin.Client.GetAsync($"/api/tickets?archived=true&requesterId={user.Id}")).Read<TicketPage>();
        Assert.Equal([ticket.Number], archivedList.Items.Select(t => t.Number));

        var restored = await (await admin.Client.PostAsync($"/api/tickets/{ticket.Number}/restore", null)).Read<TicketView>();
        Assert.False(restored.Archived);
        Assert.Single((await (await user.Client.GetAsync("/api/tickets")).Read<TicketPage>()).Items);
    }

    [Fact]
    public async Task Stats_count_the_callers_scope_by_status_and_priority()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var first = await CreateTicket(user, priority: TicketPriority.High);
        await CreateTicket(user, priority: TicketPriority.High);
        await (await admin.Client.PatchJson($"/api/tickets/{first.Number}/status", new { status = "IN_PROGRESS" })).Read<TicketView>();

        var stats = await (await user.Client.GetAsync("/api/tickets/stats")).Read<TicketStats>();

        Assert.Equal(1, stats.ByStatus["OPEN"]);
        Assert.Equal(1, stats.ByStatus["IN_PROGRESS"]);
        Assert.Equal(0, stats.ByStatus["CLOSED"]);
        Assert.Equal(2, stats.ByPriority["HIGH"]);
        Assert.Equal(4, stats.ByPriority.Count);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketAssignmentTests(SqliteApi fixture) : TicketAssignmentTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketAssignmentTests(PostgresApi fixture) : TicketAssignmentTests(fixture);
