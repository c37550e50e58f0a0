using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Messages;

namespace TicketPlatform.Api.Tests.Realtime;

public abstract class ConversationHubTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_public_message_reaches_both_and_an_internal_note_only_staff()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await (await agent.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Read<TicketPlatform.Tickets.TicketView>();
        await using var userHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        var joinedAt = await userHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);

        var publicMessage = await Post(agent, ticket.Number, "We are on it", "PUBLIC");
        var note = await Post(agent, ticket.Number, "Customer seems upset", "INTERNAL");
        var followUp = await Post(agent, ticket.Number, "Fixed now", "PUBLIC");

        var userSaw = await userHub.UntilSeq(joinedAt + 3);
        var agentSaw = await agentHub.UntilSeq(joinedAt + 3);
        Assert.Equal([("new-message", joinedAt + 1), ("new-message", joinedAt + 3)], userSaw.Select(r => (r.Name, r.Event.Seq)));
        Assert.Equal([joinedAt + 1, joinedAt + 2, joinedAt + 3], agentSaw.Select(r => r.Event.Seq));
        Assert.Equal(TicketEventType.InternalNoteAdded, agentSaw[1].Event.Event.Type);
        Assert.Equal(note.Id.ToString(), agentSaw[1].Event.Event.Payload.GetProperty("messageId").GetString());
        Assert.Equal(publicMessage.Id.ToString(), userSaw[0].Event.Event.Payload.GetProperty("messageId").GetString());
        Assert.Equal(followUp.Id.ToString(), userSaw[1].Event.Event.Payload.GetProperty("messageId").GetString());
        Assert.DoesNotContain(userSaw, r => r.Event.Event.Payload.ToString().Contains("upset", StringComparison.Ordinal));
    }

    private static async Task<MessageView> Post(TestUser author, string number, string content, string visibility) =>
        await (await author.Client.PostJson($"/api/tickets/{number}/messages", new { content, visibility })).Read<MessageView>(HttpStatusCode.Created);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteConversationHubTests(SqliteApi fixture) : ConversationHubTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresConversationHubTests(PostgresApi fixture) : ConversationHubTests(fixture);
