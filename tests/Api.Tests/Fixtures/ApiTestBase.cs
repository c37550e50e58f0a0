using System.Net;
using TicketPlatform.Api.Events;
using TicketPlatform.Events;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>A caller of the API: its HTTP client and its local user.</summary>
public sealed record TestUser(HttpClient Client, UserView User)
{
    public Guid Id => User.Id;
}

/// <summary>Helpers shared by the functional tests; every test uses fresh users so tests never see each other's data.</summary>
public abstract class ApiTestBase(ApiFixture fixture)
{
    protected ApiFactory Api => fixture.Api;

    protected DatabaseProvider Provider => fixture.Provider;

    protected Task<TestUser> NewUser(string? role = null, string? subject = null) => NewUser(Api, role, subject);

    /// <summary>A fresh user of <paramref name="api"/>, created by its first request; ADMIN when <paramref name="role"/> says so.</summary>
    protected static async Task<TestUser> NewUser(ApiFactory api, string? role = null, string? subject = null)
    {
        var client = api.ClientFor(subject ?? $"{role ?? "user"}-{Guid.NewGuid():N}", role);
        var me = await (await client.GetAsync("/api/users/me")).Read<UserView>();
        return new TestUser(client, me);
    }

    protected async Task<TestUser> NewAdmin() => await NewUser("ADMIN");

    /// <summary>A fresh user whom an ADMIN (a fresh one unless given) has promoted to AGENT through the API.</summary>
    protected async Task<TestUser> NewAgent(TestUser? admin = null)
    {
        var user = await NewUser();
        admin ??= await NewAdmin();
        var response = await admin.Client.PatchJson($"/api/users/{user.Id}/role", new { role = UserRole.Agent });
        return user with { User = await response.Read<UserView>() };
    }

    protected static async Task<TicketView> CreateTicket(TestUser user, string title = "Printer on fire", TicketPriority? priority = null)
    {
        var response = await user.Client.PostJson("/api/tickets", new { title, description = "It is burning.", priority });
        return await response.Read<TicketView>(HttpStatusCode.Created);
    }

    protected static async Task<EventResponse[]> Events(TestUser user, string number, string query = "")
    {
        var page = await (await user.Client.GetAsync($"/api/tickets/{number}/events{query}")).Read<EventPage>();
        return page.Items;
    }

    protected sealed record EventPage(EventResponse[] Items, string? NextCursor);

    protected sealed record TicketPage(TicketView[] Items, string? NextCursor, long? Total, bool? TotalExact = null);
}
