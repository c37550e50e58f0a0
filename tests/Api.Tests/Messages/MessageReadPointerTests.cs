using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Messages;

namespace TicketPlatform.Api.Tests.Messages;

public abstract class MessageReadPointerTests(ApiFixture fixture) : ConversationTestBase(fixture)
{
    [Fact]
    public async Task Unread_counts_what_the_caller_can_see_and_did_not_write()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var first = await Post(agent, ticket.Number, "first");
        await Post(agent, ticket.Number, "note", "INTERNAL");
        var second = await Post(agent, ticket.Number, "second");
        var own = await Post(user, ticket.Number, "mine");
        var gone = await Post(agent, ticket.Number, "deleted");
        Assert.Equal(HttpStatusCode.NoContent, (await agent.Client.DeleteAsync($"{MessagesOf(ticket.Number)}/{gone.Id}")).StatusCode);

        Assert.Equal(new UnreadMessages(2, first.Id), await Unread(user, ticket.Number));
        Assert.Equal(new UnreadMessages(1, own.Id), await Unread(agent, ticket.Number));
    }

    [Fact]
    public async Task The_read_pointer_moves_forward_only()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var first = await Post(agent, ticket.Number, "first");
        var second = await Post(agent, ticket.Number, "second");
        var third = await Post(agent, ticket.Number, "third");
        var read = $"{MessagesOf(ticket.Number)}/read";

        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostJson(read, new { upToMessageId = first.Id })).StatusCode);
        Assert.Equal(new UnreadMessages(2, second.Id), await Unread(user, ticket.Number));
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostJson(read, new { upToMessageId = third.Id })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.PostJson(read, new { upToMessageId = first.Id })).StatusCode);

        Assert.Equal(new UnreadMessages(0, null), await Unread(user, ticket.Number));
        Assert.Equal(new UnreadMessages(3, first.Id), await Unread(await NewAdmin(), ticket.Number));
    }

    [Fact]
    public async Task Marking_read_up_to_a_message_the_caller_cannot_see_is_400()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var note = await Post(agent, ticket.Number, "note", "INTERNAL");
        var read = $"{MessagesOf(ticket.Number)}/read";

        foreach (var body in new object[] { new { upToMessageId = note.Id }, new { upToMessageId = Guid.NewGuid() }, new { } })
        {
            var problem = await (await user.Client.PostJson(read, body)).Problem(HttpStatusCode.BadRequest, "VALIDATION");
            Assert.True(problem["errors"]!.AsObject().ContainsKey("upToMessageId"), problem.ToJsonString());
        }

        Assert.Equal(0, await Api.Database.CountRows("message_reads", "ticket_number", ticket.Number));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteMessageReadPointerTests(SqliteApi fixture) : MessageReadPointerTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresMessageReadPointerTests(PostgresApi fixture) : MessageReadPointerTests(fixture);
