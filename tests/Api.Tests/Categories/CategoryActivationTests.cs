using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Categories;

public abstract class CategoryActivationTests(ApiFixture fixture) : CategoryTestBase(fixture)
{
    [Fact]
    public async Task Deactivate_answers_200_with_the_category_and_hides_it_from_users()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        var user = await NewUser();

        var deactivated = await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();

        Assert.Equal(category with { Active = false }, deactivated);
        Assert.DoesNotContain(category.Id, (await ListActive(user)).Select(c => c.Id));
        await (await user.Client.GetAsync($"/api/categories/{category.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Contains(deactivated with { TicketCount = 0 }, await ListAll(admin));
    }

    [Fact]
    public async Task Activate_answers_200_with_the_category_and_offers_it_again()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();

        var activated = await (await admin.Client.PostAsync($"/api/categories/{category.Id}/activate", null)).Read<CategoryView>();

        Assert.Equal(category, activated);
        Assert.Contains(category, await ListActive(await NewUser()));
    }

    [Fact]
    public async Task Activating_an_active_or_deactivating_an_inactive_category_changes_nothing()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);

        var activated = await (await admin.Client.PostAsync($"/api/categories/{category.Id}/activate", null)).Read<CategoryView>();
        await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();
        var again = await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();

        Assert.Equal(category, activated);
        Assert.Equal(category with { Active = false }, again);
    }

    [Fact]
    public async Task A_new_ticket_may_use_an_active_category_but_not_a_deactivated_one()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        var user = await NewUser();

        var ticket = await (await OpenTicket(user, category.Id)).Read<TicketView>(HttpStatusCode.Created);
        await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();
        var refused = await OpenTicket(user, category.Id);

        Assert.Equal(category.Id, ticket.CategoryId);
        AssertNames(await refused.Problem(HttpStatusCode.BadRequest, "VALIDATION"), "categoryId");
    }

    [Fact]
    public async Task A_new_ticket_may_use_a_reactivated_category_but_not_an_unknown_one()
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        var user = await NewUser();
        await (await admin.Client.PostAsync($"/api/categories/{category.Id}/deactivate", null)).Read<CategoryView>();
        await (await admin.Client.PostAsync($"/api/categories/{category.Id}/activate", null)).Read<CategoryView>();

        var ticket = await (await OpenTicket(user, category.Id)).Read<TicketView>(HttpStatusCode.Created);
        var unknown = await OpenTicket(user, Guid.NewGuid());

        Assert.Equal(category.Id, ticket.CategoryId);
        AssertNames(await unknown.Problem(HttpStatusCode.BadRequest, "VALIDATION"), "categoryId");
    }

    [Theory]
    [InlineData("USER", "activate")]
    [InlineData("USER", "deactivate")]
    [InlineData("AGENT", "activate")]
    [InlineData("AGENT", "deactivate")]
    public async Task Only_an_admin_may_activate_or_deactivate(string role, string action)
    {
        var admin = await NewAdmin();
        var category = await CreateCategory(admin);
        var caller = await NewCaller(role);

        await (await caller.Client.PostAsync($"/api/categories/{category.Id}/{action}", null)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains(category, await ListActive(caller));
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001", "activate")]
    [InlineData("00000000-0000-0000-0000-000000000001", "deactivate")]
    [InlineData("not-a-uuid", "activate")]
    [InlineData("not-a-uuid", "deactivate")]
    public async Task Activating_or_deactivating_an_unknown_or_malformed_id_is_not_found(string id, string action)
    {
        var admin = await NewAdmin();

        await (await admin.Client.PostAsync($"/api/categories/{id}/{action}", null)).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryActivationTests(SqliteApi fixture) : CategoryActivationTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryActivationTests(PostgresApi fixture) : CategoryActivationTests(fixture);
