using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Common;
using TicketPlatform.Sla;

namespace TicketPlatform.Api.Tests.Sla;

public abstract class SlaPolicyOrderTests(ApiFixture fixture) : SlaPolicyTestBase(fixture)
{
    [Fact]
    public async Task Reorder_renumbers_every_policy_in_the_given_order_and_answers_the_list()
    {
        var admin = await NewAdmin();
        await CreatePolicy(admin);
        await CreatePolicy(admin);
        var reversed = (await ListAll(admin)).Select(p => p.Id).Reverse().ToArray();

        var response = await Reorder(admin, reversed);

        var answered = await response.Read<Page<SlaPolicyView>>();
        Assert.Equal(reversed, answered.Items.Select(p => p.Id));
        Assert.Equal(Enumerable.Range(1, reversed.Length), answered.Items.Select(p => p.SortOrder));
        Assert.Equal(reversed, (await ListAll(admin)).Select(p => p.Id));
    }

    [Fact]
    public async Task Reorder_refuses_a_list_that_does_not_name_every_policy_once_and_changes_nothing()
    {
        var admin = await NewAdmin();
        await CreatePolicy(admin);
        await CreatePolicy(admin);
        var before = (await ListAll(admin)).Select(p => p.Id).ToArray();

        AssertNames(await (await Reorder(admin, before[1..])).Problem(HttpStatusCode.BadRequest, "VALIDATION"), "ids");
        AssertNames(await (await Reorder(admin, [.. before, before[0]])).Problem(HttpStatusCode.BadRequest, "VALIDATION"), "ids");
        AssertNames(await (await Reorder(admin, [.. before, Guid.NewGuid()])).Problem(HttpStatusCode.BadRequest, "VALIDATION"), "ids");

        Assert.Equal(before, (await ListAll(admin)).Select(p => p.Id));
    }
}

[Collection(nameof(SqlitePolicyApi))]
public sealed class SqliteSlaPolicyOrderTests(SqlitePolicyApi fixture) : SlaPolicyOrderTests(fixture);

[Collection(nameof(PostgresPolicyApi))]
public sealed class PostgresSlaPolicyOrderTests(PostgresPolicyApi fixture) : SlaPolicyOrderTests(fixture);
