using System.Net;
using Microsoft.AspNetCore.SignalR;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Realtime;

public abstract class TicketHubTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Everyone_in_the_room_receives_a_public_change_with_its_seq()
    {
        var requester = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        await using var requesterHub = await HubClient.Connect(Api, Api.Token(requester.User.Subject));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        Assert.Equal(1, await requesterHub.Join(ticket.Number));
        await agentHub.Join(ticket.Number);

        await (await agent.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" })).Read<TicketView>();

        foreach (var hub in new[] { requesterHub, agentHub })
        {
            var received = await hub.UntilSeq(3);
            Assert.Equal([(2L, TicketEventType.StaffJoined), (3L, TicketEventType.PriorityChanged)], received.Select(r => (r.Event.Seq, r.Event.Event.Type)));
            Assert.All(received, r => Assert.Equal(("ticket-event", ticket.Number), (r.Name, r.Event.TicketNumber)));
        }
    }

    [Fact]
    public async Task A_personal_event_reaches_its_subject_and_staff_only()
    {
        var requester = await NewUser();
        var subject = await NewUser();
        var bystander = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(requester);
        foreach (var user in new[] { subject, bystander })
        {
            await (await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = user.Id })).Read<ParticipantView>(HttpStatusCode.Created);
        }

        await using var subjectHub = await HubClient.Connect(Api, Api.Token(subject.User.Subject));
        await using var bystanderHub = await HubClient.Connect(Api, Api.Token(bystander.User.Subject));
        await using var agentHub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));
        foreach (var hub in new[] { subjectHub, bystanderHub, agentHub })
        {
            await hub.Join(ticket.Number);
        }

        await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/participants/{subject.Id}", new { canEdit = true })).Read<ParticipantView>();
        await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "LOW" })).Read<TicketView>();

        Assert.Equal([4L, 5], (await subjectHub.UntilSeq(5)).Select(r => r.Event.Seq));
        Assert.Equal([4L, 5], (await agentHub.UntilSeq(5)).Select(r => r.Event.Seq));
        var bystanderSaw = await bystanderHub.UntilSeq(5);
        Assert.Equal([5L], bystanderSaw.Select(r => r.Event.Seq));
    }

    [Fact]
    public async Task After_a_disconnect_the_timeline_returns_exactly_the_missed_events()
    {
        var requester = await NewUser();
        var ticket = await CreateTicket(requester);
        long lastSeen;
        await using (var hub = await HubClient.Connect(Api, Api.Token(requester.User.Subject)))
        {
            await hub.Join(ticket.Number);
            await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketView>();
            lastSeen = (await hub.Next()).Event.Seq;
        }

        foreach (var priority in new[] { "LOW", "URGENT" })
        {
            await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority })).Read<TicketView>();
        }

        var missed = await Events(requester, ticket.Number, $"?after={lastSeen}");
        Assert.Equal([3L, 4], missed.Select(e => e.Seq));
    }

    [Fact]
    public async Task Joining_a_ticket_the_caller_cannot_see_fails_and_delivers_nothing()
    {
        var owner = await NewUser();
        var stranger = await NewUser();
        var ticket = await CreateTicket(owner);
        await using var hub = await HubClient.Connect(Api, Api.Token(stranger.User.Subject));

        var refused = await Assert.ThrowsAsync<HubException>(() => hub.Join(ticket.Number));
        await (await owner.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketView>();

        Assert.Contains("NOT_FOUND", refused.Message, StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => hub.Next(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task The_token_is_accepted_in_the_query_string_over_websockets()
    {
        var requester = await NewUser();
        var ticket = await CreateTicket(requester);
        await using var hub = await HubClient.Connect(Api, Api.Token(requester.User.Subject), queryStringToken: true);

        await hub.Join(ticket.Number);
        await (await requester.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketView>();

        Assert.Equal(2, (await hub.Next()).Event.Seq);
    }

    [Fact]
    public async Task Connecting_without_a_valid_token_is_refused()
    {
        await Assert.ThrowsAnyAsync<HttpRequestException>(() => HubClient.Connect(Api, "not-a-token"));
    }

    [Fact]
    public async Task A_deactivated_users_connection_is_closed()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        await using var hub = await HubClient.Connect(Api, Api.Token(agent.User.Subject));

        await (await admin.Client.PostAsync($"/api/users/{agent.Id}/deactivate", null)).Read<TicketPlatform.Users.UserView>();

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_connection_whose_token_expires_is_closed()
    {
        var user = await NewUser();
        await using var hub = await HubClient.Connect(Api, Api.Token(user.User.Subject, lifetime: TimeSpan.FromSeconds(2)));

        await hub.Closed.WaitAsync(TimeSpan.FromSeconds(40));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketHubTests(SqliteApi fixture) : TicketHubTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketHubTests(PostgresApi fixture) : TicketHubTests(fixture);
