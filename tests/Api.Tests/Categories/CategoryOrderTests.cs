using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;

namespace TicketPlatform.Api.Tests.Categories;

/// <summary>A reorder names every category of the shared database; the collection runs its classes one at a time.</summary>
public abstract class CategoryOrderTests(ApiFixture fixture) : CategoryTestBase(fixture)
{
    [Fact]
    public async Task Reorder_answers_200_with_every_category_in_the_new_order()
    {
        var admin = await NewAdmin();
        var first = await CreateCategory(admin);
        var second = await CreateCategory(admin);
        var third = await CreateCategory(admin);
        await (await admin.Client.PostAsync($"/api/categories/{second.Id}/deactivate", null)).Read<CategoryView>();
        var reversed = (await ListAll(admin)).Select(c => c.Id).Reverse().ToArray();

        var response = await (await Reorder(admin, reversed)).Read<CategoryPage>();

        Assert.Equal(reversed, response.Items.Select(c => c.Id));
        Assert.Null(response.NextCursor);
        Assert.Equal(Enumerable.Range(1, reversed.Length), response.Items.Select(c => c.SortOrder));
        Assert.Equal(reversed, (await ListAll(admin)).Select(c => c.Id));
        var mine = (await ListActive(await NewUser())).Select(c => c.Id).Where(id => id == first.Id || id == third.Id);
        Assert.Equal([third.Id, first.Id], mine);
    }

    [Fact]
    public async Task A_category_created_after_a_reorder_comes_last()
    {
        var admin = await NewAdmin();
        await CreateCategory(admin);
        await (await Reorder(admin, (await ListAll(admin)).Select(c => c.Id).Reverse())).Read<CategoryPage>();

        var created = await CreateCategory(admin);

        Assert.Equal(created.Id, (await ListAll(admin))[^1].Id);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("duplicate")]
    [InlineData("unknown")]
    public async Task Reorder_must_name_every_category_exactly_once(string mistake)
    {
        var admin = await NewAdmin();
        await CreateCategory(admin);
        await CreateCategory(admin);
        var before = await ListAll(admin);
        var ids = before.Select(c => c.Id).Reverse().ToList();
        switch (mistake)
        {
            case "missing":
                ids.RemoveAt(0);
                break;
            case "duplicate":
                ids.Add(ids[0]);
                break;
            default:
                ids.Add(Guid.NewGuid());
                break;
        }

        var response = await Reorder(admin, ids);

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), "ids");
        Assert.Equal(before, await ListAll(admin));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"ids":null}""")]
    public async Task Reorder_without_ids_is_refused(string body)
    {
        var admin = await NewAdmin();

        var response = await admin.Client.PutAsync("/api/categories/order", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), "ids");
    }

    [Theory]
    [InlineData("USER")]
    [InlineData("AGENT")]
    public async Task Only_an_admin_may_reorder(string role)
    {
        var admin = await NewAdmin();
        await CreateCategory(admin);
        var before = await ListAll(admin);
        var caller = await NewCaller(role);

        await (await Reorder(caller, before.Select(c => c.Id).Reverse())).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(before, await ListAll(admin));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryOrderTests(SqliteApi fixture) : CategoryOrderTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryOrderTests(PostgresApi fixture) : CategoryOrderTests(fixture);
