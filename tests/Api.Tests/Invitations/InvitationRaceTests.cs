using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Invitations;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary>Accepting an invitation while staff add the same user directly: exactly one of them adds the user.</summary>
public abstract class InvitationRaceTests(ApiFixture fixture) : InvitationTestBase(fixture)
{
    private const int Tickets = 50;

    [Fact]
    public async Task Accept_racing_a_direct_add_adds_the_user_exactly_once_on_each_of_50_tickets()
    {
        var requester = await NewUser();
        var invitee = await NewUser();
        var admin = await NewAdmin();
        var invitations = await Task.WhenAll(Enumerable.Range(0, Tickets).Select(async i =>
            await Invite(requester, (await CreateTicket(requester, $"Race {i}")).Number, invitee.Id, canEdit: true)));

        var outcomes = await Task.WhenAll(invitations.Select(async (invitation, i) =>
        {
            var accept = After(i % 2 == 1 ? Jitter() : TimeSpan.Zero, () => Answer(invitee, invitation.Id, "accept"));
            var add = After(i % 2 == 0 ? Jitter() : TimeSpan.Zero, () => AddParticipant(admin, invitation.TicketNumber, invitee.Id));
            return (Invitation: invitation, Accept: (await accept).StatusCode, Add: (await add).StatusCode);
        }));

        foreach (var (invitation, accept, add) in outcomes)
        {
            await AssertExactlyOneJoin(invitation, accept, add, invitee, admin);
        }
    }

    /// <summary>Up to 300 ms on one side or the other, so that each request reaches the ticket first on some tickets.</summary>
    private static TimeSpan Jitter() => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 300));

    private static async Task<HttpResponseMessage> After(TimeSpan delay, Func<Task<HttpResponseMessage>> send)
    {
        await Task.Delay(delay);
        return await send();
    }

    private static async Task AssertExactlyOneJoin(InvitationView invitation, HttpStatusCode accept, HttpStatusCode add, TestUser invitee, TestUser admin)
    {
        var number = invitation.TicketNumber;
        var accepted = accept == HttpStatusCode.OK;
        Assert.True(accepted ^ (add == HttpStatusCode.Created), $"{number}: accept {accept}, add {add}");
        Assert.Equal(HttpStatusCode.Conflict, accepted ? add : accept);

        var stored = await Get(admin, invitation.Id);
        Assert.Equal(accepted ? InvitationStatus.Accepted : InvitationStatus.Cancelled, stored.Status);
        Assert.Single((await Ticket(admin, number)).Participants!, p => p.UserId == invitee.Id);

        var events = await EventsAfter(admin, number, 0);
        Assert.Equal(Enumerable.Range(1, events.Length).Select(i => (long)i), events.Select(e => e.Seq));
        var added = Assert.Single(events, e => e.Type == TicketEventType.ParticipantAdded);
        Assert.Equal(invitee.Id, added.Payload.GetProperty("userId").GetGuid());
        Assert.Equal(accepted ? invitee.Id : admin.Id, added.ActorId);
        Assert.Equal(accepted ? 1 : 0, events.Count(e => e.Type == TicketEventType.InvitationAccepted));
        var cancelled = events.Where(e => e.Type == TicketEventType.InvitationCancelled).ToList();
        Assert.Equal(accepted ? 0 : 1, cancelled.Count);
        Assert.All(cancelled, e => Assert.Equal(InvitationReasons.AddedDirectly, e.Payload.GetProperty("reason").GetString()));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteInvitationRaceTests(SqliteApi fixture) : InvitationRaceTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresInvitationRaceTests(PostgresApi fixture) : InvitationRaceTests(fixture);
