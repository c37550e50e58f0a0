using System.Text.Json;
using System.Text.RegularExpressions;
using TicketPlatform.Events;
using TicketPlatform.Grains.Tests.Fixtures;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Tickets;

public abstract partial class TicketIntakeGrainTests(ClusterFixture fixture) : GrainTest(fixture)
{
    [Fact]
    public async Task OpenIssuesANumberRecordsTicketCreatedAndEnrolsTheRequester()
    {
        var requester = await NewUserAsync();

        var before = DateTimeOffset.UtcNow;
        var opened = await OpenAsync(requester, TicketPriority.High, "  Cannot log in  ");

        Assert.Matches(NumberPattern(), opened.Number);
        Assert.InRange(Expect.Year(opened.Number), before.Year, DateTimeOffset.UtcNow.Year);
        Assert.Equal("Cannot log in", opened.Title);
        Assert.Equal(TicketStatus.Open, opened.Status);
        Assert.Equal(TicketPriority.High, opened.Priority);
        Assert.Equal(requester.UserId, opened.RequesterId);
        Assert.Equal(1, opened.Version);
        Assert.Null(opened.AssigneeId);
        Assert.Null(opened.ResolvedAt);
        Assert.Null(opened.ClosedAt);
        var participant = Assert.Single(opened.Participants!);
        Assert.Equal(new ParticipantView(requester.UserId, ParticipantRole.Requester, CanEdit: true, CanComment: true, opened.CreatedAt), participant);

        var created = Assert.Single(await EventsAsync(opened.Number, requester));
        Assert.Equal((1L, TicketEventType.TicketCreated, requester.UserId, EventVisibility.Public), (created.Seq, created.Type, created.ActorId, created.Visibility));
        using var payload = JsonDocument.Parse(created.Payload);
        Assert.Equal("Cannot log in", payload.RootElement.GetProperty("title").GetString());
        Assert.Equal("HIGH", payload.RootElement.GetProperty("priority").GetString());
        Assert.Equal(requester.UserId, payload.RootElement.GetProperty("requesterId").GetGuid());

        for (var silo = 0; silo < ClusterFixture.SiloCount; silo++)
        {
            var seen = Expect.Ok(await Fixture.Silo(silo).GetGrain<ITicketGrain>(opened.Number).Get(requester));
            Expect.SameTicket(opened, seen);
        }
    }

    [Fact]
    public async Task HundredConcurrentOpensGetDistinctConsecutiveNumbers()
    {
        var requesters = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => NewUserAsync()));
        var marker = Guid.NewGuid().ToString("N");

        var results = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            Fixture.Silo(i % ClusterFixture.SiloCount).GetGrain<ITicketIntakeGrain>(0)
                .Open(requesters[i % requesters.Length], new OpenTicket($"Concurrent {marker} {i}", "Load.", TicketPriority.Low, null))));

        var opened = results.Select(Expect.Ok).ToList();
        var sequences = opened.Select(t => Expect.Sequence(t.Number)).Order().ToList();
        Assert.Equal(100, sequences.Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 100).Select(i => sequences[0] + i), sequences);
        Assert.All(opened, t => Assert.Matches(NumberPattern(), t.Number));
        Assert.Equal(100L, await ScalarAsync<long>("SELECT COUNT(*) FROM tickets WHERE title LIKE @pattern", new { pattern = $"Concurrent {marker} %" }));
        Assert.Equal(100L, await ScalarAsync<long>(
            "SELECT COUNT(*) FROM events e JOIN tickets t ON t.number = e.ticket_number WHERE t.title LIKE @pattern AND e.seq = 1",
            new { pattern = $"Concurrent {marker} %" }));
    }

    [GeneratedRegex(@"^TCK-\d{4}-\d{5}$")]
    private static partial Regex NumberPattern();
}

[Collection(SqliteCluster.Collection)]
public sealed class TicketIntakeGrainTestsOnSqlite(SqliteCluster fixture) : TicketIntakeGrainTests(fixture);

[Collection(PostgresCluster.Collection)]
public sealed class TicketIntakeGrainTestsOnPostgres(PostgresCluster fixture) : TicketIntakeGrainTests(fixture);
