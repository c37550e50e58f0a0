using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class TicketTimelineTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task After_returns_exactly_the_later_events_and_pages_follow_the_cursor()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        foreach (var priority in new[] { "LOW", "HIGH", "URGENT", "MEDIUM", "LOW" })
        {
            await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority })).Read<TicketPlatform.Tickets.TicketView>();
        }

        var after3 = await Events(user, ticket.Number, "?after=3");
        Assert.Equal([4L, 5, 6], after3.Select(e => e.Seq));

        var first = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/events?limit=4")).Read<EventPage>();
        var second = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/events?limit=4&cursor={first.NextCursor}")).Read<EventPage>();
        Assert.Equal([1L, 2, 3, 4, 5, 6], first.Items.Concat(second.Items).Select(e => e.Seq));
        Assert.Null(second.NextCursor);
        Assert.All(first.Items, e => Assert.Equal(ticket.Number, e.TicketNumber));
    }

    [Fact]
    public async Task The_type_filter_keeps_one_event_type()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketPlatform.Tickets.TicketView>();

        var created = await Events(user, ticket.Number, "?type=TICKET_CREATED");

        Assert.Equal([TicketEventType.TicketCreated], created.Select(e => e.Type));
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=abc", "after")]
    [InlineData("type=NOPE", "type")]
    [InlineData("limit=500", "limit")]
    [InlineData("cursor=%%%", "cursor")]
    public async Task Bad_timeline_queries_are_400(string query, string field)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var problem = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/events?{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketTimelineTests(SqliteApi fixture) : TicketTimelineTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketTimelineTests(PostgresApi fixture) : TicketTimelineTests(fixture);
