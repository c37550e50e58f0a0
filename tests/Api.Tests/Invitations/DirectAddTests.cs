using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Invitations;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary>A user added directly while invited: the invitation is cancelled in the same commit, and accepting it later is 409.</summary>
public abstract class DirectAddTests(ApiFixture fixture) : InvitationTestBase(fixture)
{
    [Fact]
    public async Task A_direct_add_cancels_the_pending_invitation_in_the_same_commit()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id, canEdit: true);

        var added = await AddParticipant(requester, ticket.Number, invitee.Id);

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var events = await Events(requester, ticket.Number, "?after=2");
        Assert.Equal([(3L, TicketEventType.ParticipantAdded), (4L, TicketEventType.InvitationCancelled)], events.Select(e => (e.Seq, e.Type)));
        Assert.Equal(events[0].CreatedAt, events[1].CreatedAt);
        Assert.Equal(InvitationReasons.AddedDirectly, events[1].Payload.GetProperty("reason").GetString());
        Assert.Equal(invitation.Id, events[1].Payload.GetProperty("invitationId").GetGuid());
        var cancelled = await Get(invitee, invitation.Id);
        Assert.Equal((InvitationStatus.Cancelled, InvitationReasons.AddedDirectly), (cancelled.Status, cancelled.CancelReason));
        Assert.Empty((await List(invitee, "/api/invitations/mine")).Items);
    }

    [Fact]
    public async Task Accepting_after_joining_by_other_means_is_409_with_the_reason_and_adds_nobody_twice()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id, canEdit: true);
        (await AddParticipant(admin, ticket.Number, invitee.Id)).EnsureSuccessStatusCode();

        var refused = await (await Answer(invitee, invitation.Id, "accept")).Problem(HttpStatusCode.Conflict, "CONFLICT");

        Assert.Equal(InvitationReasons.AddedDirectly, (string?)refused["reason"]);
        Assert.Equal(InvitationStatus.Cancelled, (await Get(invitee, invitation.Id)).Status);
        var participant = (await Ticket(invitee, ticket.Number)).Participants!.Single(p => p.UserId == invitee.Id);
        Assert.False(participant.CanEdit);
        Assert.Single(await Events(admin, ticket.Number, "?type=PARTICIPANT_ADDED"));
    }

    [Fact]
    public async Task A_direct_add_after_accepting_is_a_conflict_and_adds_nobody_twice()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var admin = await NewAdmin();
        var ticket = await CreateTicket(requester);
        var invitation = await Invite(requester, ticket.Number, invitee.Id);
        await (await Answer(invitee, invitation.Id, "accept")).Read<InvitationView>();

        await (await AddParticipant(admin, ticket.Number, invitee.Id)).Problem(HttpStatusCode.Conflict, "CONFLICT");

        Assert.Equal(InvitationStatus.Accepted, (await Get(invitee, invitation.Id)).Status);
        Assert.Single(await Events(admin, ticket.Number, "?type=PARTICIPANT_ADDED"));
        Assert.Empty(await Events(admin, ticket.Number, "?type=INVITATION_CANCELLED"));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteDirectAddTests(SqliteApi fixture) : DirectAddTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresDirectAddTests(PostgresApi fixture) : DirectAddTests(fixture);
