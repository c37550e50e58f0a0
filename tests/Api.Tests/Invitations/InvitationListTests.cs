using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Invitations;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary><c>GET /api/tickets/{number}/invitations</c> and <c>GET /api/invitations/mine</c>, as Lists with cursors.</summary>
public abstract class InvitationListTests(ApiFixture fixture) : InvitationTestBase(fixture)
{
    [Fact]
    public async Task A_ticket_lists_its_invitations_newest_first_filtered_by_status_for_whoever_sees_it()
    {
        var requester = await NewUser();
        var admin = await NewAdmin();
        var stranger = await NewUser();
        var ticket = await CreateTicket(requester);
        var first = await Invite(requester, ticket.Number, (await NewUser()).Id);
        var declining = await NewUser();
        var second = await Invite(requester, ticket.Number, declining.Id);
        await (await Answer(declining, second.Id, "decline")).Read<InvitationView>();
        var third = await Invite(requester, ticket.Number, (await NewUser()).Id);
        var url = $"/api/tickets/{ticket.Number}/invitations";

        var all = await List(requester, url + "?includeTotal=true");
        var pending = await List(admin, url + "?status=PENDING");
        var declined = await List(requester, url + "?status=DECLINED");

        Assert.Equal([third.Id, second.Id, first.Id], all.Items.Select(i => i.Id));
        Assert.Equal(3, all.Total);
        Assert.Null(all.NextCursor);
        Assert.Equal([third.Id, first.Id], pending.Items.Select(i => i.Id));
        Assert.Equal([second.Id], declined.Items.Select(i => i.Id));
        await (await stranger.Client.GetAsync(url)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await requester.Client.GetAsync("/api/tickets/TCK-2020-99999/invitations")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Cursor_pagination_walks_every_invitation_once()
    {
        var requester = await NewUser();
        var ticket = await CreateTicket(requester);
        var sent = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            sent.Add((await Invite(requester, ticket.Number, (await NewUser()).Id)).Id);
        }

        var seen = new List<Guid>();
        string? cursor = null;
        do
        {
            var page = await List(requester, $"/api/tickets/{ticket.Number}/invitations?limit=2{(cursor is null ? "" : $"&cursor={cursor}")}");
            Assert.True(page.Items.Length <= 2);
            seen.AddRange(page.Items.Select(i => i.Id));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(Enumerable.Reverse(sent), seen);
    }

    [Fact]
    public async Task Bad_query_values_are_400_naming_the_parameter()
    {
        var requester = await NewUser();
        var ticket = await CreateTicket(requester);

        foreach (var (url, field) in new[]
        {
            ($"/api/tickets/{ticket.Number}/invitations?status=MAYBE", "status"),
            ($"/api/tickets/{ticket.Number}/invitations?limit=0", "limit"),
            ($"/api/tickets/{ticket.Number}/invitations?cursor=forged", "cursor"),
            ("/api/invitations/mine?status=pending", "status"),
            ("/api/invitations/mine?limit=101", "limit"),
            ("/api/invitations/mine?cursor=forged", "cursor"),
            ("/api/invitations/mine?includeTotal=perhaps", "includeTotal"),
        })
        {
            var problem = await (await requester.Client.GetAsync(url)).Problem(HttpStatusCode.BadRequest, "VALIDATION");
            Assert.True(problem["errors"]![field] is not null, $"{url} should name {field}");
        }
    }

    [Fact]
    public async Task Mine_lists_my_pending_invitations_by_default_and_other_statuses_on_request()
    {
        var invitee = await NewUser();
        var requester = await NewUser();
        var sent = new List<InvitationView>();
        for (var i = 0; i < 4; i++)
        {
            sent.Add(await Invite(requester, (await CreateTicket(requester, $"Ticket {i}")).Number, invitee.Id));
        }

        await (await Answer(invitee, sent[1].Id, "decline")).Read<InvitationView>();
        await Invite(requester, (await CreateTicket(requester)).Number, (await NewUser()).Id);

        var pending = await List(invitee, "/api/invitations/mine?includeTotal=true");
        var declined = await List(invitee, "/api/invitations/mine?status=DECLINED");
        var firstPage = await List(invitee, "/api/invitations/mine?limit=2");
        var secondPage = await List(invitee, $"/api/invitations/mine?limit=2&cursor={firstPage.NextCursor}");

        Assert.Equal([sent[3].Id, sent[2].Id, sent[0].Id], pending.Items.Select(i => i.Id));
        Assert.Equal(3, pending.Total);
        Assert.Equal([sent[1].Id], declined.Items.Select(i => i.Id));
        Assert.Equal([sent[3].Id, sent[2].Id, sent[0].Id], firstPage.Items.Concat(secondPage.Items).Select(i => i.Id));
        Assert.Null(secondPage.NextCursor);
        Assert.Empty((await List(requester, "/api/invitations/mine")).Items);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteInvitationListTests(SqliteApi fixture) : InvitationListTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresInvitationListTests(PostgresApi fixture) : InvitationListTests(fixture);
