using System.Net;
using TicketPlatform.Api.Tests.Attachments;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Invitations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Lists;

/// <summary>
/// Every collection endpoint is a List: <c>limit</c> pages it, <c>cursor</c> continues it, <c>includeTotal</c>
/// counts it, and a bad value of any of them is a 400 naming the parameter.
/// </summary>
public abstract class ListPagingTests(ApiFixture fixture) : AttachmentTestBase(fixture)
{
    [Fact]
    public async Task Participants_page_by_limit_and_count_with_include_total()
    {
        var requester = await NewUser();
        var ticket = await CreateTicket(requester);
        for (var i = 0; i < 4; i++)
        {
            var user = await NewUser();
            await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = user.Id })).Read<ParticipantView>(HttpStatusCode.Created);
        }

        var url = $"/api/tickets/{ticket.Number}/participants";
        var walk = await ListWalk.AssertPagesAddUp(requester.Client, url, limit: 2, atLeast: 5);

        Assert.Equal(5, walk.Total);
        Assert.Single((await (await requester.Client.GetAsync($"{url}?limit=1")).Read<ParticipantPage>()).Items);
        await ListWalk.AssertRejectsBadPaging(requester.Client, url);
    }

    [Fact]
    public async Task Messages_count_only_what_the_caller_may_read()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        for (var i = 0; i < 5; i++)
        {
            await Post(requester, ticket.Number, $"Message {i}");
        }

        await Post(agent, ticket.Number, "Staff only", "INTERNAL");
        var url = MessagesOf(ticket.Number);

        Assert.Equal(5, (await ListWalk.AssertPagesAddUp(requester.Client, url, limit: 2, atLeast: 5)).Total);
        Assert.Equal(6, (await ListWalk.AssertPagesAddUp(agent.Client, url, limit: 4, atLeast: 6)).Total);
        await ListWalk.AssertRejectsBadPaging(requester.Client, url);
    }

    [Fact]
    public async Task Attachments_page_and_count()
    {
        var requester = await NewUser();
        var ticket = await CreateTicket(requester);
        var message = await Post(requester, ticket.Number, "Three files");
        for (var i = 0; i < 3; i++)
        {
            await Attach(requester, ticket.Number, message.Id, fileName: $"report-{i}.pdf");
        }

        var url = $"/api/tickets/{ticket.Number}/attachments";

        Assert.Equal(3, (await ListWalk.AssertPagesAddUp(requester.Client, url, limit: 2, atLeast: 3)).Total);
        Assert.Equal(3, (await ListWalk.AssertPagesAddUp(requester.Client, $"{url}?messageId={message.Id}", limit: 1, atLeast: 3)).Total);
        await ListWalk.AssertRejectsBadPaging(requester.Client, url);
    }

    [Fact]
    public async Task Ticket_events_page_and_count_what_the_caller_may_see()
    {
        var requester = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        foreach (var priority in new[] { "HIGH", "LOW", "URGENT", "MEDIUM" })
        {
            await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority })).Read<TicketView>();
        }

        await Post(admin, ticket.Number, "Staff only", "INTERNAL");
        var url = $"/api/tickets/{ticket.Number}/events";

        var seen = await ListWalk.AssertPagesAddUp(requester.Client, url, limit: 2, atLeast: 5);
        var all = await ListWalk.AssertPagesAddUp(admin.Client, url, limit: 3, atLeast: 6);
        Assert.True(all.Total > seen.Total, $"staff see {all.Total} events, the requester {seen.Total}");
        Assert.Equal(4, (await ListWalk.All(requester.Client, $"{url}?type=PRIORITY_CHANGED", limit: 3)).Total);
        await ListWalk.AssertRejectsBadPaging(requester.Client, url);
    }

    [Fact]
    public async Task Categories_page_and_count_for_everyone_and_for_the_admin()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        for (var i = 0; i < 3; i++)
        {
            await (await admin.Client.PostJson("/api/categories", new { name = $"Paged {Guid.NewGuid():N}" })).Read<CategoryView>(HttpStatusCode.Created);
        }

        await ListWalk.AssertPagesAddUp(user.Client, "/api/categories", limit: 2, atLeast: 3);
        await ListWalk.AssertPagesAddUp(admin.Client, "/api/categories/all", limit: 2, atLeast: 3);
        await ListWalk.AssertRejectsBadPaging(user.Client, "/api/categories");
        await ListWalk.AssertRejectsBadPaging(admin.Client, "/api/categories/all");
    }

    [Fact]
    public async Task Invitation_lists_page_and_count()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);
        for (var i = 0; i < 3; i++)
        {
            var other = await NewUser();
            await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/invitations", new { inviteeId = other.Id })).Read<InvitationView>(HttpStatusCode.Created);
            var mine = await CreateTicket(requester, $"Ticket {i}");
            await (await requester.Client.PostJson($"/api/tickets/{mine.Number}/invitations", new { inviteeId = invitee.Id })).Read<InvitationView>(HttpStatusCode.Created);
        }

        Assert.Equal(3, (await ListWalk.AssertPagesAddUp(requester.Client, $"/api/tickets/{ticket.Number}/invitations", limit: 2, atLeast: 3)).Total);
        Assert.Equal(3, (await ListWalk.AssertPagesAddUp(invitee.Client, "/api/invitations/mine", limit: 2, atLeast: 3)).Total);
        await ListWalk.AssertRejectsBadPaging(requester.Client, $"/api/tickets/{ticket.Number}/invitations");
        await ListWalk.AssertRejectsBadPaging(invitee.Client, "/api/invitations/mine");
    }

    [Fact]
    public async Task Tickets_users_the_audit_feed_and_webhooks_page_and_count()
    {
        var requester = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        await CreateTicket(requester, "Second");
        await CreateTicket(requester, "Third");

        Assert.Equal(3, (await ListWalk.AssertPagesAddUp(requester.Client, "/api/tickets", limit: 2, atLeast: 3)).Total);
        await ListWalk.AssertPagesAddUp(admin.Client, "/api/users", limit: 7, atLeast: 2);
        await ListWalk.AssertPagesAddUp(admin.Client, $"/api/events?ticket={ticket.Number}", limit: 1, atLeast: 1);
        await ListWalk.AssertPagesAddUp(admin.Client, "/api/webhooks", limit: 2, atLeast: 0);
        foreach (var url in new[] { "/api/tickets", "/api/users", "/api/users/agents", "/api/events", "/api/webhooks" })
        {
            await ListWalk.AssertRejectsBadPaging(admin.Client, url);
        }

        await ListWalk.AssertRejectsBadPaging(requester.Client, "/api/users/search?q=abc");
    }

    private sealed record ParticipantPage(ParticipantView[] Items, string? NextCursor, long? Total);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteListPagingTests(SqliteApi fixture) : ListPagingTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresListPagingTests(PostgresApi fixture) : ListPagingTests(fixture);
