using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Invitations;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary>An invitation stands on its inviter being on the ticket: an inviter who is removed or leaves takes their pending invitations along.</summary>
public abstract class InviterGoneTests(ApiFixture fixture) : InvitationTestBase(fixture)
{
    [Fact]
    public async Task Removing_the_inviter_cancels_their_pending_invitations_in_the_same_commit()
    {
        var (requester, inviter, ticket) = await TicketWithInviter();
        var first = await Invite(inviter, ticket, (await NewUser()).Id);
        var invitee = await NewUser();
        var second = await Invite(inviter, ticket, invitee.Id);
        var others = await Invite(requester, ticket, (await NewUser()).Id);
        var removedAt = (await Events(requester, ticket)).Max(e => e.Seq);

        Assert.Equal(HttpStatusCode.NoContent, (await requester.Client.DeleteAsync($"/api/tickets/{ticket}/participants/{inviter.Id}")).StatusCode);

        var events = await EventsAfter(requester, ticket, removedAt);
        Assert.Equal(
            [TicketEventType.ParticipantRemoved, TicketEventType.InvitationCancelled, TicketEventType.InvitationCancelled],
            events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(events[0].CreatedAt, e.CreatedAt));
        Assert.Equal([first.Id, second.Id], events[1..].Select(e => e.Payload.GetProperty("invitationId").GetGuid()));
        Assert.All(events[1..], e => Assert.Equal(InvitationReasons.InviterRemoved, e.Payload.GetProperty("reason").GetString()));
        Assert.Equal((InvitationStatus.Cancelled, InvitationReasons.InviterRemoved), ((await Get(requester, second.Id)).Status, (await Get(requester, second.Id)).CancelReason));
        Assert.Equal(InvitationStatus.Pending, (await Get(requester, others.Id)).Status);
        var refused = await (await Answer(invitee, second.Id, "accept")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(InvitationReasons.InviterRemoved, (string?)refused["reason"]);
        Assert.DoesNotContain((await Ticket(requester, ticket)).Participants!, p => p.UserId == invitee.Id);
    }

    [Fact]
    public async Task An_inviter_who_leaves_cancels_their_pending_invitations_as_INVITER_LEFT()
    {
        var (requester, inviter, ticket) = await TicketWithInviter();
        var invitee = await NewUser();
        var invitation = await Invite(inviter, ticket, invitee.Id);
        var leftAt = (await Events(requester, ticket)).Max(e => e.Seq);

        Assert.Equal(HttpStatusCode.NoContent, (await inviter.Client.DeleteAsync($"/api/tickets/{ticket}/participants/{inviter.Id}")).StatusCode);

        var events = await EventsAfter(requester, ticket, leftAt);
        Assert.Equal([TicketEventType.ParticipantLeft, TicketEventType.InvitationCancelled], events.Select(e => e.Type));
        Assert.Equal(InvitationReasons.InviterLeft, events[1].Payload.GetProperty("reason").GetString());
        Assert.Equal(InvitationStatus.Cancelled, (await Get(invitee, invitation.Id)).Status);
        Assert.Empty((await List(invitee, "/api/invitations/mine")).Items);
    }

    /// <summary>A ticket with a participant who may invite (canEdit), added by the requester.</summary>
    private async Task<(TestUser Requester, TestUser Inviter, string Ticket)> TicketWithInviter()
    {
        var requester = await NewUser();
        var inviter = await NewUser();
        var ticket = (await CreateTicket(requester)).Number;
        (await requester.Client.PostJson($"/api/tickets/{ticket}/participants", new { userId = inviter.Id, canEdit = true })).EnsureSuccessStatusCode();
        return (requester, inviter, ticket);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteInviterGoneTests(SqliteApi fixture) : InviterGoneTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresInviterGoneTests(PostgresApi fixture) : InviterGoneTests(fixture);
