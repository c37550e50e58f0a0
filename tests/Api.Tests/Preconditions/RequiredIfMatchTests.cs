using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Preconditions;

public sealed class RequireIfMatchApi() : ApiFixture(DatabaseProvider.Sqlite, new Dictionary<string, string?> { ["TicketPlatform:Api:RequireIfMatch"] = "true" });

[CollectionDefinition(nameof(RequireIfMatchApi))]
public sealed class RequireIfMatchApiCollection : ICollectionFixture<RequireIfMatchApi>;

[Collection(nameof(RequireIfMatchApi))]
public sealed class RequiredIfMatchTests(RequireIfMatchApi fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_write_to_a_resource_without_if_match_is_428_and_changes_nothing_while_creating_needs_none()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" })).Problem(HttpStatusCode.PreconditionRequired, "PRECONDITION_REQUIRED");
        Assert.Equal(ticket.Priority, (await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Priority);

        var tag = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag!;
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { priority = "URGENT" }, options: HttpJson.Options),
        };
        request.Headers.IfMatch.Add(tag);
        Assert.Equal(TicketPriority.Urgent, (await (await user.Client.SendAsync(request)).Read<TicketView>()).Priority);
    }
}
