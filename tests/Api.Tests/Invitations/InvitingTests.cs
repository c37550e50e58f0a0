using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Invitations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary><c>POST /api/tickets/{number}/invitations</c>: who may invite whom, and the conflicts.</summary>
public abstract class InvitingTests(ApiFixture fixture) : InvitationTestBase(fixture)
{
    [Fact]
    public async Task The_requester_invites_and_gets_the_invitation_with_every_field()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);

        var response = await Send(requester, ticket.Number, invitee.Id, canEdit: true, canComment: false, message: "Please have a look");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal($"/api/invitations/{body["id"]}", response.Headers.Location!.OriginalString);
        foreach (var field in new[] { "id", "ticketNumber", "inviterId", "inviteeId", "canEdit", "canComment", "status", "message", "createdAt", "expiresAt", "respondedAt" })
        {
            Assert.True(body.ContainsKey(field), $"{field} is missing");
        }

        Assert.Equal(("PENDING", ticket.Number, "Please have a look"), ((string?)body["status"], (string?)body["ticketNumber"], (string?)body["message"]));
        Assert.Null(body["respondedAt"]);
        var invitation = await Get(requester, (Guid)body["id"]!);
        Assert.Equal((requester.Id, invitee.Id, true, false), (invitation.InviterId, invitation.InviteeId, invitation.CanEdit, invitation.CanComment));
        Assert.Equal(TimeSpan.FromDays(7), invitation.ExpiresAt - invitation.CreatedAt);

        var sent = (await Events(requester, ticket.Number, "?type=INVITATION_SENT")).Single();
        Assert.Equal(requester.Id, sent.ActorId);
        Assert.Equal(invitation.Id, sent.Payload.GetProperty("invitationId").GetGuid());
        Assert.Equal(invitee.Id, sent.Payload.GetProperty("inviteeId").GetGuid());
        Assert.True(sent.Payload.GetProperty("canEdit").GetBoolean());
        Assert.False(sent.Payload.GetProperty("canComment").GetBoolean());
        Assert.DoesNotContain("Please have a look", sent.Payload.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_participant_needs_canEdit_to_invite_and_a_stranger_sees_no_ticket()
    {
        var requester = await NewUser();
        var editor = await NewUser();
        var commenter = await NewUser();
        var stranger = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);
        await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = editor.Id, canEdit = true });
        await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = commenter.Id, canEdit = false });

        await (await Send(commenter, ticket.Number, invitee.Id)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await Send(stranger, ticket.Number, invitee.Id)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        var invitation = await Invite(editor, ticket.Number, invitee.Id);

        Assert.Equal(editor.Id, invitation.InviterId);
    }

    [Fact]
    public async Task Staff_who_invite_are_enrolled_first()
    {
        var requester = await NewUser();
        var admin = await NewAdmin();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);

        await Invite(admin, ticket.Number, invitee.Id);

        var events = await EventsAfter(admin, ticket.Number, 1);
        Assert.Equal([TicketEventType.StaffJoined, TicketEventType.InvitationSent], events.Select(e => e.Type));
    }

    [Fact]
    public async Task Bad_bodies_are_400_naming_the_field_and_unknown_tickets_404()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);
        var url = $"/api/tickets/{ticket.Number}/invitations";

        var missing = await (await requester.Client.PostJson(url, new { canEdit = true })).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        var unknown = await (await Send(requester, ticket.Number, Guid.NewGuid())).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        var tooLong = await (await Send(requester, ticket.Number, invitee.Id, message: new string('m', 1001))).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await requester.Client.PostRaw(url, "{\"inviteeId\": \"not-a-uuid\"}")).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await Send(requester, "TCK-2020-99999", invitee.Id)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await Send(requester, "not-a-ticket", invitee.Id)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");

        Assert.NotNull(missing["errors"]!["inviteeId"]);
        Assert.NotNull(unknown["errors"]!["inviteeId"]);
        Assert.NotNull(tooLong["errors"]!["message"]);
        await Invite(requester, ticket.Number, invitee.Id, message: new string('m', 1000));
        Assert.Equal(1, await Api.Database.CountRows("invitations", "ticket_number", ticket.Number));
    }

    [Fact]
    public async Task Participants_the_already_invited_and_closed_tickets_are_conflicts()
    {
        var requester = await NewUser();
        var participant = await NewUser();
        var invitee = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        await AddParticipant(requester, ticket.Number, participant.Id);
        await Invite(requester, ticket.Number, invitee.Id);

        var already = await (await Send(requester, ticket.Number, participant.Id)).Problem(HttpStatusCode.Conflict, "CONFLICT");
        var invited = await (await Send(requester, ticket.Number, invitee.Id)).Problem(HttpStatusCode.Conflict, "CONFLICT");
        var self = await (await Send(requester, ticket.Number, requester.Id)).Problem(HttpStatusCode.Conflict, "CONFLICT");
        await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "CLOSED" })).Read<TicketView>();
        await (await Send(requester, ticket.Number, (await NewUser()).Id)).Problem(HttpStatusCode.Conflict, "CONFLICT");
        (await admin.Client.DeleteAsync($"/api/tickets/{ticket.Number}")).EnsureSuccessStatusCode();
        await (await Send(admin, ticket.Number, (await NewUser()).Id)).Problem(HttpStatusCode.Conflict, "ARCHIVED");

        Assert.Equal(InvitationReasons.AlreadyParticipant, (string?)already["reason"]);
        Assert.Equal(InvitationReasons.AlreadyInvited, (string?)invited["reason"]);
        Assert.Equal(InvitationReasons.AlreadyParticipant, (string?)self["reason"]);
        Assert.Equal(1, await Api.Database.CountRows("invitations", "ticket_number", ticket.Number));
    }

    [Fact]
    public async Task A_declined_or_cancelled_invitation_can_be_sent_again()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);

        var first = await Invite(requester, ticket.Number, invitee.Id);
        await (await Answer(invitee, first.Id, "decline")).Read<InvitationView>();
        var second = await Invite(requester, ticket.Number, invitee.Id);
        await (await Answer(requester, second.Id, "cancel")).Read<InvitationView>();
        var third = await Invite(requester, ticket.Number, invitee.Id);

        Assert.Equal(InvitationStatus.Pending, third.Status);
        Assert.Equal(3, new[] { first.Id, second.Id, third.Id }.Distinct().Count());
    }

    [Fact]
    public async Task Staff_may_be_invited_and_joining_by_acting_cancels_their_invitation()
    {
        var requester = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, admin.Id);

        await (await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketView>();

        var cancelled = await Get(requester, invitation.Id);
        Assert.Equal((InvitationStatus.Cancelled, InvitationReasons.StaffJoined), (cancelled.Status, cancelled.CancelReason));
        var events = await EventsAfter(admin, ticket.Number, 2);
        Assert.Equal([TicketEventType.StaffJoined, TicketEventType.PriorityChanged, TicketEventType.InvitationCancelled], events.Select(e => e.Type));
        Assert.Equal(InvitationReasons.StaffJoined, events[2].Payload.GetProperty("reason").GetString());
        var refused = await (await Answer(admin, invitation.Id, "accept")).Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(InvitationReasons.StaffJoined, (string?)refused["reason"]);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteInvitingTests(SqliteApi fixture) : InvitingTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresInvitingTests(PostgresApi fixture) : InvitingTests(fixture);
