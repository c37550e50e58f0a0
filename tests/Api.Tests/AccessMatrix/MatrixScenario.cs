using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.AccessMatrix;

/// <summary>The callers of one matrix run: created once, the inactive one deactivated by an ADMIN.</summary>
public sealed class MatrixCallers
{
    private readonly Dictionary<Caller, TestUser> _users;

    private readonly Func<string?, Task<TestUser>> _newUser;

    private MatrixCallers(ApiFactory api, Dictionary<Caller, TestUser> users, Func<string?, Task<TestUser>> newUser)
    {
        Api = api;
        _users = users;
        _newUser = newUser;
    }

    public ApiFactory Api { get; }

    public TestUser Admin => _users[Caller.Admin];

    public TestUser this[Caller caller] => _users[caller];

    public static async Task<MatrixCallers> Create(ApiFactory api, Func<string?, Task<TestUser>> newUser, Func<TestUser, Task<TestUser>> newAgent)
    {
        var users = new Dictionary<Caller, TestUser>();
        foreach (var caller in Enum.GetValues<Caller>().Where(c => c is not (Caller.Anonymous or Caller.Agent or Caller.Admin)))
        {
            users[caller] = await newUser(null);
        }

        users[Caller.Admin] = await newUser("ADMIN");
        users[Caller.Agent] = await newAgent(users[Caller.Admin]);
        var deactivated = await users[Caller.Admin].Client.PostAsync($"/api/users/{users[Caller.Inactive].Id}/deactivate", null);
        Assert.Equal(HttpStatusCode.OK, deactivated.StatusCode);
        users[Caller.Anonymous] = users[Caller.Stranger] with { Client = api.CreateClient() };
        return new MatrixCallers(api, users, newUser);
    }

    /// <summary>A fresh USER, for endpoints that act on another user.</summary>
    public Task<TestUser> NewUser() => _newUser(null);

    /// <summary>A fresh ticket of the requester with the four kinds of participant and one pending invitation.</summary>
    public async Task<MatrixScenario> NewTicket()
    {
        var requester = this[Caller.Requester];
        var response = await requester.Client.PostJson("/api/tickets", new { title = "Matrix ticket", description = "Access matrix" });
        var ticket = await response.Read<TicketView>(HttpStatusCode.Created);
        foreach (var (caller, canEdit, canComment) in new[]
                 {
                     (Caller.ParticipantNoFlags, false, false), (Caller.ParticipantCanEdit, true, false),
                     (Caller.ParticipantCanComment, false, true), (Caller.ParticipantBothFlags, true, true),
                 })
        {
            var added = await requester.Client.PostJson($"/api/tickets/{ticket.Number}/participants", new { userId = this[caller].Id, canEdit, canComment });
            Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        }

        var invited = await requester.Client.PostJson($"/api/tickets/{ticket.Number}/invitations", new { inviteeId = this[Caller.Invited].Id, canEdit = false, canComment = true });
        var invitationId = (await invited.Read<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<Guid>();
        return new MatrixScenario(this, ticket.Number) { InvitationId = invitationId };
    }
}

/// <summary>One fresh ticket for one cell (or one row of reads) of the matrix.</summary>
public sealed record MatrixScenario(MatrixCallers Callers, string Number)
{
    /// <summary>The requester's pending invitation of the <see cref="Caller.Invited"/> caller.</summary>
    public Guid InvitationId { get; init; }

    /// <summary>A PUBLIC message of the requester, when the row's preparation posted one.</summary>
    public Guid MessageId { get; set; }

    /// <summary>An attachment the requester uploaded to <see cref="MessageId"/>, when the row's preparation uploaded one.</summary>
    public Guid AttachmentId { get; set; }

    public string Ticket => $"/api/tickets/{Number}";

    public TestUser Admin => Callers.Admin;
}
