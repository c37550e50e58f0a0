using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

public abstract class TicketCreationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    public static TheoryData<string, string> BadBodies => new()
    {
        { """{"title": "abc", """, "body" },
        { "[1,2,3]", "body" },
        { """{"title":"Valid title","description":"d","priority":"NOPE"}""", "priority" },
        { """{"title":5,"description":"d"}""", "title" },
        { """{"title":"ab","description":"d"}""", "title" },
        { """{"title":"   ","description":"d"}""", "title" },
        { """{"title":null,"description":"d"}""", "title" },
        { """{"title":"Valid title","description":""}""", "description" },
        { """{"title":"Valid title"}""", "description" },
        { """{"title":"Valid title","description":"d","categoryId":"not-a-uuid"}""", "categoryId" },
        { """{"title":"Valid title","description":"d","categoryId":"6f9619ff-8b86-d011-b42d-00c04fc964ff"}""", "categoryId" },
        { """{"title":"Valid title","description":"d","priority":1}""", "priority" },
    };

    [Fact]
    public async Task Creating_a_ticket_answers_201_with_its_location_and_a_number_of_this_year()
    {
        var user = await NewUser();

        var response = await user.Client.PostJson("/api/tickets", new { title = "Printer on fire", description = "It burns.", priority = "HIGH" });
        var ticket = await response.Read<TicketView>(HttpStatusCode.Created);

        Assert.Matches($"^TCK-{DateTime.UtcNow.Year}-\\d{{5}}$", ticket.Number);
        Assert.Equal($"/api/tickets/{ticket.Number}", response.Headers.Location?.ToString());
        Assert.Equal((TicketStatus.Open, TicketPriority.High, user.Id, 1), (ticket.Status, ticket.Priority, ticket.RequesterId, ticket.Version));
        var requester = Assert.Single(ticket.Participants!);
        Assert.Equal((user.Id, ParticipantRole.Requester), (requester.UserId, requester.Role));
    }

    [Fact]
    public async Task Priority_defaults_to_medium()
    {
        var ticket = await CreateTicket(await NewUser());

        Assert.Equal(TicketPriority.Medium, ticket.Priority);
    }

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_input_is_400_naming_the_field_and_writes_nothing(string body, string field)
    {
        var user = await NewUser();

        var response = await user.Client.PostRaw("/api/tickets", body);

        var problem = await response.Problem(HttpStatusCode.BadRequest, "VALIDATION");
        Assert.True(problem["errors"]!.AsObject().ContainsKey(field), $"errors should name '{field}': {problem}");
        Assert.Equal(0, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Fact]
    public async Task A_one_megabyte_title_is_400_and_writes_nothing()
    {
        var user = await NewUser();

        var response = await user.Client.PostJson("/api/tickets", new { title = new string('x', 1_000_000), description = "d" });

        await response.Problem(HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Equal(0, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_415()
    {
        var user = await NewUser();

        var response = await user.Client.PostAsync("/api/tickets", new StringContent("title=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(0, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Fact]
    public async Task One_hundred_concurrent_creates_get_one_hundred_distinct_consecutive_numbers()
    {
        var user = await NewUser();

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(i =>
            user.Client.PostJson("/api/tickets", new { title = $"Concurrent {i}", description = "load" })));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = await Task.WhenAll(responses.Select(async r => (await r.Read<TicketView>(HttpStatusCode.Created)).Number));
        var sequence = numbers.Select(n => long.Parse(n[9..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToArray();
        Assert.Equal(100, sequence.Distinct().Count());
        Assert.Equal(sequence[0] + 99, sequence[^1]);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketCreationTests(SqliteApi fixture) : TicketCreationTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketCreationTests(PostgresApi fixture) : TicketCreationTests(fixture);
