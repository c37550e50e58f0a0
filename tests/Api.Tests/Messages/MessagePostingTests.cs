using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Messages;

public abstract class MessagePostingTests(ApiFixture fixture) : ConversationTestBase(fixture)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { "{}", "content" },
        { """{"content":"   "}""", "content" },
        { """{"content":null}""", "content" },
        { $$"""{"content":"{{new string('x', 20_001)}}"}""", "content" },
        { """{"content":"Hi","visibility":"SECRET"}""", "visibility" },
        { """{"content":5}""", "content" },
    };

    [Fact]
    public async Task A_public_message_is_created_read_back_and_announced_by_its_id_only()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var response = await user.Client.PostJson(MessagesOf(ticket.Number), new { content = "Hello there" });
        var message = await response.Read<MessageView>(HttpStatusCode.Created);

        Assert.Equal($"{MessagesOf(ticket.Number)}/{message.Id}", response.Headers.Location?.ToString());
        Assert.Equal((ticket.Number, user.Id, "Hello there", MessageVisibility.Public), (message.TicketNumber, message.AuthorId, message.Content, message.Visibility));
        Assert.Equal((null, null, null), (message.EditedAt, message.DeletedAt, message.DeletedBy));
        Assert.Equal(message, await (await user.Client.GetAsync($"{MessagesOf(ticket.Number)}/{message.Id}")).Read<MessageView>());
        var posted = (await Events(user, ticket.Number))[^1];
        Assert.Equal((TicketEventType.MessagePosted, EventVisibility.Public), (posted.Type, posted.Visibility));
        Assert.Equal(["messageId"], posted.Payload.EnumerateObject().Select(p => p.Name));
        Assert.Equal(message.Id, posted.Payload.GetProperty("messageId").GetGuid());
    }

    [Fact]
    public async Task A_public_message_reopens_a_closed_ticket_in_the_same_commit()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var closed = await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "CLOSED" })).Read<TicketView>();

        await Post(user, ticket.Number, "It is burning again");

        var reopened = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        Assert.Equal((TicketStatus.Open, null, closed.Version + 1), (reopened.Status, reopened.ClosedAt, reopened.Version));
        var events = await Events(user, ticket.Number, "?after=2");
        Assert.Equal([TicketEventType.MessagePosted, TicketEventType.StatusChanged], events.Select(e => e.Type));
        var payload = events[1].Payload;
        Assert.Equal(("CLOSED", "OPEN", "MESSAGE_POSTED"),
            (payload.GetProperty("from").GetString(), payload.GetProperty("to").GetString(), payload.GetProperty("reason").GetString()));
    }

    [Fact]
    public async Task An_internal_note_does_not_reopen_and_staff_are_enrolled_before_it()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "CLOSED" })).Read<TicketView>();

        var note = await Post(agent, ticket.Number, "Customer closed it themselves", "INTERNAL");

        Assert.Equal(MessageVisibility.Internal, note.Visibility);
        var after = await (await agent.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        Assert.Equal(TicketStatus.Closed, after.Status);
        Assert.Contains(after.Participants!, p => p.UserId == agent.Id && p.Role == ParticipantRole.Staff);
        var events = await Events(agent, ticket.Number, "?after=2");
        Assert.Equal([(TicketEventType.StaffJoined, EventVisibility.Internal), (TicketEventType.InternalNoteAdded, EventVisibility.Internal)],
            events.Select(e => (e.Type, e.Visibility)));
    }

    [Fact]
    public async Task Users_never_see_internal_notes_nor_their_events()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        var note = await Post(agent, ticket.Number, "Between us", "INTERNAL");
        var reply = await Post(agent, ticket.Number, "We are on it");
        await (await agent.Client.PatchJson($"{MessagesOf(ticket.Number)}/{note.Id}", new { content = "Between us, edited" })).Read<MessageView>();
        Assert.Equal(HttpStatusCode.NoContent, (await agent.Client.DeleteAsync($"{MessagesOf(ticket.Number)}/{note.Id}")).StatusCode);

        Assert.Equal([reply.Id], (await List(user, ticket.Number)).Items.Select(m => m.Id));
        Assert.Equal([note.Id, reply.Id], (await List(agent, ticket.Number)).Items.Select(m => m.Id));
        await (await user.Client.GetAsync($"{MessagesOf(ticket.Number)}/{note.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        var userEvents = await Events(user, ticket.Number);
        Assert.DoesNotContain(userEvents, e => e.Visibility == EventVisibility.Internal);
        Assert.Equal([TicketEventType.TicketCreated, TicketEventType.MessagePosted], userEvents.Select(e => e.Type));
        var staffEvents = await Events(agent, ticket.Number, "?after=3");
        Assert.Equal(
            [(TicketEventType.MessagePosted, EventVisibility.Public), (TicketEventType.MessageEdited, EventVisibility.Internal), (TicketEventType.MessageDeleted, EventVisibility.Internal)],
            staffEvents.Select(e => (e.Type, e.Visibility)));
    }

    [Fact]
    public async Task Only_staff_post_internal_notes()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        await (await user.Client.PostJson(MessagesOf(ticket.Number), new { content = "Let me in", visibility = "INTERNAL" })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");

        Assert.Equal(0, await Api.Database.CountRows("messages", "ticket_number", ticket.Number));
        Assert.Single(await Events(user, ticket.Number));
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_message_bodies_are_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var problem = await (await user.Client.PostRaw(MessagesOf(ticket.Number), body)).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), problem.ToJsonString());
        Assert.Equal(0, await Api.Database.CountRows("messages", "ticket_number", ticket.Number));
    }

    [Fact]
    public async Task Content_of_exactly_the_maximum_length_is_accepted()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var message = await Post(user, ticket.Number, new string('x', MessageRules.ContentMax));

        Assert.Equal(MessageRules.ContentMax, message.Content!.Length);
    }

    [Fact]
    public async Task Strangers_unknown_ids_and_malformed_numbers_get_404()
    {
        var user = await NewUser();
        var stranger = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Mine");
        var url = MessagesOf(ticket.Number);

        await (await stranger.Client.PostJson(url, new { content = "Me too" })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.GetAsync(url)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.GetAsync($"{url}/{message.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.PatchJson($"{url}/{message.Id}", new { content = "Mine now" })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.DeleteAsync($"{url}/{message.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.GetAsync($"{url}/unread")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await stranger.Client.PostJson($"{url}/read", new { upToMessageId = message.Id })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"{url}/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.GetAsync($"{url}/not-a-uuid")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await user.Client.PostJson("/api/tickets/TCK-nope/messages", new { content = "Hi" })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(1, await Api.Database.CountRows("messages", "ticket_number", ticket.Number));
    }

    [Fact]
    public async Task A_participant_without_the_comment_flag_may_read_but_not_post()
    {
        var user = await NewUser();
        var reader = await NewUser();
        var ticket = await CreateTicket(user);
        var hello = await Post(user, ticket.Number, "Hello");
        await AddParticipant(user, ticket.Number, reader, canComment: false);

        var refused = await (await reader.Client.PostJson(MessagesOf(ticket.Number), new { content = "Can I?" })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");

        Assert.Equal("PERMISSION", (string?)refused["reason"]);
        Assert.Equal([hello.Id], (await List(reader, ticket.Number)).Items.Select(m => m.Id));
    }

    [Fact]
    public async Task Writes_to_an_archived_ticket_are_409_while_reading_still_works()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Before the archive");
        await Archive(ticket.Number);
        var url = MessagesOf(ticket.Number);

        await (await user.Client.PostJson(url, new { content = "After" })).Problem(HttpStatusCode.Conflict, "ARCHIVED");
        await (await user.Client.PatchJson($"{url}/{message.Id}", new { content = "Changed" })).Problem(HttpStatusCode.Conflict, "ARCHIVED");
        await (await user.Client.DeleteAsync($"{url}/{message.Id}")).Problem(HttpStatusCode.Conflict, "ARCHIVED");

        Assert.Equal([message], (await List(user, ticket.Number)).Items);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteMessagePostingTests(SqliteApi fixture) : MessagePostingTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresMessagePostingTests(PostgresApi fixture) : MessagePostingTests(fixture);
