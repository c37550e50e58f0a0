using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Sla;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Sla;

/// <summary>The SLA clocks of tickets, through HTTP: applied at creation, fed by the ticket's changes, written by the scan.</summary>
public abstract class SlaClockTests(ApiFixture fixture) : SlaClockTestBase(fixture)
{
    [Fact]
    public async Task Without_any_request_the_scan_writes_the_warning_then_the_breach_that_only_staff_see()
    {
        var (admin, agent, requester, categoryId) = await Cast();
        var policy = await Policy(admin, categoryId, "URGENT", firstResponse: "PT2S");

        var ticket = await Open(requester, categoryId, "URGENT");
        await using var staffHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        await using var userHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await staffHub.Join(ticket.Number);
        await userHub.Join(ticket.Number);

        var events = await Eventually.Until(
            () => SlaEventsOf(agent, ticket.Number), found => found.Any(e => e.Type == TicketEventType.SlaBreached), "SLA_BREACHED on the staff timeline");
        Assert.Equal([TicketEventType.SlaApplied, TicketEventType.SlaWarning, TicketEventType.SlaBreached], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal((EventVisibility.Internal, Guid.Empty), (e.Visibility, e.ActorId)));
        Assert.Equal(policy.Id, events[0].Payload.GetProperty("policyId").GetGuid());
        Assert.All(events[1..], e => Assert.Equal("FIRST_RESPONSE", e.Payload.GetProperty("kind").GetString()));
        var dueAt = events[2].Payload.GetProperty("dueAt").GetDateTimeOffset();
        Assert.Equal(ticket.CreatedAt.AddSeconds(2), dueAt, TimeSpan.FromMilliseconds(1));
        Assert.True(events[2].CreatedAt >= dueAt, "the breach is written once it is due, not before");

        var clock = Clock(await Sla(agent, ticket.Number), SlaKind.FirstResponse);
        Assert.Equal(SlaClockState.Breached, clock.State);
        Assert.Equal(dueAt, clock.BreachedAt);
        var detail = await (await agent.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        Assert.True(detail.Sla!.Breached);
        var breached = await (await agent.Client.GetAsync("/api/tickets?slaState=BREACHED&limit=100")).Read<TicketPage>();
        Assert.Contains(ticket.Number, breached.Items.Select(t => t.Number));
        var stats = await (await agent.Client.GetAsync("/api/tickets/stats")).Read<TicketStats>();
        Assert.True(stats.SlaBreached >= 1);

        await AssertNothingShownTo(requester, ticket.Number);
        var userStats = await (await requester.Client.GetAsync("/api/tickets/stats")).Read<JsonObject>();
        Assert.False(userStats.ContainsKey("slaBreached"));
        await (await requester.Client.GetAsync("/api/tickets?slaState=BREACHED")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await requester.Client.GetAsync("/api/tickets?sort=slaDueAt")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await (await NewUser()).Client.GetAsync($"/api/tickets/{ticket.Number}/sla")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Single(await SlaEventsOf(agent, ticket.Number), e => e.Type == TicketEventType.SlaBreached);

        // A later public event reaches both connections after everything before it: only staff got the SLA events.
        await (await Post(requester, ticket.Number, "PUBLIC")).Read<JsonObject>(HttpStatusCode.Created);
        var last = (await Events(requester, ticket.Number, "?type=MESSAGE_POSTED")).Single().Seq;
        var staffSaw = (await staffHub.UntilSeq(last)).Select(push => push.Event.Event.Type).ToList();
        var userSaw = (await userHub.UntilSeq(last)).Select(push => push.Event.Event.Type).ToList();
        Assert.Equal([TicketEventType.SlaWarning, TicketEventType.SlaBreached], staffSaw.Where(IsSla));
        Assert.DoesNotContain(userSaw, IsSla);
        Assert.Contains(TicketEventType.MessagePosted, userSaw);
    }

    private static bool IsSla(TicketEventType type) => type is TicketEventType.SlaApplied or TicketEventType.SlaWarning or TicketEventType.SlaBreached;

    [Fact]
    public async Task A_public_staff_reply_meets_the_first_response_and_an_internal_note_does_not()
    {
        var (admin, agent, requester, categoryId) = await Cast();
        await Policy(admin, categoryId, "HIGH", firstResponse: "PT1H");
        var ticket = await Open(requester, categoryId, "HIGH");

        await (await Post(agent, ticket.Number, "INTERNAL")).Read<JsonObject>(HttpStatusCode.Created);
        var afterNote = Clock(await Sla(agent, ticket.Number), SlaKind.FirstResponse);
        await (await Post(requester, ticket.Number, "PUBLIC")).Read<JsonObject>(HttpStatusCode.Created);
        var afterCustomer = Clock(await Sla(agent, ticket.Number), SlaKind.FirstResponse);
        await (await Post(agent, ticket.Number, "PUBLIC")).Read<JsonObject>(HttpStatusCode.Created);
        var afterReply = Clock(await Sla(agent, ticket.Number), SlaKind.FirstResponse);

        Assert.Equal(SlaClockState.Running, afterNote.State);
        Assert.Equal(SlaClockState.Running, afterCustomer.State);
        Assert.Equal(SlaClockState.Met, afterReply.State);
        Assert.NotNull(afterReply.MetAt);
        var summary = (await (await agent.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Sla!;
        Assert.Equal((null, false), (summary.NextDueAt, summary.Breached));
        Assert.Equal(0L, await Api.Database.Scalar<long>("SELECT COUNT(*) FROM sla_due_times WHERE ticket_number = @number", new { number = ticket.Number }));
        await AssertNothingShownTo(requester, ticket.Number);
    }

    [Fact]
    public async Task Resolving_stops_the_resolution_clock_and_reopening_resumes_it_with_the_time_already_counted()
    {
        var (admin, agent, requester, categoryId) = await Cast();
        await Policy(admin, categoryId, "LOW", resolution: "PT1H");
        var ticket = await Open(requester, categoryId, "LOW");
        var first = Clock(await Sla(agent, ticket.Number), SlaKind.Resolution);
        await Eventually.Until(() => Sla(agent, ticket.Number), sla => Clock(sla, SlaKind.Resolution).ElapsedSeconds >= 1, "a second of the resolution clock");

        await (await agent.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "IN_PROGRESS" })).Read<TicketView>();
        await (await agent.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "RESOLVED" })).Read<TicketView>();
        var resolved = Clock(await Sla(agent, ticket.Number), SlaKind.Resolution);
        await (await agent.Client.PostJson($"/api/tickets/{ticket.Number}/reopen", new { reason = "Still down" })).Read<TicketView>();
        var reopened = Clock(await Sla(agent, ticket.Number), SlaKind.Resolution);

        Assert.Equal(SlaClockState.Met, resolved.State);
        Assert.True(resolved.ElapsedSeconds >= 1);
        Assert.Equal(SlaClockState.Running, reopened.State);
        Assert.True(reopened.ElapsedSeconds >= resolved.ElapsedSeconds);
        var moves = (await Events(agent, ticket.Number, "?type=STATUS_CHANGED")).Select(e => e.CreatedAt).ToArray();
        Assert.Equal(first.DueAt!.Value + (moves[2] - moves[1]), reopened.DueAt!.Value, TimeSpan.FromMilliseconds(1));
        await AssertNothingShownTo(requester, ticket.Number);
    }

