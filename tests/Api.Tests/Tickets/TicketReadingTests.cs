using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class TicketReadingTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_user_lists_only_the_tickets_they_are_on_and_staff_list_all()
    {
        var alice = await NewUser();
        var bob = await NewUser();
        var admin = await NewAdmin();
        var mine = await CreateTicket(alice);
        var theirs = await CreateTicket(bob);

        var alicePage = await (await alice.Client.GetAsync("/api/tickets?includeTotal=true")).Read<TicketPage>();
        var staffPage = await (await admin.Client.GetAsync($"/api/tickets?requesterId={bob.Id}")).Read<TicketPage>();

        Assert.Equal([mine.Number], alicePage.Items.Select(t => t.Number));
        Assert.Equal(1, alicePage.Total);
        Assert.Equal([theirs.Number], staffPage.Items.Select(t => t.Number));
        Assert.Null(alicePage.Items[0].Participants);
    }

    [Fact]
    public async Task Cursor_pagination_walks_every_ticket_once_in_order()
    {
        var user = await NewUser();
        var created = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            created.Add((await CreateTicket(user, $"Ticket {i}")).Number);
        }

        foreach (var (sort, expected) in new[] { ("createdAt", created), ("-createdAt", Enumerable.Reverse(created).ToList()) })
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await (await user.Client.GetAsync($"/api/tickets?sort={sort}&limit=3{(cursor is null ? "" : $"&cursor={cursor}")}")).Read<TicketPage>();
                seen.AddRange(page.Items.Select(t => t.Number));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(expected, seen);
        }
    }

    [Fact]
    public async Task List_filters_by_status_and_priority()
    {
        var user = await NewUser();
        var urgent = await CreateTicket(user, priority: TicketPriority.Urgent);
        await CreateTicket(user, priority: TicketPriority.Low);

        var page = await (await user.Client.GetAsync("/api/tickets?priority=URGENT&status=OPEN")).Read<TicketPage>();

        Assert.Equal([urgent.Number], page.Items.Select(t => t.Number));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("status=WHATEVER", "status")]
    [InlineData("priority=high", "priority")]
    [InlineData("sort=title", "sort")]
    [InlineData("requesterId=42", "requesterId")]
    [InlineData("createdFrom=yesterday", "createdFrom")]
    [InlineData("cursor=forged-cursor", "cursor")]
    [InlineData("includeTotal=maybe", "includeTotal")]
    public async Task Bad_list_queries_are_400_naming_the_parameter(string query, string field)
    {
        var user = await NewUser();

        var problem = await (await user.Client.GetAsync($"/api/tickets?{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    [Fact]
    public async Task A_user_may_not_list_archived_tickets()
    {
        var user = await NewUser();

        await (await user.Client.GetAsync("/api/tickets?archived=true")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task A_ticket_the_caller_is_not_on_does_not_exist_for_them()
    {
        var owner = await NewUser();
        var stranger = await NewUser();
        var ticket = await CreateTicket(owner);

        foreach (var path in new[] { "", "/permissions", "/events" })
        {
            await (await stranger.Client.GetAsync($"/api/tickets/{ticket.Number}{path}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        await (await stranger.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "LOW" })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.PostJson($"/api/tickets/{ticket.Number}/reopen", new { })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Theory]
    [InlineData("TCK-2026-99999999")]
    [InlineData("not-a-ticket")]
    [InlineData("TCK-2026-1")]
    public async Task Unknown_or_malformed_numbers_are_404(string number)
    {
        var admin = await NewAdmin();

        await (await admin.Client.GetAsync($"/api/tickets/{number}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Detail_is_served_to_requester_and_staff()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        var asRequester = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        var asStaff = await (await admin.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();

        Assert.Equal(ticket with { Participants = null }, asRequester with { Participants = null });
        Assert.Equal(asRequester.Version, asStaff.Version);
    }

    [Fact]
    public async Task Permissions_list_every_right_with_reasons_from_the_policy()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);

        var mine = (await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/permissions")).Read<JsonObject>())["rights"]!.AsObject();
        var staff = (await (await admin.Client.GetAsync($"/api/tickets/{ticket.Number}/permissions")).Read<JsonObject>())["rights"]!.AsObject();

        string[] rights = ["view", "edit", "changePriority", "changeCategory", "comment", "commentInternal", "changeStatus", "reopen", "assign", "lockPriority", "lockCategory", "lockAssignment", "manageParticipants", "invite", "archive"];
        Assert.Equal(rights.Order(), mine.Select(r => r.Key).Order());
        Assert.True((bool)mine["edit"]!["allowed"]!);
        Assert.False((bool)mine["commentInternal"]!["allowed"]!);
        Assert.Equal("ROLE", (string?)mine["commentInternal"]!["reason"]);
        Assert.Equal("ROLE", (string?)mine["reopen"]!["reason"]);
        Assert.Equal("STATUS", (string?)staff["reopen"]!["reason"]);
        Assert.True((bool)staff["archive"]!["allowed"]!);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketReadingTests(SqliteApi fixture) : TicketReadingTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketReadingTests(PostgresApi fixture) : TicketReadingTests(fixture);
