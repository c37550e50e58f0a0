using TicketPlatform.Categories;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Sla;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Sla;

/// <summary>The lookup the ticket's clocks use: the catalog's choice for a priority and category.</summary>
public abstract class SlaPolicyCatalogGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task The_catalog_chooses_the_first_active_policy_in_order_whose_match_fits()
    {
        var admin = await NewStaffAsync();
        var catalog = Grains.GetGrain<ISlaPolicyCatalogGrain>(0);
        var category = Expect.Ok(await Grains.GetGrain<ICategoryCatalogGrain>(0).Create(admin, new CreateCategory($"Sla {Guid.NewGuid():N}", null)));
        var inCategory = new SlaMatch(null, [category.Id]);
        var urgent = Expect.Ok(await catalog.Create(admin, Policy("urgent", new SlaMatch([TicketPriority.Urgent], [category.Id]))));
        var inactive = Expect.Ok(await catalog.Create(admin, Policy("inactive", inCategory) with { Active = false }));
        var fallback = Expect.Ok(await catalog.Create(admin, Policy("fallback", inCategory)));

        Assert.Equal(urgent.Id, (await catalog.Choose(TicketPriority.Urgent, category.Id))?.Id);
        Assert.Equal(fallback.Id, (await catalog.Choose(TicketPriority.Low, category.Id))?.Id);

        Expect.Ok(await catalog.Edit(admin, inactive.Id, new EditSlaPolicy(null, null, null, null, null, null, Active: true)));
        Assert.Equal(inactive.Id, (await catalog.Choose(TicketPriority.Low, category.Id))?.Id);

        Assert.Null(await catalog.Delete(admin, urgent.Id));
        Assert.Equal(inactive.Id, (await catalog.Choose(TicketPriority.Urgent, category.Id))?.Id);
    }

    private static CreateSlaPolicy Policy(string name, SlaMatch match) =>
        new(name, match, new SlaTargets("PT1H", null, null), null, null, null, null);
}

[Collection(SqliteCluster.Collection)]
public sealed class SlaPolicyCatalogGrainTestsOnSqlite(SqliteCluster fixture) : SlaPolicyCatalogGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class SlaPolicyCatalogGrainTestsOnPostgres(PostgresCluster fixture) : SlaPolicyCatalogGrainTests(fixture);
