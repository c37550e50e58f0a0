using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Common;
using TicketPlatform.Sla;

namespace TicketPlatform.Api.Tests.Sla;

/// <summary>On a database of its own: the policies must come back exactly, in their order, after a restart.</summary>
public abstract class SlaPolicyRestartTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_policies_are_reloaded_from_the_database_after_a_restart()
    {
        var api = await ApiFactory.StartAsync(fixture.Provider);
        try
        {
            var admin = api.ClientFor("sla-admin", "ADMIN");
            (await admin.GetAsync("/api/users/me")).EnsureSuccessStatusCode();
            var office = await Create(admin, """
                { "name": "Office", "match": { "priorities": ["HIGH", "URGENT"], "categoryIds": null },
                  "targets": { "firstResponse": "PT4H", "nextResponse": "PT8H", "resolution": "P5D" },
                  "calendar": { "timeZone": "Europe/Berlin",
                                "hours": [ { "days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "09:00", "to": "17:00" },
                                           { "days": ["SAT"], "from": "22:00", "to": "06:00" } ],
                                "holidays": ["2026-12-25"] },
                  "pauseOn": ["RESOLVED", "IN_PROGRESS"], "warnAt": 0.8 }
                """);
            var urgent = await Create(admin, """{ "name": "Urgent", "targets": { "firstResponse": "PT10S" } }""");
            var gone = await Create(admin, """{ "name": "Gone", "targets": { "resolution": "P1D" } }""");
            (await admin.PatchAsJsonAsync($"/api/sla/policies/{urgent.Id}", new { active = false }, HttpJson.Options)).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/sla/policies/{gone.Id}")).StatusCode);
            (await admin.PutAsJsonAsync("/api/sla/policies/order", new { ids = new[] { urgent.Id, office.Id } }, HttpJson.Options)).EnsureSuccessStatusCode();
            var expected = await ListText(admin);

            api = await api.Restart();

            Assert.Equal(expected, await ListText(api.ClientFor("sla-admin", "ADMIN")));
            var listed = JsonSerializer.Deserialize<SlaPolicyView[]>(expected, HttpJson.Options)!;
            Assert.Equal([(urgent.Id, 1, false), (office.Id, 2, true)], listed.Select(p => (p.Id, p.SortOrder, p.Active)));
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    private static async Task<SlaPolicyView> Create(HttpClient admin, string json) =>
        await (await admin.PostAsync("/api/sla/policies", new StringContent(json, Encoding.UTF8, "application/json"))).Read<SlaPolicyView>(HttpStatusCode.Created);

    private static async Task<string> ListText(HttpClient client) =>
        JsonSerializer.Serialize((await (await client.GetAsync("/api/sla/policies")).Read<Page<SlaPolicyView>>()).Items, HttpJson.Options);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteSlaPolicyRestartTests(SqliteApi fixture) : SlaPolicyRestartTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresSlaPolicyRestartTests(PostgresApi fixture) : SlaPolicyRestartTests(fixture);
