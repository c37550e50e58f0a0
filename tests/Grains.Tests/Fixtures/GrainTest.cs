using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Tickets;
using TicketPlatform.Users;
using Xunit;

namespace TicketPlatform.Grains.Tests.Fixtures;

/// <summary>What every grain test needs: users, tickets, grain references and direct reads of the database.</summary>
public abstract class GrainTest(ClusterFixture fixture)
{
    protected ClusterFixture Fixture => fixture;

    protected IGrainFactory Grains => fixture.Client;

    protected static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    protected static string NewSubject(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}";

    protected async Task<Actor> NewUserAsync(string? claimedRole = null)
    {
        var subject = NewSubject();
        var user = await Grains.GetGrain<IUserGrain>(subject)
            .SyncFromToken(new TokenIdentity(subject, $"{subject}@example.test", $"Name {subject}", claimedRole));
        return new Actor(user.Id, user.Role);
    }

    protected async Task<Actor> NewStaffAsync()
    {
        var staff = await NewUserAsync("ADMIN");
        Assert.True(staff.IsStaff);
        return staff;
    }

    protected async Task<TicketView> OpenAsync(
        Actor requester, TicketPriority priority = TicketPriority.Medium, string title = "Printer is on fire", IGrainFactory? via = null) =>
        Expect.Ok(await (via ?? Grains).GetGrain<ITicketIntakeGrain>(0).Open(requester, new OpenTicket(title, "It smokes.", priority, null)));

    protected ITicketGrain Ticket(string number) => Grains.GetGrain<ITicketGrain>(number);

    protected async Task<TicketEventView[]> EventsAsync(string number, Actor viewer, long after = 0) =>
        Expect.Ok(await Ticket(number).GetEvents(viewer, new TicketEventQuery(after, Limit: 100))).Items;

    protected async Task<T> ScalarAsync<T>(string sql, object? parameters = null)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        return (await connection.ExecuteScalarAsync<T>(sql, parameters))!;
    }

    protected async Task<int> ExecuteAsync(string sql, object? parameters = null)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        return await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>The ticket's row and its event rows as committed: version, last_seq, event count and highest seq.</summary>
    protected async Task<StoredTicket> StoredAsync(string number)
    {
        await using var connection = await fixture.OpenConnectionAsync();
        var row = await connection.QuerySingleAsync<(long Version, long LastSeq)>(
            "SELECT version, last_seq FROM tickets WHERE number = @number", new { number });
        var events = await connection.QuerySingleAsync<(long Count, long MaxSeq)>(
            "SELECT COUNT(*), COALESCE(MAX(seq), 0) FROM events WHERE ticket_number = @number", new { number });
        return new StoredTicket(row.Version, row.LastSeq, events.Count, events.MaxSeq);
    }
}
