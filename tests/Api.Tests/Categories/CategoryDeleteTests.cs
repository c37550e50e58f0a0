using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Categories;

public abstract class CategoryDeleteTests(ApiFixture fixture) : CategoryTestBase(fixture)
{
    [Fact]
    public async Task A_category_no_ticket_uses_is_deleted_with_204()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);

        var response = await admin.Client.DeleteAsync($"/api/categories/{category.Id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        await (await admin.Client.GetAsync($"/api/categories/{category.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.DoesNotContain(category.Id, (await ListAll(admin)).Select(c => c.Id));
        await (await admin.Client.DeleteAsync($"/api/categories/{category.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task A_category_a_ticket_uses_is_not_deleted_409()
    {
        var admin = await NewAdmin();
        var used = await CreateCategory(admin);
        var unused = await CreateCategory(admin);
        await (await OpenTicket(await NewUser(), used.Id)).Read<TicketView>(HttpStatusCode.Created);

        var refused = await admin.Client.DeleteAsync($"/api/categories/{used.Id}");
        var deleted = await admin.Client.DeleteAsync($"/api/categories/{unused.Id}");

        await refused.Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(used with { TicketCount = 1 }, (await ListAll(admin)).Single(c => c.Id == used.Id));
    }

    [Fact]
    public async Task A_deactivated_category_a_ticket_uses_is_not_deleted_either()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        await (await OpenTicket(admin, category.Id)).Read<TicketView>(HttpStatusCode.Created);
        await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();

        await (await admin.Client.DeleteAsync($"/api/categories/{category.Id}")).Problem(HttpStatusCode.Conflict, "CONFLICT");
    }

    [Theory]
    [InlineData("USER")]
    [InlineData("AGENT")]
    public async Task Only_an_admin_may_delete(string role)
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        var caller = await NewCaller(role);

        await (await caller.Client.DeleteAsync($"/api/categories/{category.Id}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(category, await (await admin.Client.GetAsync($"/api/categories/{category.Id}")).Read<CategoryView>());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-uuid")]
    public async Task Deleting_an_unknown_or_malformed_id_is_not_found(string id)
    {
        var admin = await NewAdmin();

        await (await admin.Client.DeleteAsync($"/api/categories/{id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryDeleteTests(SqliteApi fixture) : CategoryDeleteTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryDeleteTests(PostgresApi fixture) : CategoryDeleteTests(fixture);
