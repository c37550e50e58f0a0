using System.Net;
using TicketPlatform.Api.Events;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Common;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class EventLogTruthTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Folding_the_events_of_500_random_commands_reproduces_the_ticket()
    {
        var random = new Random(20261124);
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        var requester = await NewUser();
        var helper = await NewUser();
        var pool = new[] { await NewUser(), await NewUser(), await NewUser() };
        var categories = new List<Guid?> { null };
        for (var i = 0; i < 2; i++)
        {
            var created = await admin.Client.PostJson("/api/categories", new { name = $"Fold {Guid.NewGuid():N}" });
            categories.Add((await created.Read<System.Text.Json.Nodes.JsonObject>(HttpStatusCode.Created))["id"]!.GetValue<Guid>());
        }

        var ticket = await CreateTicket(requester);
        var url = $"/api/tickets/{ticket.Number}";
        await (await requester.Client.PostJson($"{url}/participants", new { userId = helper.Id, canEdit = true })).Read<ParticipantView>(HttpStatusCode.Created);
        TestUser[] actors = [requester, helper, agent, admin];
        string[] statuses = ["OPEN", "IN_PROGRESS", "RESOLVED", "CLOSED"];
        string[] priorities = ["LOW", "MEDIUM", "HIGH", "URGENT"];
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        for (var i = 0; i < 500; i++)
        {
            var actor = Pick(actors);
            var member = Pick(pool);
            var response = random.Next(13) switch
            {
                0 => await actor.Client.PatchJson(url, new { title = $"Title {i}", description = random.Next(2) == 0 ? null : $"Description {i}" }),
                1 => await actor.Client.PatchJson($"{url}/status", new { status = Pick(statuses), reason = $"step {i}" }),
                2 => await actor.Client.PostJson($"{url}/reopen", new { reason = "again" }),
                3 => await actor.Client.PatchJson($"{url}/priority", new { priority = Pick(priorities) }),
                4 => await actor.Client.PatchJson($"{url}/category", new { categoryId = Pick(categories) }),
                5 => await actor.Client.PatchJson($"{url}/assignee", new { assigneeId = Pick([agent.Id, admin.Id]) }),
                6 => await actor.Client.PostAsync($"{url}/claim", null),
                7 => await actor.Client.DeleteAsync($"{url}/assignee"),
                8 => await actor.Client.PatchJson($"{url}/locks", random.Next(3) switch
                {
                    0 => new { priorityLocked = (bool?)(random.Next(2) == 0), categoryLocked = (bool?)null, assignmentLocked = (bool?)null },
                    1 => new { priorityLocked = (bool?)null, categoryLocked = (bool?)(random.Next(2) == 0), assignmentLocked = (bool?)null },
                    _ => new { priorityLocked = (bool?)null, categoryLocked = (bool?)null, assignmentLocked = (bool?)(random.Next(2) == 0) },
                }),
                9 => await actor.Client.PostJson($"{url}/participants", new { userId = member.Id, canEdit = random.Next(2) == 0 }),
                10 => await actor.Client.DeleteAsync($"{url}/participants/{member.Id}"),
                11 => await actor.Client.PatchJson($"{url}/participants/{member.Id}", new { canComment = random.Next(2) == 0 }),
                _ => random.Next(10) == 0
                    ? await admin.Client.DeleteAsync(url)
                    : await admin.Client.PostAsync($"{url}/restore", null),
            };
            Assert.True((int)response.StatusCode < 500, $"command {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var events = new List<EventResponse>();
        string? cursor = null;
        do
        {
            var page = await (await admin.Client.GetAsync($"{url}/events?limit=100{(cursor is null ? "" : $"&cursor={cursor}")}")).Read<Page<EventResponse>>();
            events.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        var current = await (await admin.Client.GetAsync(url)).Read<TicketView>();
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        var exercised = events.Select(e => e.Type).Distinct().Count();
        Assert.True(exercised >= 15, $"only {exercised} event types: the random walk exercised too little to prove anything");
        Assert.Equal(TicketFold.Snapshot(current), TicketFold.Of(events).Snapshot());
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteEventLogTruthTests(SqliteApi fixture) : EventLogTruthTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresEventLogTruthTests(PostgresApi fixture) : EventLogTruthTests(fixture);
