using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Invitations;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Invitations;

/// <summary>Each test starts its own Api with a short invitation expiry, so deadlines pass within the test.</summary>
public abstract class InvitationExpiryTests(DatabaseProvider provider)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_schedule_expires_pending_invitations_nobody_reads_also_after_a_restart()
    {
        var api = await ApiFactory.StartAsync(provider, Settings(expiry: "00:00:02", scanInterval: "00:00:00.200"));
        try
        {
            var requester = await User(api, "requester");
            var invitee = await User(api, "invitee");
            var ticket = await (await requester.Client.PostJson("/api/tickets", new { title = "Expiring", description = "soon" })).Read<TicketView>(HttpStatusCode.Created);
            var url = $"/api/tickets/{ticket.Number}/invitations";
            var first = await (await requester.Client.PostJson(url, new { inviteeId = invitee.Id })).Read<InvitationView>(HttpStatusCode.Created);
            Assert.Equal(TimeSpan.FromSeconds(2), first.ExpiresAt - first.CreatedAt);

            Assert.Equal("EXPIRED", await StatusOnceSettled(api, first.Id));
            var beforeRestart = await (await requester.Client.PostJson(url, new { inviteeId = invitee.Id })).Read<InvitationView>(HttpStatusCode.Created);
            api = await api.Restart();
            var afterRestart = await (await api.ClientFor("requester").PostJson(url, new { inviteeId = (await User(api, "other")).Id })).Read<InvitationView>(HttpStatusCode.Created);
            Assert.Equal("EXPIRED", await StatusOnceSettled(api, beforeRestart.Id));
            Assert.Equal("EXPIRED", await StatusOnceSettled(api, afterRestart.Id));

            var timeline = await (await api.ClientFor("requester").GetAsync($"/api/tickets/{ticket.Number}/events?type=INVITATION_EXPIRED")).Read<EventPage>();
            Assert.Equal([first.Id, beforeRestart.Id, afterRestart.Id], timeline.Items.Select(e => e.Payload.GetProperty("invitationId").GetGuid()));
            Assert.All(timeline.Items, e => Assert.Equal(Guid.Empty, e.ActorId));
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    [Fact]
    public async Task An_invitation_past_its_deadline_is_expired_when_touched_before_any_scan()
    {
        var api = await ApiFactory.StartAsync(provider, Settings(expiry: "00:00:01", scanInterval: "01:00:00"));
        try
        {
            var requester = await User(api, "requester");
            var invitee = await User(api, "invitee");
            var sent = new List<InvitationView>();
            for (var i = 0; i < 3; i++)
            {
                var ticket = await (await requester.Client.PostJson("/api/tickets", new { title = $"Lazy {i}", description = "x" })).Read<TicketView>(HttpStatusCode.Created);
                sent.Add(await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/invitations", new { inviteeId = invitee.Id })).Read<InvitationView>(HttpStatusCode.Created));
            }

            var deadline = sent.Max(i => i.ExpiresAt);
            await Eventually.True(() => Task.FromResult(DateTimeOffset.UtcNow > deadline), "the invitations' deadline to pass");
            Assert.Equal("PENDING", await Status(api, sent[0].Id));

            var read = await (await invitee.Client.GetAsync($"/api/invitations/{sent[0].Id}")).Read<InvitationView>();
            var accept = await (await invitee.Client.PostAsync($"/api/invitations/{sent[1].Id}/accept", content: null)).Problem(HttpStatusCode.Conflict, "CONFLICT");
            var mine = await (await invitee.Client.GetAsync("/api/invitations/mine")).Read<InvitationPage>();

            Assert.Equal(InvitationStatus.Expired, read.Status);
            Assert.Equal("EXPIRED", (string?)accept["reason"]);
            Assert.Empty(mine.Items);
            foreach (var invitation in sent)
            {
                Assert.Equal("EXPIRED", await Status(api, invitation.Id));
            }

            var events = await (await requester.Client.GetAsync($"/api/tickets/{sent[1].TicketNumber}/events")).Read<EventPage>();
            Assert.Equal([TicketEventType.TicketCreated, TicketEventType.InvitationSent, TicketEventType.InvitationExpired], events.Items.Select(e => e.Type));
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    private static Dictionary<string, string?> Settings(string expiry, string scanInterval) => new()
    {
        ["TicketPlatform:Invitations:Expiry"] = expiry,
        ["TicketPlatform:Invitations:ScanInterval"] = scanInterval,
    };

    private static async Task<TestUser> User(ApiFactory api, string subject)
    {
        var client = api.ClientFor(subject);
        return new TestUser(client, await (await client.GetAsync("/api/users/me")).Read<UserView>());
    }

    private static Task<string> Status(ApiFactory api, Guid invitationId) =>
        api.Database.Scalar<string>("SELECT status FROM invitations WHERE id = @invitationId", new { invitationId });

    /// <summary>The invitation's stored status once it has left PENDING; fails the test when it does not within <see cref="Patience"/>.</summary>
    private static Task<string> StatusOnceSettled(ApiFactory api, Guid invitationId) =>
        Eventually.Until(() => Status(api, invitationId), status => status != "PENDING", $"invitation {invitationId} to leave PENDING", Patience);

    private sealed record EventPage(Api.Events.EventResponse[] Items, string? NextCursor);

    private sealed record InvitationPage(InvitationView[] Items, string? NextCursor);
}

public sealed class SqliteInvitationExpiryTests() : InvitationExpiryTests(DatabaseProvider.Sqlite);

public sealed class PostgresInvitationExpiryTests() : InvitationExpiryTests(DatabaseProvider.Postgres);
