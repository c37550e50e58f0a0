using System.Net;
using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Api.Realtime;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Realtime;

/// <summary>
/// <c>typing</c> goes to the others in the room who may see its visibility. The fixture allows one notice per connection
/// and ticket (a throttle of an hour), so absence is proven by a barrier message, never by waiting.
/// </summary>
public abstract class TypingTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Typing_reaches_the_others_in_the_room_but_not_the_typist()
    {
        var (requester, agent, ticket) = await TicketWithAgent();
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject, name: "Rita Requester"));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        var joinedAt = await requesterHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);

        await requesterHub.Typing(ticket.Number, "PUBLIC");

        var typing = await agentHub.NextLive(HubEvents.Typing);
        Assert.Equal(
            (ticket.Number, requester.Id, "Rita Requester", "PUBLIC", 5000L),
            (typing.Body.GetProperty("ticketNumber").GetString(), typing.Body.GetProperty("userId").GetGuid(), typing.Body.GetProperty("name").GetString(),
                typing.Body.GetProperty("visibility").GetString(), typing.Body.GetProperty("lapseMs").GetInt64()));
        await Barrier(agent, ticket.Number, requesterHub, joinedAt + 1);
        Assert.DoesNotContain(requesterHub.Received(), push => push.Name == HubEvents.Typing);
    }

    [Fact]
    public async Task Internal_typing_reaches_staff_and_never_a_user()
    {
        var (requester, agent, ticket) = await TicketWithAgent();
        var colleague = await NewAgent();
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        await using var colleagueHub = await HubClient.Connect(Api, Api.Token(colleague.User.Subject));
        var joinedAt = await requesterHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);
        await colleagueHub.Join(ticket.Number);

        await agentHub.Typing(ticket.Number, "INTERNAL");

        var typing = await colleagueHub.NextLive(HubEvents.Typing);
        Assert.Equal((agent.Id, "INTERNAL"), (typing.Body.GetProperty("userId").GetGuid(), typing.Body.GetProperty("visibility").GetString()));
        await Barrier(agent, ticket.Number, requesterHub, joinedAt + 1);
        Assert.DoesNotContain(requesterHub.Received(), push => push.Name == HubEvents.Typing);
    }

    [Fact]
    public async Task A_user_cannot_announce_internal_typing()
    {
        var (requester, _, ticket) = await TicketWithAgent();
        await using var hub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await hub.Join(ticket.Number);

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.Typing(ticket.Number, "INTERNAL"));

        Assert.Contains("FORBIDDEN", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_on_a_ticket_whose_room_was_not_joined_is_refused()
    {
        var (requester, _, ticket) = await TicketWithAgent();
        await using var hub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.Typing(ticket.Number, "PUBLIC"));

        Assert.Contains("NOT_FOUND", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typing_is_throttled_per_connection()
    {
        var (requester, agent, ticket) = await TicketWithAgent();
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        await requesterHub.Join(ticket.Number);
        var joinedAt = await agentHub.Join(ticket.Number);

        for (var i = 0; i < 5; i++)
        {
            await requesterHub.Typing(ticket.Number, "PUBLIC");
        }

        await Barrier(requester, ticket.Number, agentHub, joinedAt + 1);
        Assert.Single(agentHub.Received(), push => push.Name == HubEvents.Typing);
    }

    /// <summary>A public message after the typing: once <paramref name="hub"/> received it and a round trip, any typing sent to it before has arrived.</summary>
    private static async Task Barrier(TestUser author, string number, HubClient hub, long seq)
    {
        await (await author.Client.PostJson($"/api/tickets/{number}/messages", new { content = "Barrier", visibility = "PUBLIC" })).Read<MessageView>(HttpStatusCode.Created);
        await hub.UntilSeq(seq);
        await hub.RoundTrip();
    }

    private async Task<(TestUser Requester, TestUser Agent, TicketView Ticket)> TicketWithAgent()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await (await agent.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Read<TicketView>();
        return (requester, agent, ticket);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTypingTests(SqliteApi fixture) : TypingTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTypingTests(PostgresApi fixture) : TypingTests(fixture);
