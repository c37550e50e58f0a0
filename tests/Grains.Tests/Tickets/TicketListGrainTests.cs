using TicketPlatform.Common;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

public abstract class TicketListGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    private static readonly TicketPriority[] Priorities =
        [TicketPriority.Low, TicketPriority.High, TicketPriority.Urgent, TicketPriority.Medium, TicketPriority.High, TicketPriority.Low, TicketPriority.High];

    private ITicketQueryGrain Query => Grains.GetGrain<ITicketQueryGrain>(0);

    [Fact]
    public async Task AUserSeesOnlyTheirTicketsAndStaffSeeAll()
    {
        var ann = await NewUserAsync();
        var bob = await NewUserAsync();
        var staff = await NewStaffAsync();
        var anns = await OpenManyAsync(ann, 3);
        var bobs = await OpenManyAsync(bob, 2);
        Expect.Ok(await Ticket(anns[0].Number).ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, null)));

        var annSees = Expect.Ok(await Query.List(ann, new TicketListQuery(Limit: 100, IncludeTotal: true)));
        Assert.Equal(Numbers(anns), Numbers(annSees.Items));
        Assert.Equal(3, annSees.Total);
        Assert.Equal(Numbers(bobs), Numbers(Expect.Ok(await Query.List(bob, new TicketListQuery(Limit: 100))).Items));
        Assert.Empty(Expect.Ok(await Query.List(ann, new TicketListQuery(RequesterId: bob.UserId))).Items);
        Assert.Empty(Expect.Ok(await Query.List(await NewUserAsync(), new TicketListQuery())).Items);

        Assert.Equal(Numbers(bobs), Numbers(Expect.Ok(await Query.List(staff, new TicketListQuery(RequesterId: bob.UserId))).Items));
        var staffSees = Expect.Ok(await Query.List(staff, new TicketListQuery(Limit: 1, IncludeTotal: true)));
        Assert.Equal(await ScalarAsync<long>("SELECT COUNT(*) FROM tickets WHERE archived = @archived", new { archived = false }), staffSees.Total);
        Assert.True(staffSees.Total >= 5);
    }

    [Fact]
    public async Task FiltersNarrowTheList()
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var tickets = await OpenManyAsync(requester, Priorities.Length);
        Expect.Ok(await Ticket(tickets[1].Number).ChangeStatus(requester, new ChangeStatus(TicketStatus.Closed, null)));
        Expect.Ok(await Ticket(tickets[2].Number).ChangeStatus(staff, new ChangeStatus(TicketStatus.InProgress, null)));
        await ExecuteAsync("UPDATE tickets SET assignee_id = @assignee, version = version + 1 WHERE number = @number",
            new { assignee = staff.UserId, number = tickets[3].Number });
        var mine = new TicketListQuery(RequesterId: requester.UserId, Limit: 100);

        Assert.Equal([tickets[1].Number], Numbers(await ListAsync(staff, mine with { Status = TicketStatus.Closed })));
        Assert.Equal([tickets[2].Number], Numbers(await ListAsync(staff, mine with { Status = TicketStatus.InProgress })));
        Assert.Equal(5, (await ListAsync(staff, mine with { Status = TicketStatus.Open })).Length);
        Assert.Equal(
            Numbers(tickets.Where(t => t.Priority == TicketPriority.High)),
            Numbers(await ListAsync(staff, mine with { Priority = TicketPriority.High })));
        Assert.Equal([tickets[1].Number], Numbers(await ListAsync(staff, mine with { Priority = TicketPriority.High, Status = TicketStatus.Closed })));
        Assert.Equal([tickets[3].Number], Numbers(await ListAsync(staff, mine with { AssigneeId = staff.UserId })));
        Assert.Equal([tickets[3].Number], Numbers(await ListAsync(requester, new TicketListQuery(AssigneeId: staff.UserId))));
        Assert.Empty(await ListAsync(staff, mine with { AssigneeId = requester.UserId }));
        Assert.Equal(Numbers(tickets), Numbers(await ListAsync(requester, new TicketListQuery(Limit: 100))));
    }

    [Theory]
    [InlineData(TicketSortField.CreatedAt, false)]
    [InlineData(TicketSortField.CreatedAt, true)]
    [InlineData(TicketSortField.Priority, false)]
    [InlineData(TicketSortField.Priority, true)]
    [InlineData(TicketSortField.UpdatedAt, true)]
    public async Task CursorPaginationWalksEveryTicketOnceInOrder(TicketSortField sort, bool descending)
    {
        var requester = await NewUserAsync();
        var staff = await NewStaffAsync();
        var tickets = await OpenManyAsync(requester, Priorities.Length);
        var ordered = (descending ? tickets.OrderByDescending(t => Key(sort, t)).ThenByDescending(t => t.Number, StringComparer.Ordinal)
            : tickets.OrderBy(t => Key(sort, t)).ThenBy(t => t.Number, StringComparer.Ordinal)).Select(t => t.Number).ToArray();

        var asStaff = await WalkAsync(staff, new TicketListQuery(RequesterId: requester.UserId, Sort: sort, Descending: descending, Limit: 2));
        var asRequester = await WalkAsync(requester, new TicketListQuery(Sort: sort, Descending: descending, Limit: 3));

        Assert.Equal(ordered, asStaff);
        Assert.Equal(ordered, asRequester);
    }

    [Fact]
    public async Task AForgedCursorIsAValidationError()
    {
        var requester = await NewUserAsync();
        await OpenManyAsync(requester, 2);
        var issued = Expect.Ok(await Query.List(requester, new TicketListQuery(Sort: TicketSortField.CreatedAt, Limit: 1))).NextCursor;
        Assert.NotNull(issued);

        string[] forged = ["not a cursor", "", Cursor.Encode("yesterday", "TCK-2026-00001"), Cursor.Encode("2026-01-01T00:00:00Z"), issued[..^2]];
        foreach (var cursor in forged)
        {
            var error = Expect.Error(await Query.List(requester, new TicketListQuery(Cursor: cursor)), ErrorCodes.Validation);
            Assert.Contains("cursor", error.Errors!.Keys);
        }

        Expect.Error(await Query.List(requester, new TicketListQuery(Sort: TicketSortField.Priority, Cursor: issued)), ErrorCodes.Validation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(101)]
    public async Task ALimitOutsideOneToHundredIsAValidationError(int limit)
    {
        var requester = await NewUserAsync();
        await OpenManyAsync(requester, 1);

        var error = Expect.Error(await Query.List(requester, new TicketListQuery(Limit: limit)), ErrorCodes.Validation);

        Assert.Contains("limit", error.Errors!.Keys);
    }

    private async Task<TicketView[]> OpenManyAsync(Actor requester, int count)
    {
        var tickets = new List<TicketView>();
        for (var i = 0; i < count; i++)
        {
            tickets.Add(await OpenAsync(requester, Priorities[i % Priorities.Length], $"Listed ticket {i}"));
        }

        return [.. tickets];
    }

    private async Task<TicketView[]> ListAsync(Actor actor, TicketListQuery query) => Expect.Ok(await Query.List(actor, query)).Items;

    private async Task<string[]> WalkAsync(Actor actor, TicketListQuery query)
    {
        var numbers = new List<string>();
        string? cursor = null;
        do
        {
            var page = Expect.Ok(await Query.List(actor, query with { Cursor = cursor }));
            Assert.InRange(page.Items.Length, 1, query.Limit);
            numbers.AddRange(page.Items.Select(t => t.Number));
            cursor = page.NextCursor;
        }
        while (cursor is not null && numbers.Count <= Priorities.Length);

        return [.. numbers];
    }

    private static IComparable Key(TicketSortField sort, TicketView ticket) => sort switch
    {
        TicketSortField.Priority => ticket.Priority,
        TicketSortField.UpdatedAt => ticket.UpdatedAt,
        _ => ticket.CreatedAt,
    };

    private static string[] Numbers(IEnumerable<TicketView> tickets) => [.. tickets.Select(t => t.Number).Order(StringComparer.Ordinal)];
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketListGrainTestsOnSqlite(SqliteCluster fixture) : TicketListGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketListGrainTestsOnPostgres(PostgresCluster fixture) : TicketListGrainTests(fixture);
