using System.Net;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Categories;

public abstract class CategoryConcurrencyTests(ApiFixture fixture) : CategoryTestBase(fixture)
{
    [Fact]
    public async Task Of_20_parallel_creates_of_one_name_in_any_case_exactly_one_succeeds()
    {
        var admin = await NewAdmin();
        var name = UniqueName("Parallel");

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            admin.Client.PostJson("/api/categories", new { name = i % 2 == 0 ? name : name.ToUpperInvariant() })));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Single(await ListAll(admin), c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteCategoryConcurrencyTests(SqliteApi fixture) : CategoryConcurrencyTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresCategoryConcurrencyTests(PostgresApi fixture) : CategoryConcurrencyTests(fixture);
