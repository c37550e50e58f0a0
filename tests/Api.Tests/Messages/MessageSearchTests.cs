using System.Net;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Messages;

public abstract class MessageSearchTests(ApiFixture fixture) : ConversationTestBase(fixture)
{
    [Fact]
    public async Task The_ticket_search_finds_message_text_but_never_internal_or_erased_words_for_a_user()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var withPublic = await CreateTicket(user, "First ticket");
        var withNote = await CreateTicket(user, "Second ticket");
        var token = Guid.NewGuid().ToString("N")[..10];
        await Post(agent, withPublic.Number, $"Try the FLUX-{token} capacitor");
        await Post(agent, withNote.Number, $"zebra-{token} is our internal name", "INTERNAL");
        var erased = await Post(user, withNote.Number, $"walrus-{token}");
        Assert.Equal(HttpStatusCode.NoContent, (await user.Client.DeleteAsync($"{MessagesOf(withNote.Number)}/{erased.Id}")).StatusCode);

        Assert.Equal([withPublic.Number], await Search(user, $"flux-{token}"));
        Assert.Empty(await Search(user, $"zebra-{token}"));
        Assert.Equal([withNote.Number], await Search(agent, $"zebra-{token}"));
        Assert.Empty(await Search(agent, $"walrus-{token}"));
    }

    private static async Task<IEnumerable<string>> Search(TestUser user, string text) =>
        (await (await user.Client.GetAsync($"/api/tickets?q={Uri.EscapeDataString(text)}")).Read<TicketPage>()).Items.Select(t => t.Number);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteMessageSearchTests(SqliteApi fixture) : MessageSearchTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresMessageSearchTests(PostgresApi fixture) : MessageSearchTests(fixture);
