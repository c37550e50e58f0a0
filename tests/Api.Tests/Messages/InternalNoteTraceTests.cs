using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Messages;

/// <summary>
/// Nothing of an internal note reaches a USER: not its event, not the STAFF_JOINED it causes, and not a move of
/// the ticket's version or updatedAt, which for a USER change only with events a USER can see.
/// </summary>
public abstract class InternalNoteTraceTests(ApiFixture fixture) : ConversationTestBase(fixture)
{
    [Fact]
    public async Task A_staff_member_joining_by_an_internal_note_joins_internally()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);

        await Post(agent, ticket.Number, "Suspect the fuser unit.", "INTERNAL");

        var events = await Events(agent, ticket.Number);
        var joined = Assert.Single(events, e => e.Type == TicketEventType.StaffJoined);
        Assert.Equal(EventVisibility.Internal, joined.Visibility);
        Assert.Equal(Assert.Single(events, e => e.Type == TicketEventType.InternalNoteAdded).Seq - 1, joined.Seq);
        Assert.DoesNotContain(await Events(requester, ticket.Number), e => e.Type is TicketEventType.StaffJoined or TicketEventType.InternalNoteAdded);
    }

    [Fact]
    public async Task A_user_sees_the_same_version_and_updated_at_before_and_after_internal_notes()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        var before = await Ticket(requester, ticket.Number);
        var listedBefore = await Listed(requester, ticket.Number);
        var staffBefore = await Ticket(agent, ticket.Number);

        var note = await Post(agent, ticket.Number, "First thought.", "INTERNAL");
        await (await agent.Client.PatchJson($"{MessagesOf(ticket.Number)}/{note.Id}", new { content = "Second thought." })).Read<MessageView>();
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"{MessagesOf(ticket.Number)}/{note.Id}")).StatusCode);

        var after = await Ticket(requester, ticket.Number);
        var listedAfter = await Listed(requester, ticket.Number);
        var staffAfter = await Ticket(agent, ticket.Number);
        Assert.Equal((before.Version, before.UpdatedAt), (after.Version, after.UpdatedAt));
        Assert.Equal((listedBefore.Version, listedBefore.UpdatedAt), (listedAfter.Version, listedAfter.UpdatedAt));
        Assert.True(staffAfter.Version > staffBefore.Version, $"staff version {staffBefore.Version} -> {staffAfter.Version}");
        Assert.True(staffAfter.UpdatedAt > staffBefore.UpdatedAt);
    }

    [Fact]
    public async Task A_public_change_after_internal_notes_moves_the_user_version_by_one()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        var before = await Ticket(requester, ticket.Number);
        await Post(agent, ticket.Number, "Internal one.", "INTERNAL");
        await Post(agent, ticket.Number, "Internal two.", "INTERNAL");

        var reply = await Post(requester, ticket.Number, "Any news?");

        var after = await Ticket(requester, ticket.Number);
        Assert.Equal(before.Version + 1, after.Version);
        Assert.Equal(reply.CreatedAt, after.UpdatedAt);
        Assert.Equal((after.Version, after.UpdatedAt), ((await Listed(requester, ticket.Number)).Version, (await Listed(requester, ticket.Number)).UpdatedAt));
    }

    [Fact]
    public async Task Sorting_by_updated_at_does_not_reveal_internal_notes_to_a_user()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var older = await CreateTicket(requester, "Older");
        var newer = await CreateTicket(requester, "Newer");

        await Post(agent, older.Number, "Only staff know this ticket moved.", "INTERNAL");

        var order = (await (await requester.Client.GetAsync("/api/tickets?sort=-updatedAt")).Read<TicketPage>()).Items.Select(t => t.Number).ToArray();
        Assert.Equal([newer.Number, older.Number], order);
        var staffOrder = (await (await agent.Client.GetAsync($"/api/tickets?requesterId={requester.Id}&sort=-updatedAt")).Read<TicketPage>()).Items.Select(t => t.Number).ToArray();
        Assert.Equal([older.Number, newer.Number], staffOrder);
    }

    private static async Task<TicketView> Ticket(TestUser user, string number) => await (await user.Client.GetAsync($"/api/tickets/{number}")).Read<TicketView>();

    private static async Task<TicketView> Listed(TestUser user, string number) =>
        Assert.Single((await (await user.Client.GetAsync("/api/tickets?limit=100")).Read<TicketPage>()).Items, t => t.Number == number);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteInternalNoteTraceTests(SqliteApi fixture) : InternalNoteTraceTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresInternalNoteTraceTests(PostgresApi fixture) : InternalNoteTraceTests(fixture);
