using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

/// <summary>Totals of the queue filters and stats come from counters kept with every change; they must equal the rows.</summary>
public abstract class TicketTotalsTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Totals_of_the_queue_filters_are_exact_after_creation_assignment_status_category_and_archive_changes()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        var user = await NewUser();
        var category = await (await admin.Client.PostJson("/api/categories", new { name = $"Totals {Guid.NewGuid():N}"[..30] })).Read<CategoryView>(HttpStatusCode.Created);
        var priorities = new[] { "LOW", "MEDIUM", "HIGH", "HIGH", "URGENT", "MEDIUM" };
        var tickets = new List<TicketView>();
        foreach (var priority in priorities)
        {
            tickets.Add(await (await user.Client.PostJson("/api/tickets", new { title = "Counted", description = "x", priority, categoryId = category.Id })).Read<TicketView>(HttpStatusCode.Created));
        }

        await (await agent.Client.PostAsync($"/api/tickets/{tickets[0].Number}/claim", null)).Read<TicketView>();
        await (await agent.Client.PostAsync($"/api/tickets/{tickets[2].Number}/claim", null)).Read<TicketView>();
        await (await agent.Client.PatchJson($"/api/tickets/{tickets[2].Number}/status", new { status = "IN_PROGRESS" })).Read<TicketView>();
        await (await agent.Client.PatchJson($"/api/tickets/{tickets[3].Number}/priority", new { priority = "LOW" })).Read<TicketView>();
        await (await agent.Client.PatchJson($"/api/tickets/{tickets[4].Number}/category", new { categoryId = (Guid?)null })).Read<TicketView>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"/api/tickets/{tickets[5].Number}")).StatusCode);

        var c = category.Id;
        await AssertTotal(agent, $"categoryId={c}", 4);
        await AssertTotal(agent, $"categoryId={c}&status=OPEN", 3);
        await AssertTotal(agent, $"categoryId={c}&status=IN_PROGRESS", 1);
        await AssertTotal(agent, $"categoryId={c}&priority=LOW", 2);
        await AssertTotal(agent, $"categoryId={c}&priority=HIGH", 1);
        await AssertTotal(agent, $"categoryId={c}&status=OPEN&priority=LOW", 2);
        await AssertTotal(agent, $"assigneeId={agent.Id}", 2);
        await AssertTotal(agent, $"assigneeId={agent.Id}&status=IN_PROGRESS&categoryId={c}", 1);
        await AssertTotal(agent, $"requesterId={user.Id}", 5);
        await AssertTotal(agent, $"requesterId={user.Id}&status=OPEN", 4);
        await AssertTotal(admin, $"archived=true&categoryId={c}", 1);
        await AssertTotal(user, "status=OPEN", 4);
        await AssertTotal(agent, "", 2, path: "/api/tickets/assigned");
        await AssertTotal(agent, $"categoryId={c}", 2, path: "/api/tickets/unassigned");
        Assert.Equal(0, await Mismatches());
    }

    [Fact]
    public async Task Stats_follow_each_change_for_staff_and_count_only_a_users_own_tickets()
    {
        var agent = await NewAgent();
        var user = await NewUser();
        var before = await Stats(agent);

        var ticket = await CreateTicket(user, priority: TicketPriority.Urgent);
        var afterCreate = await Stats(agent);
        await (await agent.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "IN_PROGRESS" })).Read<TicketView>();
        var afterStatus = await Stats(agent);

        Assert.Equal(before.ByStatus["OPEN"] + 1, afterCreate.ByStatus["OPEN"]);
        Assert.Equal(before.ByPriority["URGENT"] + 1, afterCreate.ByPriority["URGENT"]);
        Assert.Equal(before.ByStatus["OPEN"], afterStatus.ByStatus["OPEN"]);
        Assert.Equal(before.ByStatus["IN_PROGRESS"] + 1, afterStatus.ByStatus["IN_PROGRESS"]);
        Assert.Equal(afterCreate.ByPriority, afterStatus.ByPriority);

        var own = await Stats(user);
        Assert.Equal(1, own.ByStatus["IN_PROGRESS"]);
        Assert.Equal(1, own.ByStatus.Values.Sum());
        Assert.Equal(0, await Mismatches());
    }

    [Fact]
    public async Task Deep_keyset_paging_returns_every_ticket_once_in_the_order_of_each_sort()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        var category = await (await admin.Client.PostJson("/api/categories", new { name = $"Paging {Guid.NewGuid():N}"[..30] })).Read<CategoryView>(HttpStatusCode.Created);
        var priorities = new[] { "LOW", "MEDIUM", "HIGH", "URGENT" };
        var tickets = new List<TicketView>();
        for (var i = 0; i < 13; i++)
        {
            tickets.Add(await (await user.Client.PostJson("/api/tickets", new { title = $"Paged {i}", description = "x", priority = priorities[i % 4], categoryId = category.Id })).Read<TicketView>(HttpStatusCode.Created));
        }

        // Touch a few so that updatedAt differs from the creation order.
        foreach (var ticket in tickets.Where((_, i) => i % 3 == 0))
        {
            await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = ticket.Title + " edited" })).Read<TicketView>();
        }

        var current = new List<TicketView>();
        foreach (var ticket in tickets)
        {
            current.Add(await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>());
        }

        var orders = new Dictionary<string, IEnumerable<string>>
        {
            ["createdAt"] = current.OrderBy(t => t.CreatedAt).ThenBy(t => t.Number, StringComparer.Ordinal).Select(t => t.Number),
            ["-updatedAt"] = current.OrderByDescending(t => t.UpdatedAt).ThenByDescending(t => t.Number, StringComparer.Ordinal).Select(t => t.Number),
            ["priority"] = current.OrderBy(t => t.Priority).ThenBy(t => t.Number, StringComparer.Ordinal).Select(t => t.Number),
            ["-priority"] = current.OrderByDescending(t => t.Priority).ThenByDescending(t => t.Number, StringComparer.Ordinal).Select(t => t.Number),
        };
        foreach (var (sort, expected) in orders)
        {
            var seen = new List<string>();
            string? cursor = null;
            do
            {
                var page = await (await user.Client.GetAsync($"/api/tickets?categoryId={category.Id}&sort={sort}&limit=2{(cursor is null ? "" : $"&cursor={cursor}")}")).Read<TicketPage>();
                seen.AddRange(page.Items.Select(t => t.Number));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(expected, seen);
        }
    }

    private static async Task AssertTotal(TestUser caller, string query, long expected, string path = "/api/tickets")
    {
        var page = await (await caller.Client.GetAsync($"{path}?includeTotal=true&limit=1&{query}")).Read<TicketPage>();
        Assert.True(expected == page.Total, $"{path}?{query}: total {page.Total}, expected {expected}");
        Assert.True(page.TotalExact, $"{path}?{query} is a queue filter: its total must be exact");
        Assert.Equal(expected, await CountByWalking(caller, query, path));
    }

    private static async Task<long> CountByWalking(TestUser caller, string query, string path = "/api/tickets")
    {
        var count = 0L;
        string? cursor = null;
        do
        {
            var page = await (await caller.Client.GetAsync($"{path}?limit=100&{query}{(cursor is null ? "" : $"&cursor={cursor}")}")).Read<TicketPage>();
            count += page.Items.Length;
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return count;
    }

    private static async Task<TicketStats> Stats(TestUser caller) => await (await caller.Client.GetAsync("/api/tickets/stats")).Read<TicketStats>();

    // Counter rows that disagree with a count of the ticket rows (0 when the triggers kept every change).
    private Task<long> Mismatches() => Api.Database.Scalar<long>(
        """
        SELECT COUNT(*) FROM (
          SELECT archived, status, priority, category_id, assignee_id FROM (
            SELECT archived, status, priority, category_id, assignee_id, tickets AS n FROM ticket_counts
            UNION ALL
            SELECT archived, status, priority, category_id, assignee_id, -COUNT(*) FROM tickets GROUP BY archived, status, priority, category_id, assignee_id
          ) AS d
          GROUP BY archived, status, priority, category_id, assignee_id
          HAVING SUM(n) <> 0
        ) AS mismatches
        """);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketTotalsTests(SqliteApi fixture) : TicketTotalsTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketTotalsTests(PostgresApi fixture) : TicketTotalsTests(fixture);
