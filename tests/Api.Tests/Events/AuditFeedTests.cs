using System.Net;
using TicketPlatform.Api.Events;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Api.Tests.Events;

public abstract class AuditFeedTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Admins_read_the_feed_filtered_by_ticket_actor_and_type_newest_first()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketPlatform.Tickets.TicketView>();

        var byTicket = await (await admin.Client.GetAsync($"/api/events?ticket={ticket.Number}&includeTotal=true")).Read<Page<EventResponse>>();
        var byActorAndType = await (await admin.Client.GetAsync($"/api/events?actor={user.Id}&type=PRIORITY_CHANGED")).Read<Page<EventResponse>>();
        var firstPage = await (await admin.Client.GetAsync($"/api/events?ticket={ticket.Number}&limit=1")).Read<Page<EventResponse>>();
        var secondPage = await (await admin.Client.GetAsync($"/api/events?ticket={ticket.Number}&limit=1&cursor={firstPage.NextCursor}")).Read<Page<EventResponse>>();

        Assert.Equal([2L, 1], byTicket.Items.Select(e => e.Seq));
        Assert.Equal(2, byTicket.Total);
        Assert.All(byTicket.Items, e => Assert.Equal(ticket.Number, e.TicketNumber));
        Assert.Equal([TicketEventType.PriorityChanged], byActorAndType.Items.Select(e => e.Type));
        Assert.Equal([2L, 1], firstPage.Items.Concat(secondPage.Items).Select(e => e.Seq));
    }

    [Fact]
    public async Task Only_admins_read_the_feed_and_bad_filters_are_400()
    {
        var user = await NewUser();
        var admin = await NewAdmin();

        await (await user.Client.GetAsync("/api/events")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await admin.Client.GetAsync("/api/events?type=NOPE")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.GetAsync("/api/events?actor=someone")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.GetAsync("/api/events?ticket=TCK-1")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await admin.Client.GetAsync("/api/events?cursor=junk")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteAuditFeedTests(SqliteApi fixture) : AuditFeedTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresAuditFeedTests(PostgresApi fixture) : AuditFeedTests(fixture);
