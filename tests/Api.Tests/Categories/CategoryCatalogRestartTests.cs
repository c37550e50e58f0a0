using System.Net;
using System.Net.Http.Json;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;

namespace TicketPlatform.Api.Tests.Categories;

/// <summary>On a database of its own: the whole catalog is known, and it must come back whole after a restart.</summary>
public abstract class CategoryCatalogRestartTests(ApiFixture fixture)
{
    [Fact]
    public async Task The_catalog_is_reloaded_from_the_database_after_a_restart()
    {
        var api = await ApiFactory.StartAsync(fixture.Provider);
        try
        {
            var admin = await Synced(api.ClientFor("catalog-admin", "ADMIN"));
            var a = await Create(admin, "Alpha");
            var b = await Create(admin, "Bravo");
            var c = await Create(admin, "Charlie");
            var d = await Create(admin, "Delta");
            (await admin.PostAsync($"/api/categories/{b.Id}/deactivate", null)).EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/categories/{d.Id}")).StatusCode);
            (await admin.PutAsJsonAsync("/api/categories/order", new { ids = new[] { c.Id, a.Id, b.Id } }, HttpJson.Options)).EnsureSuccessStatusCode();
            CategoryView[] expected =
            [
                c with { SortOrder = 1, TicketCount = 0 },
                a with { SortOrder = 2, TicketCount = 0 },
                b with { SortOrder = 3, Active = false, TicketCount = 0 },
            ];
            Assert.Equal(expected, await All(admin, "/api/categories/all"));

            api = await api.Restart();
            var restartedAdmin = api.ClientFor("catalog-admin", "ADMIN");
            var user = await Synced(api.ClientFor("catalog-user"));

            Assert.Equal(expected, await All(restartedAdmin, "/api/categories/all"));
            Assert.Equal(expected.Where(x => x.Active).Select(x => x with { TicketCount = null }), await All(user, "/api/categories"));
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }

    private static async Task<HttpClient> Synced(HttpClient client)
    {
        (await client.GetAsync("/api/users/me")).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<CategoryView> Create(HttpClient admin, string name) =>
        await (await admin.PostJson("/api/categories", new { name })).Read<CategoryView>(HttpStatusCode.Created);

    private static async Task<CategoryView[]> All(HttpClient client, string path) =>
        (await (await client.GetAsync(path)).Read<Page>()).Items;

    private sealed record Page(CategoryView[] Items, string? NextCursor);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryCatalogRestartTests(SqliteApi fixture) : CategoryCatalogRestartTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryCatalogRestartTests(PostgresApi fixture) : CategoryCatalogRestartTests(fixture);
