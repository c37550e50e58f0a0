using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;

namespace TicketPlatform.Api.Tests.Categories;

public abstract class CategoryWriteTests(ApiFixture fixture) : CategoryTestBase(fixture)
{
    [Fact]
    public async Task Create_answers_201_with_its_location_and_appends_the_category_to_the_order()
    {
        var admin = await NewAdmin();
        var earlier = await CreateCategory(admin);
        var name = UniqueName("Billing");

        var response = await admin.Client.PostJson("/api/categories", new { name = $"  {name}  ", description = "Invoices" });

        var created = await response.Read<CategoryView>(HttpStatusCode.Created);
        Assert.Equal(name, created.Name);
        Assert.Equal("Invoices", created.Description);
        Assert.True(created.Active);
        Assert.True(created.SortOrder > earlier.SortOrder);
        Assert.Equal($"/api/categories/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(created, await (await admin.Client.GetAsync(response.Headers.Location)).Read<CategoryView>());
        Assert.Equal(created.Id, (await ListAll(admin))[^1].Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("  x  ")]
    [InlineData(101)]
    public async Task Create_refuses_a_name_outside_2_to_100_characters(object? name)
    {
        var admin = await NewAdmin();

        var response = await admin.Client.PostJson("/api/categories", new { name = name is int length ? new string('n', length) : name });

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), "name");
    }

    [Fact]
    public async Task Create_accepts_names_of_exactly_2_and_100_characters()
    {
        var admin = await NewAdmin();
        var suffix = Guid.NewGuid().ToString("N");

        var longest = await CreateCategory(admin, (suffix + new string('l', 100))[..100]);

        Assert.Equal(100, longest.Name.Length);
        Assert.Equal(2, (await CreateCategory(admin, suffix[..2])).Name.Length);
    }

    [Fact]
    public async Task Create_refuses_a_description_over_1000_characters()
    {
        var admin = await NewAdmin();

        var response = await admin.Client.PostJson("/api/categories", new { name = UniqueName(), description = new string('d', 1001) });

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), "description");
        Assert.Equal(1000, (await CreateCategory(admin, description: new string('d', 1000))).Description!.Length);
    }

    [Fact]
    public async Task Create_refuses_a_name_taken_in_any_case_with_409()
    {
        var admin = await NewAdmin();
        var taken = await CreateCategory(admin, UniqueName("Network"));

        var response = await admin.Client.PostJson("/api/categories", new { name = $" {taken.Name.ToUpperInvariant()} " });

        await response.Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Single(await ListAll(admin), c => string.Equals(c.Name, taken.Name, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("USER")]
    [InlineData("AGENT")]
    public async Task Only_an_admin_may_create_or_edit(string role)
    {
        var admin = await NewAdmin();
        var existing = await CreateCategory(admin);
        var caller = await NewCaller(role);

        await (await caller.Client.PostJson("/api/categories", new { name = UniqueName() })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await caller.Client.PatchJson($"/api/categories/{existing.Id}", new { name = UniqueName() })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(existing, await (await admin.Client.GetAsync($"/api/categories/{existing.Id}")).Read<CategoryView>());
    }

    [Fact]
    public async Task Edit_changes_name_and_description_and_keeps_the_rest()
    {
        var admin = await NewAdmin();
        var before = await CreateCategory(admin, description: "Old words");
        var name = UniqueName("Renamed");

        var after = await (await admin.Client.PatchJson($"/api/categories/{before.Id}", new { name = $" {name} ", description = "New words" }))
            .Read<CategoryView>();

        Assert.Equal(before with { Name = name, Description = "New words" }, after);
        Assert.Equal(after, await (await admin.Client.GetAsync($"/api/categories/{before.Id}")).Read<CategoryView>());
    }

    [Fact]
    public async Task Edit_leaves_a_missing_field_as_it_is_and_an_empty_description_clears_it()
    {
        var admin = await NewAdmin();
        var before = await CreateCategory(admin, description: "Kept");

        var renamed = await (await admin.Client.PatchJson($"/api/categories/{before.Id}", new { name = UniqueName() })).Read<CategoryView>();
        var cleared = await (await admin.Client.PatchJson($"/api/categories/{before.Id}", new { description = "" })).Read<CategoryView>();

        Assert.Equal("Kept", renamed.Description);
        Assert.Null(cleared.Description);
        Assert.Equal(renamed.Name, cleared.Name);
    }

    [Fact]
    public async Task Edit_may_change_the_case_of_the_own_name_but_not_take_another_name()
    {
        var admin = await NewAdmin();
        var mine = await CreateCategory(admin, UniqueName("Mine"));
        var other = await CreateCategory(admin, UniqueName("Other"));

        var recased = await (await admin.Client.PatchJson($"/api/categories/{mine.Id}", new { name = mine.Name.ToUpperInvariant() })).Read<CategoryView>();
        var taking = await admin.Client.PatchJson($"/api/categories/{mine.Id}", new { name = other.Name.ToLowerInvariant() });

        Assert.Equal(mine.Name.ToUpperInvariant(), recased.Name);
        await taking.Problem(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(recased, await (await admin.Client.GetAsync($"/api/categories/{mine.Id}")).Read<CategoryView>());
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("""{"name":"x"}""", "name")]
    [InlineData("""{"name":" "}""", "name")]
    [InlineData("""{"description":"__long__"}""", "description")]
    public async Task Edit_refuses_invalid_fields(string body, string field)
    {
        var admin = await NewAdmin();
        var before = await CreateCategory(admin);
        var json = body.Replace("__long__", new string('d', 1001), StringComparison.Ordinal);

        var response = await admin.Client.PatchAsync($"/api/categories/{before.Id}", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), field);
        Assert.Equal(before, await (await admin.Client.GetAsync($"/api/categories/{before.Id}")).Read<CategoryView>());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-uuid")]
    public async Task Edit_of_an_unknown_or_malformed_id_is_not_found(string id)
    {
        var admin = await NewAdmin();

        await (await admin.Client.PatchJson($"/api/categories/{id}", new { name = UniqueName() })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryWriteTests(SqliteApi fixture) : CategoryWriteTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryWriteTests(PostgresApi fixture) : CategoryWriteTests(fixture);
