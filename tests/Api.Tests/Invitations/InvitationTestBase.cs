using System.Net;
using TicketPlatform.Api.Events;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Invitations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary>Steps shared by the invitation tests.</summary>
public abstract class InvitationTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected static Task<HttpResponseMessage> Send(TestUser inviter, string number, Guid inviteeId, bool canEdit = false, bool canComment = true, string? message = null) =>
        inviter.Client.PostJson($"/api/tickets/{number}/invitations", new { inviteeId, canEdit, canComment, message });

    protected static async Task<InvitationView> Invite(TestUser inviter, string number, Guid inviteeId, bool canEdit = false, bool canComment = true, string? message = null) =>
        await (await Send(inviter, number, inviteeId, canEdit, canComment, message)).Read<InvitationView>(HttpStatusCode.Created);

    protected static Task<HttpResponseMessage> Answer(TestUser user, Guid invitationId, string answer) =>
        user.Client.PostAsync($"/api/invitations/{invitationId}/{answer}", content: null);

    protected static async Task<InvitationView> Get(TestUser user, Guid invitationId) =>
        await (await user.Client.GetAsync($"/api/invitations/{invitationId}")).Read<InvitationView>();

    protected static async Task<InvitationPage> List(TestUser user, string url) => await (await user.Client.GetAsync(url)).Read<InvitationPage>();

    protected static async Task<TicketView> Ticket(TestUser user, string number) => await (await user.Client.GetAsync($"/api/tickets/{number}")).Read<TicketView>();

    protected static Task<HttpResponseMessage> AddParticipant(TestUser manager, string number, Guid userId) =>
        manager.Client.PostJson($"/api/tickets/{number}/participants", new { userId });

    /// <summary>The events from <paramref name="after"/> on, as staff see them.</summary>
    protected static async Task<EventResponse[]> EventsAfter(TestUser staff, string number, long after) => await Events(staff, number, $"?after={after}&limit=100");

    protected sealed record InvitationPage(InvitationView[] Items, string? NextCursor, long? Total);
}
