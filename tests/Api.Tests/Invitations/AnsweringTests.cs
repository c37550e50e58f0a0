using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Invitations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary>
/// <c>GET /api/invitations/{id}</c> and its accept, decline and cancel. Whoever may not see an invitation gets 404; whoever sees it (its inviter, anyone on the
/// ticket, staff) but may not give this answer gets 403; an invitation no longer PENDING gets 409.
/// </summary>
public abstract class AnsweringTests(ApiFixture fixture) : InvitationTestBase(fixture)
{
    [Fact]
    public async Task The_invitee_the_inviter_and_whoever_sees_the_ticket_may_read_an_invitation()
    {
        var (requester, editor, invitee, stranger, admin, ticket, invitation) = await AnEditorInvites();
        (await requester.Client.DeleteAsync($"/api/tickets/{ticket.Number}/participants/{editor.Id}")).EnsureSuccessStatusCode();

        var cancelled = await Get(invitee, invitation.Id);
        Assert.Equal(invitation with { Status = InvitationStatus.Cancelled, RespondedAt = cancelled.RespondedAt, CancelReason = InvitationReasons.InviterRemoved }, cancelled);
        foreach (var reader in new[] { editor, requester, admin })
        {
            Assert.Equal(cancelled, await Get(reader, invitation.Id));
        }

        await (await stranger.Client.GetAsync($"/api/invitations/{invitation.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await invitee.Client.GetAsync($"/api/invitations/{Guid.NewGuid()}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await invitee.Client.GetAsync("/api/invitations/not-a-uuid")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await invitee.Client.PostAsync("/api/invitations/not-a-uuid/accept", content: null)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Accepting_makes_the_invitee_a_participant_with_the_flags_in_one_commit()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id, canEdit: true, canComment: false);

        var accepted = await (await Answer(invitee, invitation.Id, "accept")).Read<InvitationView>();

        Assert.Equal(InvitationStatus.Accepted, accepted.Status);
        Assert.NotNull(accepted.RespondedAt);
        var participant = (await Ticket(invitee, ticket.Number)).Participants!.Single(p => p.UserId == invitee.Id);
        Assert.Equal((ParticipantRole.Participant, true, false), (participant.Role, participant.CanEdit, participant.CanComment));
        var events = await Events(invitee, ticket.Number, "?after=2");
        Assert.Equal([(3L, TicketEventType.InvitationAccepted), (4L, TicketEventType.ParticipantAdded)], events.Select(e => (e.Seq, e.Type)));
        Assert.All(events, e => Assert.Equal((invitee.Id, accepted.RespondedAt), (e.ActorId, (DateTimeOffset?)e.CreatedAt)));
        Assert.Empty((await List(invitee, "/api/invitations/mine")).Items);
        var again = await (await Answer(invitee, invitation.Id, "accept")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal("ACCEPTED", (string?)again["reason"]);
    }

    [Fact]
    public async Task Only_the_invitee_answers_others_get_403_or_404()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var stranger = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id);

        foreach (var answer in new[] { "accept", "decline" })
        {
            var refused = await (await Answer(requester, invitation.Id, answer)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
            Assert.Equal(InvitationReasons.NotInvitee, (string?)refused["reason"]);
            await (await Answer(admin, invitation.Id, answer)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
            await (await Answer(stranger, invitation.Id, answer)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
            await (await Answer(invitee, Guid.NewGuid(), answer)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        }

        Assert.Equal(InvitationStatus.Pending, (await Get(invitee, invitation.Id)).Status);
        Assert.Equal(2, (await Events(requester, ticket.Number)).Length);
    }

    [Fact]
    public async Task Declining_records_the_answer_and_a_second_answer_is_a_conflict()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id);

        var declined = await (await Answer(invitee, invitation.Id, "decline")).Read<InvitationView>();

        Assert.Equal(InvitationStatus.Declined, declined.Status);
        Assert.NotNull(declined.RespondedAt);
        var declinedEvent = (await Events(requester, ticket.Number, "?type=INVITATION_DECLINED")).Single();
        Assert.Equal((invitee.Id, invitation.Id), (declinedEvent.ActorId, declinedEvent.Payload.GetProperty("invitationId").GetGuid()));
        await (await Answer(invitee, invitation.Id, "accept")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        await (await Answer(invitee, invitation.Id, "decline")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        await (await Answer(requester, invitation.Id, "cancel")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.DoesNotContain((await Ticket(requester, ticket.Number)).Participants!, p => p.UserId == invitee.Id);
    }

    [Fact]
    public async Task The_inviter_or_staff_cancel_and_nobody_else()
    {
        var (requester, editor, invitee, stranger, admin, ticket, byEditor) = await AnEditorInvites();

        await (await Answer(requester, byEditor.Id, "cancel")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Answer(invitee, byEditor.Id, "cancel")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Answer(stranger, byEditor.Id, "cancel")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        var cancelled = await (await Answer(editor, byEditor.Id, "cancel")).Read<InvitationView>();
        var again = await Invite(editor, ticket.Number, invitee.Id);
        var byStaff = await (await Answer(admin, again.Id, "cancel")).Read<InvitationView>();

        Assert.Equal((InvitationStatus.Cancelled, InvitationReasons.Withdrawn), (cancelled.Status, cancelled.CancelReason));
        Assert.Equal(InvitationStatus.Cancelled, byStaff.Status);
        var events = await EventsAfter(admin, ticket.Number, 3);
        Assert.Equal(
            [TicketEventType.InvitationCancelled, TicketEventType.InvitationSent, TicketEventType.StaffJoined, TicketEventType.InvitationCancelled],
            events.Select(e => e.Type));
        Assert.Equal((editor.Id, admin.Id), (events[0].ActorId, events[3].ActorId));
        Assert.Equal(InvitationReasons.Withdrawn, events[3].Payload.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Answers_on_an_archived_ticket_are_409_ARCHIVED()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id);
        (await admin.Client.DeleteAsync($"/api/tickets/{ticket.Number}")).EnsureSuccessStatusCode();

        await (await Answer(invitee, invitation.Id, "accept")).Problem(HttpStatusCode.Conflict, "ARCHIVED");
        await (await Answer(invitee, invitation.Id, "decline")).Problem(HttpStatusCode.Conflict, "ARCHIVED");
        await (await Answer(requester, invitation.Id, "cancel")).Problem(HttpStatusCode.Conflict, "ARCHIVED");
        Assert.Equal(InvitationStatus.Pending, (await Get(invitee, invitation.Id)).Status);
    }

    /// <summary>A requester's ticket on which an editing participant has invited someone; a stranger and an admin stand by.</summary>
    private async Task<(TestUser Requester, TestUser Editor, TestUser Invitee, TestUser Stranger, TestUser Admin, TicketView Ticket, InvitationView Invitation)> AnEditorInvites()
    {
        var requester = await NewUser();
        var editor = await NewUser();
        var invitee = await NewUser();
        var stranger = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = editor.Id, canEdit = true });
        return (requester, editor, invitee, stranger, admin, ticket, await Invite(editor, ticket.Number, invitee.Id));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteAnsweringTests(SqliteApi fixture) : AnsweringTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresAnsweringTests(PostgresApi fixture) : AnsweringTests(fixture);
