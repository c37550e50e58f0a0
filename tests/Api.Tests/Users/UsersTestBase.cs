using System.Net.Http.Headers;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Users;

/// <summary>What the Users tests share: people with names and emails, and the user list page.</summary>
public abstract class UsersTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    /// <summary>A word no other test uses, to find this test's users in the shared database.</summary>
    protected static string Marker() => "m" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>A client whose token carries these claims; the user is created or synced by its first request.</summary>
    protected HttpClient ClientWith(string subject, string? role = null, string? name = null, string? email = null)
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Api.Token(subject, role, name, email));
        return client;
    }

    protected async Task<TestUser> NewPerson(string name, string? email = null, string? role = null)
    {
        var client = ClientWith($"person-{Guid.NewGuid():N}", role, name, email);
        return new TestUser(client, await (await client.GetAsync("/api/users/me")).Read<UserView>());
    }

    protected sealed record UserPage(UserView[] Items, string? NextCursor, long? Total);
}
