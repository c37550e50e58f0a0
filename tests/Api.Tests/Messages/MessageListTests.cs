using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Messages;

namespace TicketPlatform.Api.Tests.Messages;

public abstract class MessageListTests(ApiFixture fixture) : ConversationTestBase(fixture)
{
    [Fact]
    public async Task Cursor_pages_walk_the_conversation_forward_oldest_first()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var posted = await PostMany(user, ticket.Number, 7);

        var seen = new List<Guid>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await List(user, ticket.Number, $"?limit=3{(cursor is null ? "" : $"&cursor={cursor}")}");
            seen.AddRange(page.Items.Select(m => m.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null);

        Assert.Equal(posted.Select(m => m.Id), seen);
        Assert.Equal(3, pages);
    }

    [Fact]
    public async Task Before_returns_the_messages_just_before_it_still_oldest_first()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var posted = await PostMany(user, ticket.Number, 7);

        var page = await List(user, ticket.Number, $"?before={posted[5].Id}&limit=3");
        var forward = await List(user, ticket.Number, $"?cursor={page.NextCursor}&limit=2");
        var first = await List(user, ticket.Number, $"?before={posted[0].Id}");
        var short_ = await List(user, ticket.Number, $"?before={posted[2].Id}&limit=5");

        Assert.Equal(posted[2..5].Select(m => m.Id), page.Items.Select(m => m.Id));
        Assert.Equal(posted[5..7].Select(m => m.Id), forward.Items.Select(m => m.Id));
        Assert.Empty(first.Items);
        Assert.Null(first.NextCursor);
        Assert.Equal(posted[0..2].Select(m => m.Id), short_.Items.Select(m => m.Id));
    }

    [Fact]
    public async Task A_user_pages_over_public_messages_only_and_before_an_internal_one_is_404()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var first = await Post(user, ticket.Number, "one");
        var note = await Post(agent, ticket.Number, "internal", "INTERNAL");
        var second = await Post(agent, ticket.Number, "two");

        var page = await List(user, ticket.Number, "?limit=1");
        var next = await List(user, ticket.Number, $"?limit=1&cursor={page.NextCursor}");

        Assert.Equal([first.Id, second.Id], page.Items.Concat(next.Items).Select(m => m.Id));
        Assert.Null(next.NextCursor);
        await (await user.Client.GetAsync($"{MessagesOf(ticket.Number)}?before={note.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"{MessagesOf(ticket.Number)}?before={Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal([first.Id], (await List(agent, ticket.Number, $"?before={note.Id}")).Items.Select(m => m.Id));
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("cursor=forged", "cursor")]
    [InlineData("before=42", "before")]
    [InlineData("before=6f9619ff-8b86-d011-b42d-00c04fc964ff&cursor=abc", "before")]
    public async Task Bad_list_queries_are_400_naming_the_parameter(string query, string field)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var problem = await (await user.Client.GetAsync($"{MessagesOf(ticket.Number)}?{query}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
    }

    private static async Task<MessageView[]> PostMany(TestUser user, string number, int count)
    {
        var posted = new MessageView[count];
        for (var i = 0; i < count; i++)
        {
            posted[i] = await Post(user, number, $"Message {i}");
        }

        return posted;
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteMessageListTests(SqliteApi fixture) : MessageListTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresMessageListTests(PostgresApi fixture) : MessageListTests(fixture);
