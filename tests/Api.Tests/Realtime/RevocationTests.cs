using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Messages;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Realtime;

/// <summary>
/// A connection whose user may no longer see a ticket leaves its room at once with <c>room-closed</c>, and nothing of
/// the ticket reaches it afterwards: proven by a barrier event that reaches the others, then a round trip through the
/// closed connection (the server writes to a connection in order).
/// </summary>
public abstract class RevocationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_removed_participants_connection_receives_room_closed_and_no_later_event()
    {
        var (requester, participant, ticket) = await TicketWithParticipant();
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var participantHub = await HubClient.Connect(Api, Api.Token(participant.User.Subject), queryStringToken: true);
        var joinedAt = await requesterHub.Join(ticket.Number);
        await participantHub.Join(ticket.Number);
        await Post(requester, ticket.Number, "Before the removal");
        Assert.Equal("Before the removal", (await participantHub.Next()).Event.Message!.Content);

        Assert.Equal(HttpStatusCode.NoContent, (await requester.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{participant.Id}")).StatusCode);

        await AssertRoomClosed(participantHub, ticket.Number, "REMOVED");
        await Post(requester, ticket.Number, "Barrier after the removal");
        var requesterSaw = await requesterHub.UntilSeq(joinedAt + 3);
        Assert.Equal("Barrier after the removal", requesterSaw[^1].Event.Message!.Content);
        await AssertNothingMore(participantHub);
    }

    [Fact]
    public async Task A_participant_who_leaves_receives_room_closed_and_no_later_event()
    {
        var (requester, participant, ticket) = await TicketWithParticipant();
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var participantHub = await HubClient.Connect(Api, Api.Token(participant.User.Subject));
        var joinedAt = await requesterHub.Join(ticket.Number);
        await participantHub.Join(ticket.Number);

        Assert.Equal(HttpStatusCode.NoContent, (await participant.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{participant.Id}")).StatusCode);

        await AssertRoomClosed(participantHub, ticket.Number, "LEFT");
        await Post(requester, ticket.Number, "Barrier after leaving");
        await requesterHub.UntilSeq(joinedAt + 2);
        await AssertNothingMore(participantHub);
    }

    [Fact]
    public async Task A_deactivated_users_connection_receives_room_closed_then_closes()
    {
        var admin = await NewAdmin();
        var (requester, participant, ticket) = await TicketWithParticipant();
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var participantHub = await HubClient.Connect(Api, Api.Token(participant.User.Subject));
        var joinedAt = await requesterHub.Join(ticket.Number);
        await participantHub.Join(ticket.Number);

        await (await admin.Client.PostAsync($"/api/users/{participant.Id}/deactivate", null)).Read<UserView>();

        await AssertRoomClosed(participantHub, ticket.Number, "DEACTIVATED");
        await Post(requester, ticket.Number, "Barrier after the deactivation");
        await requesterHub.UntilSeq(joinedAt + 1);
        await participantHub.Closed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(participantHub.AfterRoomClosed());
    }

    [Fact]
    public async Task A_demoted_agent_who_is_no_participant_receives_room_closed_and_no_later_event()
    {
        var admin = await NewAdmin();
        var requester = await NewUser();
        var agent = await NewAgent(admin);
        var ticket = await CreateTicket(requester);
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        var joinedAt = await requesterHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);

        await (await admin.Client.PatchJson($"/api/users/{agent.Id}/role", new { role = UserRole.User })).Read<UserView>();

        await AssertRoomClosed(agentHub, ticket.Number, "DEMOTED");
        await Post(requester, ticket.Number, "Barrier after the demotion");
        await requesterHub.UntilSeq(joinedAt + 1);
        await AssertNothingMore(agentHub);
    }

    [Fact]
    public async Task A_demoted_agent_who_participates_stays_in_the_room_and_no_longer_receives_internal_notes()
    {
        var admin = await NewAdmin();
        var requester = await NewUser();
        var demoted = await NewAgent(admin);
        var colleague = await NewAgent(admin);
        var ticket = await CreateTicket(requester);
        await (await demoted.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Read<TicketView>();
        await using var demotedHub = await HubClient.Connect(Api, Api.Token(demoted.User.Subject));
        await using var colleagueHub = await HubClient.Connect(Api, Api.Token(colleague.User.Subject));
        await demotedHub.Join(ticket.Number);
        await colleagueHub.Join(ticket.Number);
        Assert.Contains(await Probe(colleague, colleagueHub, demotedHub, ticket.Number), push => push.Event.Message?.Visibility == MessageVisibility.Internal);

        await (await admin.Client.PatchJson($"/api/users/{demoted.Id}/role", new { role = UserRole.User })).Read<UserView>();

        // Each probe ends with a public barrier: receiving it shows the connection is still in the room.
        await Eventually.True(
            async () => (await Probe(colleague, colleagueHub, demotedHub, ticket.Number)).All(push => push.Event.Message?.Visibility != MessageVisibility.Internal),
            "the demoted connection to stop receiving internal notes");
    }

    private static async Task AssertRoomClosed(HubClient hub, string number, string reason)
    {
        var closed = await hub.Next();
        Assert.Equal(("room-closed", number, reason), (closed.Name, closed.Body.GetProperty("ticketNumber").GetString(), closed.Body.GetProperty("reason").GetString()));
    }

    private static async Task AssertNothingMore(HubClient hub)
    {
        await hub.RoundTrip();
        Assert.Empty(hub.AfterRoomClosed());
    }

    /// <summary>Staff post an internal note and a public barrier; what <paramref name="probed"/> received up to the barrier.</summary>
    private static async Task<List<HubPush>> Probe(TestUser staff, HubClient staffHub, HubClient probed, string number)
    {
        await Post(staff, number, "Probe", "INTERNAL");
        await Post(staff, number, "Probe barrier");
        var last = await LastSeq(staff, number);
        await staffHub.UntilSeq(last);
        return await probed.UntilSeq(last);
    }

    private static async Task<long> LastSeq(TestUser user, string number) =>
        (await Events(user, number, "?limit=100")).Max(e => e.Seq);

    private async Task<(TestUser Requester, TestUser Participant, TicketView Ticket)> TicketWithParticipant()
    {
        var requester = await NewUser();
        var participant = await NewUser();
        var ticket = await CreateTicket(requester);
        await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = participant.Id })).Read<ParticipantView>(HttpStatusCode.Created);
        return (requester, participant, ticket);
    }

    private static async Task Post(TestUser author, string number, string content, string visibility = "PUBLIC") =>
        await (await author.Client.PostJson($"/api/tickets/{number}/messages", new { content, visibility })).Read<MessageView>(HttpStatusCode.Created);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteRevocationTests(SqliteApi fixture) : RevocationTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresRevocationTests(PostgresApi fixture) : RevocationTests(fixture);
