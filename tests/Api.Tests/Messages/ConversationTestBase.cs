using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Messages;

/// <summary>Helpers of the conversation tests: posting, listing and nudging a ticket's grain to reload.</summary>
public abstract class ConversationTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected static string MessagesOf(string number) => $"/api/tickets/{number}/messages";

    protected static async Task<MessageView> Post(TestUser user, string number, string content, string visibility = "PUBLIC") =>
        await (await user.Client.PostJson(MessagesOf(number), new { content, visibility })).Read<MessageView>(HttpStatusCode.Created);

    protected static async Task<MessagePage> List(TestUser user, string number, string query = "") =>
        await (await user.Client.GetAsync(MessagesOf(number) + query)).Read<MessagePage>();

    protected static async Task<UnreadMessages> Unread(TestUser user, string number) =>
        await (await user.Client.GetAsync(MessagesOf(number) + "/unread")).Read<UnreadMessages>();

    /// <summary>An AGENT: no token can make one, so the user row is written before the first request.</summary>
    protected async Task<TestUser> NewAgent()
    {
        var subject = $"agent-{Guid.NewGuid():N}";
        await Api.Database.AddUser(subject, "AGENT");
        return await NewUser(subject: subject);
    }

    /// <summary>Archives the ticket behind its grain's back; the grain's next write meets the fence and reloads.</summary>
    protected Task Archive(string number) => Api.Database.Archive(number);

    /// <summary>Adds a participant behind the grain's back, then has the requester make a change so the grain reloads.</summary>
    protected async Task AddParticipant(TestUser requester, string number, TestUser participant, bool canComment)
    {
        await Api.Database.AddParticipant(number, participant.Id, canEdit: false, canComment);
        await (await requester.Client.PatchJson($"/api/tickets/{number}/priority", new { priority = "HIGH" })).Read<TicketView>();
    }

    protected sealed record MessagePage(MessageView[] Items, string? NextCursor);
}
