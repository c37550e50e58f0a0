using System.Net;
using TicketPlatform.Api.Events;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Participants;

public abstract class ParticipantTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task The_requester_adds_a_participant_who_then_sees_the_ticket_with_their_flags()
    {
        var requester = await NewUser();
        var helper = await NewUser();
        var ticket = await CreateTicket(requester);

        var added = await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = helper.Id })).Read<ParticipantView>(HttpStatusCode.Created);

        Assert.Equal((ParticipantRole.Participant, false, true), (added.Role, added.CanEdit, added.CanComment));
        Assert.Equal(ticket.Number, (await (await helper.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Number);
        await (await helper.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = "Not allowed" })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        var list = await (await helper.Client.GetAsync($"/api/tickets/{ticket.Number}/participants")).Read<Page<ParticipantView>>();
        Assert.Equal(2, list.Items.Length);
        await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = helper.Id })).Problem(HttpStatusCode.Conflict, "CONFLICT");
        await (await helper.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = (await NewUser()).Id })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = Guid.NewGuid() })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
    }

    [Fact]
    public async Task A_flag_change_is_personal_to_its_subject_and_staff()
    {
        var requester = await NewUser();
        var first = await NewUser();
        var second = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        foreach (var user in new[] { first, second })
        {
            await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = user.Id })).Read<ParticipantView>(HttpStatusCode.Created);
        }

        var changed = await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/participants/{first.Id}", new { canEdit = true })).Read<ParticipantView>();

        Assert.True(changed.CanEdit);
        bool Sees(EventResponse[] events) => events.Any(e => e.Type == TicketEventType.ParticipantPermissionsChanged);
        Assert.True(Sees(await Events(first, ticket.Number)));
        Assert.True(Sees(await Events(requester, ticket.Number)));
        Assert.True(Sees(await Events(admin, ticket.Number)));
        Assert.False(Sees(await Events(second, ticket.Number)));
        var edited = await (await first.Client.PatchJson($"/api/tickets/{ticket.Number}", new { title = "Now allowed" })).Read<TicketView>();
        Assert.Equal("Now allowed", edited.Title);
    }

    [Fact]
    public async Task Leaving_and_removing_follow_the_rules()
    {
        var requester = await NewUser();
        var leaver = await NewUser();
        var removed = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        foreach (var user in new[] { leaver, removed })
        {
            await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = user.Id })).Read<ParticipantView>(HttpStatusCode.Created);
        }

        await (await admin.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Read<TicketView>();

        Assert.Equal(HttpStatusCode.NoContent, (await leaver.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{leaver.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await requester.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{removed.Id}")).StatusCode);
        await (await admin.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{requester.Id}")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        await (await requester.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{admin.Id}")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        await (await leaver.Client.GetAsync($"/api/tickets/{ticket.Number}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");

        var types = (await Events(admin, ticket.Number)).Select(e => e.Type).ToList();
        Assert.Contains(TicketEventType.ParticipantLeft, types);
        Assert.Contains(TicketEventType.ParticipantRemoved, types);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteParticipantTests(SqliteApi fixture) : ParticipantTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresParticipantTests(PostgresApi fixture) : ParticipantTests(fixture);
