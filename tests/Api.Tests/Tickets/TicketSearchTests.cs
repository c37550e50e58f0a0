using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

/// <summary><c>q</c> is full-text: whole words, case-insensitive, every word in one text.</summary>
public abstract class TicketSearchTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Q_matches_whole_words_of_title_description_and_messages_in_any_case()
    {
        var user = await NewUser();
        var token = Token();
        var byTitle = await Create(user, $"Printer {token}alpha broken", "Nothing else to say.");
        var byDescription = await Create(user, "Another ticket", $"The {token}beta cartridge is jammed.");
        var byMessage = await Create(user, "Third ticket", "No words here.");
        await (await user.Client.PostJson($"/api/tickets/{byMessage.Number}/messages", new { content = $"Still {token}gamma after a restart" })).Read<object>(HttpStatusCode.Created);

        Assert.Equal([byTitle.Number], await Search(user, $"{token}alpha"));
        Assert.Equal([byTitle.Number], await Search(user, $"PRINTER {token.ToUpperInvariant()}ALPHA"));
        Assert.Equal([byDescription.Number], await Search(user, $"{token}beta jammed"));
        Assert.Equal([byMessage.Number], await Search(user, $"{token}gamma"));
        Assert.Empty(await Search(user, token));
        Assert.Empty(await Search(user, $"{token}beta jam"));
        Assert.Empty(await Search(user, $"{token}alpha cartridge"));
        Assert.Empty(await Search(user, $"rinter {token}alpha"));
    }

    [Theory]
    [InlineData("flux-9e615c3ef4")] // the part after the hyphen starts like a number in scientific notation
    [InlineData("flux-1e611456c9")]
    [InlineData("flux-3181e474fe")]
    [InlineData("part-64e2f48f91")]
    public async Task Q_finds_words_that_look_like_numbers_as_they_were_written(string word)
    {
        var user = await NewUser();
        var token = Token();
        var ticket = await Create(user, $"Part {word} {token} cracked", "Nothing else to say.");

        Assert.Equal([ticket.Number], await Search(user, $"{word} {token}"));
    }

    [Fact]
    public async Task Q_without_any_word_matches_nothing_and_blank_q_filters_nothing()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        Assert.Empty(await Search(user, "!!! ---"));
        Assert.Equal([ticket.Number], await Search(user, "   "));
    }

    [Fact]
    public async Task A_user_never_finds_a_ticket_by_the_words_of_an_internal_note_but_by_its_title_still()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var token = Token();
        var ticket = await Create(user, $"Public {token}title", "Description.");
        var note = await agent.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = $"{token}secret escalation", visibility = "INTERNAL" });
        Assert.Equal(HttpStatusCode.Created, note.StatusCode);

        Assert.Empty(await Search(user, $"{token}secret"));
        Assert.Equal([ticket.Number], await Search(agent, $"{token}secret"));
        Assert.Equal([ticket.Number], await Search(user, $"{token}title"));
    }

    [Fact]
    public async Task Paging_through_search_results_returns_each_match_once_in_order_with_an_exact_total_below_the_cap()
    {
        var user = await NewUser();
        var token = Token();
        var created = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var ticket = await Create(user, $"Match {i} {token}", "By title.");
            created.Add(ticket.Number);
            if (i % 2 == 0)
            {
                // Matching both by title and by message must not make a ticket appear twice.
                await user.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = $"{token} again" });
            }
        }

        var seen = new List<string>();
        string? cursor = null;
        TicketPage? first = null;
        do
        {
            var page = await (await user.Client.GetAsync($"/api/tickets?q={token}&sort=createdAt&limit=2&includeTotal=true{(cursor is null ? "" : $"&cursor={cursor}")}")).Read<TicketPage>();
            first ??= page;
            seen.AddRange(page.Items.Select(t => t.Number));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Equal(created, seen);
        Assert.Equal(5, first.Total);
        Assert.True(first.TotalExact);
    }

    [Fact]
    public async Task A_search_total_stops_at_the_cap_and_says_it_is_not_exact()
    {
        var admin = await NewAdmin();
        var word = Token();
        await Api.Database.Execute(
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {TicketListQuery.TextTotalCap + 1})
            INSERT INTO tickets (number, title, description, status, priority, category_id, requester_id, assignee_id,
                                 priority_locked, category_locked, assignment_locked, archived, created_at, updated_at, resolved_at, closed_at, version, last_seq)
            SELECT 'TCK-1999-' || (@first + i), 'Bulk ' || @word, 'Seeded', 'OPEN', 1, NULL, @requester, NULL,
                   @no, @no, @no, @yes, @now, @now, NULL, NULL, 1, 0
            FROM n
            """,
            new { word, first = Random.Shared.Next(10_000, 90_000) * 10_000L, requester = admin.Id, no = false, yes = true, now = DateTimeOffset.UtcNow });

        var page = await (await admin.Client.GetAsync($"/api/tickets?archived=true&q={word}&limit=5&includeTotal=true")).Read<TicketPage>();

        Assert.Equal(5, page.Items.Length);
        Assert.Equal(TicketListQuery.TextTotalCap, page.Total);
        Assert.False(page.TotalExact);
    }

    [Fact]
    public async Task A_word_the_statistics_call_common_is_paged_newest_first_without_counting_it()
    {
        var admin = await NewAdmin();
        var word = Token();
        const int tickets = 600;
        var first = Random.Shared.Next(10_000, 90_000) * 10_000L;
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        await Api.Database.Execute(
            $"""
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {tickets})
            INSERT INTO tickets (number, title, description, status, priority, category_id, requester_id, assignee_id,
                                 priority_locked, category_locked, assignment_locked, archived, created_at, updated_at, resolved_at, closed_at, version, last_seq)
            SELECT 'TCK-1999-' || (@first + i), 'Common ' || @word, 'Seeded', 'OPEN', 1, NULL, @requester, NULL,
                   @no, @no, @no, @yes, @start, @start, NULL, NULL, 1, 0
            FROM n
            """,
            new { word, first, requester = admin.Id, no = false, yes = true, start });
        // Distinct creation times, newest = highest number, in SQL both databases read the same way.
        for (var i = 1; i <= 5; i++)
        {
            await Api.Database.Execute("UPDATE tickets SET created_at = @at WHERE number = @number", new { at = start.AddMinutes(i), number = $"TCK-1999-{first + tickets - 5 + i}" });
        }

        await Api.Database.Execute(Provider == DatabaseProvider.Postgres ? "ANALYZE ticket_search" : "ANALYZE main");
        await using (var dialect = Api.Database.Dialect())
        {
            await using var connection = dialect.CreateConnection();
            await connection.OpenAsync();
            var estimate = await dialect.EstimatedTextMatchesAsync(connection, TextIndex.Tickets, $"'{word}'");
            if (Provider == DatabaseProvider.Postgres)
            {
                Assert.InRange(estimate ?? 0, 500, 700);
            }
            else
            {
                Assert.Null(estimate);
            }
        }

        var page = await (await admin.Client.GetAsync($"/api/tickets?archived=true&q={word}&limit=3")).Read<TicketPage>();
        var next = await (await admin.Client.GetAsync($"/api/tickets?archived=true&q={word}&limit=3&cursor={page.NextCursor}")).Read<TicketPage>();

        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"TCK-1999-{first + tickets - i}"), page.Items.Concat(next.Items).Select(t => t.Number));
    }

    private static string Token() => "w" + Guid.NewGuid().ToString("N")[..10];

    private static async Task<TicketView> Create(TestUser user, string title, string description) =>
        await (await user.Client.PostJson("/api/tickets", new { title, description })).Read<TicketView>(HttpStatusCode.Created);

    private static async Task<IEnumerable<string>> Search(TestUser user, string text) =>
        (await (await user.Client.GetAsync($"/api/tickets?q={Uri.EscapeDataString(text)}")).Read<TicketPage>()).Items.Select(t => t.Number);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTicketSearchTests(SqliteApi fixture) : TicketSearchTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTicketSearchTests(PostgresApi fixture) : TicketSearchTests(fixture);
