using System.Net;
using System.Text.Json;
using TicketPlatform.Api.Tests.Attachments;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Realtime;

/// <summary>
/// Pushes carry what they are about, as a chat client renders it: clients here connect as browsers do (WebSockets,
/// <c>access_token</c> in the query) and read the JSON, with no REST call per message.
/// </summary>
public abstract class PushContentTests(ApiFixture fixture) : AttachmentTestBase(fixture)
{
    [Fact]
    public async Task A_public_messages_text_reaches_requester_and_agent_in_the_push()
    {
        var (requester, agent, ticket) = await TicketWithAgent();
        await using var userHub = await ChatClient(requester);
        await using var agentHub = await ChatClient(agent);
        var joinedAt = await userHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);

        var posted = await Post(requester, ticket.Number, "My printer is on fire");

        foreach (var hub in new[] { userHub, agentHub })
        {
            var push = await hub.Next();
            Assert.Equal("new-message", push.Name);
            Assert.Equal(joinedAt + 1, push.Body.GetProperty("seq").GetInt64());
            var message = push.Body.GetProperty("message");
            Assert.Equal("My printer is on fire", message.GetProperty("content").GetString());
            Assert.Equal(posted.Id, message.GetProperty("id").GetGuid());
            Assert.Equal(requester.Id, message.GetProperty("authorId").GetGuid());
            Assert.Equal("PUBLIC", message.GetProperty("visibility").GetString());
        }
    }

    [Fact]
    public async Task An_internal_notes_text_reaches_only_staff()
    {
        var (requester, agent, ticket) = await TicketWithAgent();
        await using var userHub = await ChatClient(requester);
        await using var agentHub = await ChatClient(agent);
        var joinedAt = await userHub.Join(ticket.Number);
        await agentHub.Join(ticket.Number);

        await Post(agent, ticket.Number, "Customer seems upset", "INTERNAL");
        await Post(agent, ticket.Number, "Barrier: fixed now");

        var agentSaw = await agentHub.UntilSeq(joinedAt + 2);
        Assert.Equal(["Customer seems upset", "Barrier: fixed now"], agentSaw.Select(ContentOf));
        Assert.Equal("INTERNAL", agentSaw[0].Body.GetProperty("message").GetProperty("visibility").GetString());
        var userSaw = await userHub.UntilSeq(joinedAt + 2);
        Assert.Equal(["Barrier: fixed now"], userSaw.Select(ContentOf));
        await userHub.RoundTrip();
        Assert.DoesNotContain(userHub.Received(), push => push.Body.GetRawText().Contains("upset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Edit_and_delete_pushes_carry_the_new_content_and_the_tombstone()
    {
        var (requester, _, ticket) = await TicketWithAgent();
        var posted = await Post(requester, ticket.Number, "Frist draft");
        await using var hub = await ChatClient(requester);
        await hub.Join(ticket.Number);

        await (await requester.Client.PatchJson($"{MessagesOf(ticket.Number)}/{posted.Id}", new { content = "First draft" })).Read<MessageView>();
        Assert.Equal(HttpStatusCode.NoContent, (await requester.Client.DeleteAsync($"{MessagesOf(ticket.Number)}/{posted.Id}")).StatusCode);

        var edited = await hub.Next();
        Assert.Equal("message-updated", edited.Name);
        Assert.Equal("First draft", ContentOf(edited));
        Assert.NotEqual(JsonValueKind.Null, edited.Body.GetProperty("message").GetProperty("editedAt").ValueKind);
        var deleted = await hub.Next();
        Assert.Equal("message-deleted", deleted.Name);
        var tombstone = deleted.Body.GetProperty("message");
        Assert.Equal(posted.Id, tombstone.GetProperty("id").GetGuid());
        Assert.Equal(JsonValueKind.Null, tombstone.GetProperty("content").ValueKind);
        Assert.Equal(requester.Id, tombstone.GetProperty("deletedBy").GetGuid());
    }

    [Fact]
    public async Task An_attachment_push_carries_its_metadata()
    {
        var (requester, _, ticket) = await TicketWithAgent();
        var message = await Post(requester, ticket.Number, "See the report");
        await using var hub = await ChatClient(requester);
        await hub.Join(ticket.Number);

        var attached = await Attach(requester, ticket.Number, message.Id, fileName: "report.pdf");
        Assert.Equal(HttpStatusCode.NoContent, (await requester.Client.DeleteAsync($"/api/attachments/{attached.Id}")).StatusCode);

        var added = await hub.Next();
        Assert.Equal("new-attachment", added.Name);
        var attachment = added.Body.GetProperty("attachment");
        Assert.Equal(
            (attached.Id, message.Id, "report.pdf", "application/pdf", attached.Size, attached.Sha256),
            (attachment.GetProperty("id").GetGuid(), attachment.GetProperty("messageId").GetGuid(), attachment.GetProperty("fileName").GetString(),
                attachment.GetProperty("contentType").GetString(), attachment.GetProperty("size").GetInt64(), attachment.GetProperty("sha256").GetString()));
        var removed = await hub.Next();
        Assert.Equal("attachment-deleted", removed.Name);
        Assert.Equal(requester.Id, removed.Body.GetProperty("attachment").GetProperty("deletedBy").GetGuid());
    }

    [Fact]
    public async Task A_ticket_event_carries_the_ticket_after_the_change()
    {
        var (requester, _, ticket) = await TicketWithAgent();
        await using var hub = await ChatClient(requester);
        await hub.Join(ticket.Number);

        var changed = await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" })).Read<TicketView>();

        var push = await hub.Next();
        Assert.Equal("ticket-event", push.Name);
        var pushed = push.Body.GetProperty("ticket");
        Assert.Equal(("URGENT", changed.Version), (pushed.GetProperty("priority").GetString(), pushed.GetProperty("version").GetInt32()));
        Assert.Contains(pushed.GetProperty("participants").EnumerateArray(), p => p.GetProperty("userId").GetGuid() == requester.Id);
    }

    private async Task<(TestUser Requester, TestUser Agent, TicketView Ticket)> TicketWithAgent()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await (await agent.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).Read<TicketView>();
        return (requester, agent, ticket);
    }

    private Task<HubClient> ChatClient(TestUser user) => HubClient.Connect(Api, Api.Token(user.User.Subject), queryStringToken: true);

    private static string? ContentOf(HubPush push) => push.Body.GetProperty("message").GetProperty("content").GetString();
}

[Collection(nameof(SqliteApi))]
public sealed class SqlitePushContentTests(SqliteApi fixture) : PushContentTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresPushContentTests(PostgresApi fixture) : PushContentTests(fixture);
