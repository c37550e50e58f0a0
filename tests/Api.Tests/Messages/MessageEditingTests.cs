using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Messages;

namespace TicketPlatform.Api.Tests.Messages;

public abstract class MessageEditingTests(ApiFixture fixture) : ConversationTestBase(fixture)
{
    [Fact]
    public async Task The_author_edits_and_the_message_keeps_when_it_was_edited()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Helo");
        var url = $"{MessagesOf(ticket.Number)}/{message.Id}";

        var edited = await (await user.Client.PatchJson(url, new { content = "Hello" })).Read<MessageView>();
        var unchanged = await (await user.Client.PatchJson(url, new { content = "Hello" })).Read<MessageView>();

        Assert.Equal(("Hello", message.CreatedAt), (edited.Content, edited.CreatedAt));
        Assert.NotNull(edited.EditedAt);
        Assert.Equal(edited, unchanged);
        Assert.Equal(edited, await (await user.Client.GetAsync(url)).Read<MessageView>());
        var events = await Events(user, ticket.Number, "?after=2");
        var single = Assert.Single(events);
        Assert.Equal((TicketEventType.MessageEdited, message.Id), (single.Type, single.Payload.GetProperty("messageId").GetGuid()));
    }

    [Fact]
    public async Task Only_the_author_edits_and_bad_content_is_400()
    {
        var user = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Mine");
        var url = $"{MessagesOf(ticket.Number)}/{message.Id}";

        await (await admin.Client.PatchJson(url, new { content = "Staff rewrite" })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await user.Client.PatchJson(url, new { content = "" })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PatchJson($"{MessagesOf(ticket.Number)}/{Guid.NewGuid()}", new { content = "Nobody" })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.Equal("Mine", (await (await user.Client.GetAsync(url)).Read<MessageView>()).Content);
    }

    [Fact]
    public async Task Deleting_erases_the_words_in_the_row_and_leaves_a_tombstone()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "My password is hunter2");
        var url = $"{MessagesOf(ticket.Number)}/{message.Id}";

        var deleted = await user.Client.DeleteAsync(url);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        var tombstone = await (await user.Client.GetAsync(url)).Read<MessageView>();
        Assert.Equal((null, user.Id), (tombstone.Content, tombstone.DeletedBy));
        Assert.NotNull(tombstone.DeletedAt);
        Assert.Equal([tombstone], (await List(user, ticket.Number)).Items);
        Assert.Equal(0, await Api.Database.Scalar<long>("SELECT COUNT(*) FROM messages WHERE id = @id AND content IS NOT NULL", new { id = message.Id }));
        Assert.Equal(1, await Api.Database.Scalar<long>("SELECT COUNT(*) FROM messages WHERE id = @id AND deleted_at IS NOT NULL", new { id = message.Id }));
        Assert.Equal(0, await Api.Database.Scalar<long>("SELECT COUNT(*) FROM events WHERE payload LIKE '%hunter2%'"));
        var last = (await Events(user, ticket.Number))[^1];
        Assert.Equal((TicketEventType.MessageDeleted, message.Id), (last.Type, last.Payload.GetProperty("messageId").GetGuid()));

        await (await user.Client.PatchJson(url, new { content = "Back" })).Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync(url)).StatusCode);
        Assert.Equal(last.Seq, (await Events(user, ticket.Number))[^1].Seq);
    }

    [Fact]
    public async Task An_admin_may_delete_anyones_message_an_agent_may_not()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Rude words");
        var url = $"{MessagesOf(ticket.Number)}/{message.Id}";

        await (await agent.Client.DeleteAsync(url)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync(url)).StatusCode);

        var tombstone = await (await user.Client.GetAsync(url)).Read<MessageView>();
        Assert.Equal((null, admin.Id), (tombstone.Content, tombstone.DeletedBy));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteMessageEditingTests(SqliteApi fixture) : MessageEditingTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresMessageEditingTests(PostgresApi fixture) : MessageEditingTests(fixture);
