using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Categories;

public abstract class CategoryReadTests(ApiFixture fixture) : CategoryTestBase(fixture)
{
    [Fact]
    public async Task Any_user_lists_the_active_categories_in_order_as_a_List()
    {
        var admin = await NewAdmin();
        var first = await CreateCategory(admin, description: "Invoices and refunds");
        var second = await CreateCategory(admin);
        var user = await NewUser();

        var response = await user.Client.GetAsync("/api/categories");

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.ContainsKey("items"));
        Assert.True(body.ContainsKey("nextCursor"));
        var mine = (await ListWalk.All(user.Client, "/api/categories")).Items.Select(item => item.AsObject())
            .Where(item => (string?)item["id"] == first.Id.ToString() || (string?)item["id"] == second.Id.ToString()).ToArray();
        Assert.Equal([first.Id.ToString(), second.Id.ToString()], mine.Select(item => (string?)item["id"]));
        Assert.Equal("Invoices and refunds", (string?)mine[0]["description"]);
        Assert.True(mine[1].ContainsKey("description"));
        Assert.Null(mine[1]["description"]);
        Assert.All(mine, item => Assert.False(item.ContainsKey("ticketCount")));
    }

    [Fact]
    public async Task The_active_list_leaves_out_deactivated_categories()
    {
        var admin = await NewAdmin();
        var kept = await CreateCategory(admin);
        var hidden = await CreateCategory(admin);
        await (await admin.Client.PostAsync($"/api/categories/{hidden.Id}/deactivate", null)).Read<CategoryView>();

        var ids = (await ListActive(await NewUser())).Select(c => c.Id).ToArray();

        Assert.Contains(kept.Id, ids);
        Assert.DoesNotContain(hidden.Id, ids);
    }

    [Fact]
    public async Task The_admin_list_has_every_category_with_its_ticket_count()
    {
        var admin = await NewAdmin();
        var used = await CreateCategory(admin);
        var unused = await CreateCategory(admin);
        var inactive = await CreateCategory(admin);
        var user = await NewUser();
        await (await OpenTicket(user, used.Id)).Read<TicketView>(HttpStatusCode.Created);
        await (await OpenTicket(admin, used.Id)).Read<TicketView>(HttpStatusCode.Created);
        await (await admin.Client.PostAsync($"/api/categories/{inactive.Id}/deactivate", null)).Read<CategoryView>();

        var all = (await ListAll(admin)).ToDictionary(c => c.Id);

        Assert.Equal(2, all[used.Id].TicketCount);
        Assert.Equal(0, all[unused.Id].TicketCount);
        Assert.False(all[inactive.Id].Active);
        Assert.Equal(0, all[inactive.Id].TicketCount);
        var order = all.Values.Select(c => c.SortOrder).ToArray();
        Assert.Equal(order.Order(), order);
    }

    [Theory]
    [InlineData("USER")]
    [InlineData("AGENT")]
    public async Task Only_an_admin_may_list_all_categories(string role)
    {
        var caller = await NewCaller(role);

        await (await caller.Client.GetAsync("/api/categories/all")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Any_user_reads_an_active_category()
    {
        var admin = await NewAdmin();
        var created = await CreateCategory(admin, description: "Hardware");

        var read = await (await (await NewUser()).Client.GetAsync($"/api/categories/{created.Id}")).Read<CategoryView>();

        Assert.Equal(created, read);
        Assert.True(read.Active);
    }

    [Theory]
    [InlineData("USER")]
    [InlineData("AGENT")]
    public async Task An_inactive_category_is_found_by_an_admin_only(string role)
    {
        var admin = await NewAdmin();
        var created = await CreateCategory(admin);
        await (await admin.Client.PostAsync($"/api/categories/{created.Id}/deactivate", null)).Read<CategoryView>();
        var caller = await NewCaller(role);

        await (await caller.Client.GetAsync($"/api/categories/{created.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        var seenByAdmin = await (await admin.Client.GetAsync($"/api/categories/{created.Id}")).Read<CategoryView>();
        Assert.False(seenByAdmin.Active);
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-uuid")]
    public async Task An_unknown_or_malformed_id_is_not_found(string id)
    {
        var admin = await NewAdmin();

        await (await admin.Client.GetAsync($"/api/categories/{id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Reading_categories_needs_a_token()
    {
        var response = await Api.CreateClient().GetAsync("/api/categories");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryReadTests(SqliteApi fixture) : CategoryReadTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryReadTests(PostgresApi fixture) : CategoryReadTests(fixture);