    [Fact]
    public async Task A_priority_change_applies_the_other_policy_and_keeps_the_elapsed_time()
    {
        var (admin, agent, requester, categoryId) = await Cast();
        var high = await Policy(admin, categoryId, "HIGH", firstResponse: "PT1H");
        var urgent = await Policy(admin, categoryId, "URGENT", firstResponse: "PT2H");
        var ticket = await Open(requester, categoryId, "HIGH");
        var before = await Sla(agent, ticket.Number);
        await Eventually.Until(() => Sla(agent, ticket.Number), sla => Clock(sla, SlaKind.FirstResponse).ElapsedSeconds >= 1, "a second of the first-response clock");

        await (await agent.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" })).Read<TicketView>();
        var after = await Sla(agent, ticket.Number);

        Assert.Equal(high.Id, before.PolicyId);
        Assert.Equal(urgent.Id, after.PolicyId);
        var (was, now) = (Clock(before, SlaKind.FirstResponse), Clock(after, SlaKind.FirstResponse));
        Assert.True(now.ElapsedSeconds >= 1);
        Assert.Equal(was.DueAt!.Value.AddHours(1), now.DueAt!.Value, TimeSpan.FromMilliseconds(1));
        var applied = (await SlaEventsOf(agent, ticket.Number)).Where(e => e.Type == TicketEventType.SlaApplied);
        Assert.Equal([high.Id, urgent.Id], applied.Select(e => e.Payload.GetProperty("policyId").GetGuid()));
        var sorted = await (await agent.Client.GetAsync("/api/tickets?sort=slaDueAt&slaState=RUNNING&limit=100")).Read<TicketPage>();
        Assert.Contains(ticket.Number, sorted.Items.Select(t => t.Number));
        Assert.Equal(sorted.Items.Select(t => t.Sla!.NextDueAt).Order(), sorted.Items.Select(t => t.Sla!.NextDueAt));
        await AssertNothingShownTo(requester, ticket.Number);
    }

    [Fact]
    public async Task Staff_lists_sort_by_the_next_due_moment_page_by_page_and_filter_by_standing()
    {
        var (admin, agent, requester, categoryId) = await Cast();
        await Policy(admin, categoryId, "HIGH", firstResponse: "PT2H");
        await Policy(admin, categoryId, "URGENT", firstResponse: "PT1H");
        var later = await Open(requester, categoryId, "HIGH");
        var sooner = await Open(requester, categoryId, "URGENT");
        var none = await Open(requester, categoryId, "LOW");

        var ascending = await ListWalk.AssertPagesAddUp(agent.Client, $"/api/tickets?categoryId={categoryId}&sort=slaDueAt", limit: 1, atLeast: 3);
        var descending = await ListWalk.AssertPagesAddUp(agent.Client, $"/api/tickets?categoryId={categoryId}&sort=-slaDueAt", limit: 1, atLeast: 3);
        var running = await ListWalk.AssertPagesAddUp(agent.Client, $"/api/tickets?categoryId={categoryId}&slaState=RUNNING&sort=slaDueAt", limit: 1, atLeast: 2);
        var breached = await ListWalk.All(agent.Client, $"/api/tickets?categoryId={categoryId}&slaState=BREACHED");

        Assert.Equal([sooner.Number, later.Number, none.Number], ascending.Items.Select(t => (string)t["number"]!));
        Assert.Equal([none.Number, later.Number, sooner.Number], descending.Items.Select(t => (string)t["number"]!));
        Assert.Equal([sooner.Number, later.Number], running.Items.Select(t => (string)t["number"]!));
        Assert.Empty(breached.Items);
        Assert.Null(ascending.Items[2]["sla"]!["nextDueAt"]);
    }
}

[Collection(nameof(SqliteSlaApi))]
public sealed class SqliteSlaClockTests(SqliteSlaApi fixture) : SlaClockTests(fixture);

[Collection(nameof(PostgresSlaApi))]
public sealed class PostgresSlaClockTests(PostgresSlaApi fixture) : SlaClockTests(fixture);
