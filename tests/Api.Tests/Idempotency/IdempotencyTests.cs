using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using TicketPlatform.Api.Tests.Attachments;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Attachments;
using TicketPlatform.Categories;
using TicketPlatform.Messages;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Idempotency;

public abstract class IdempotencyTests(ApiFixture fixture) : AttachmentTestBase(fixture)
{
    [Fact]
    public async Task The_same_key_twice_creates_one_ticket_and_replays_the_first_answer()
    {
        var user = await NewUser();
        var key = IdempotentPosts.NewKey();
        var body = new { title = "Printer on fire", description = "It is burning." };

        var first = await user.Client.PostWithKey("/api/tickets", body, key);
        var created = await first.Read<TicketView>(HttpStatusCode.Created);
        var second = await user.Client.PostWithKey("/api/tickets", body, key);
        var replayed = await second.Read<TicketView>(HttpStatusCode.Created);

        Assert.False(first.IsReplay());
        Assert.True(second.IsReplay());
        Assert.Equal(created.Number, replayed.Number);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(1, await Api.Database.CountRows("tickets", "requester_id", user.Id));
        Assert.Equal(1, await Api.Database.CountRows("idempotency_keys", "idempotency_key", key));
    }

    [Fact]
    public async Task The_key_with_another_body_or_path_is_422_and_changes_nothing()
    {
        var user = await NewUser();
        var key = IdempotentPosts.NewKey();
        var ticket = await (await user.Client.PostWithKey("/api/tickets", new { title = "First", description = "x" }, key)).Read<TicketView>(HttpStatusCode.Created);

        await (await user.Client.PostWithKey("/api/tickets", new { title = "Second", description = "x" }, key))
            .Problem(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
        await (await user.Client.PostWithKey($"/api/tickets/{ticket.Number}/messages", new { content = "Hello" }, key))
            .Problem(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");

        Assert.Equal(1, await Api.Database.CountRows("tickets", "requester_id", user.Id));
        Assert.Equal(0, await Api.Database.CountRows("messages", "ticket_number", ticket.Number));
    }

    [Fact]
    public async Task Keys_belong_to_their_caller()
    {
        var (alice, bob) = (await NewUser(), await NewUser());
        var key = IdempotentPosts.NewKey();

        var hers = await (await alice.Client.PostWithKey("/api/tickets", new { title = "Same", description = "x" }, key)).Read<TicketView>(HttpStatusCode.Created);
        var response = await bob.Client.PostWithKey("/api/tickets", new { title = "Same", description = "x" }, key);
        var his = await response.Read<TicketView>(HttpStatusCode.Created);

        Assert.False(response.IsReplay());
        Assert.NotEqual(hers.Number, his.Number);
    }

    [Fact]
    public async Task Two_concurrent_requests_with_one_key_take_effect_once()
    {
        var user = await NewUser();
        var key = IdempotentPosts.NewKey();
        var body = new { title = "Raced", description = "x" };

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => user.Client.PostWithKey("/api/tickets", body, key)));

        var created = responses.Where(r => r.StatusCode == HttpStatusCode.Created).ToList();
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.Conflict).ToList();
        Assert.Equal(responses.Length, created.Count + refused.Count);
        Assert.Single(created, r => !r.IsReplay());
        foreach (var conflict in refused)
        {
            await conflict.Problem(HttpStatusCode.Conflict, "IDEMPOTENCY_IN_FLIGHT");
        }

        var numbers = await Task.WhenAll(created.Select(async r => (await r.Read<TicketView>(HttpStatusCode.Created)).Number));
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Fact]
    public async Task A_message_post_is_replayed_not_posted_twice()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var key = IdempotentPosts.NewKey();

        var first = await (await user.Client.PostWithKey(MessagesOf(ticket.Number), new { content = "Once" }, key)).Read<MessageView>(HttpStatusCode.Created);
        var again = await user.Client.PostWithKey(MessagesOf(ticket.Number), new { content = "Once" }, key);

        Assert.True(again.IsReplay());
        Assert.Equal(first.Id, (await again.Read<MessageView>(HttpStatusCode.Created)).Id);
        Assert.Equal(1, await Api.Database.CountRows("messages", "ticket_number", ticket.Number));
    }

    [Fact]
    public async Task A_204_answer_is_replayed_without_a_body()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "Read me");
        var key = IdempotentPosts.NewKey();

        var first = await user.Client.PostWithKey(MessagesOf(ticket.Number) + "/read", new { upToMessageId = message.Id }, key);
        var again = await user.Client.PostWithKey(MessagesOf(ticket.Number) + "/read", new { upToMessageId = message.Id }, key);

        Assert.Equal((HttpStatusCode.NoContent, HttpStatusCode.NoContent), (first.StatusCode, again.StatusCode));
        Assert.True(again.IsReplay());
        Assert.Empty(await again.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_upload_is_replayed_by_the_hash_of_its_bytes_and_stored_once()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await Post(user, ticket.Number, "See the file");
        var key = IdempotentPosts.NewKey();

        var first = await Attachment(await user.Client.PostWithKey(UploadUrl(ticket.Number, message.Id), Form(SampleFiles.Pdf), key));
        var again = await user.Client.PostWithKey(UploadUrl(ticket.Number, message.Id), Form(SampleFiles.Pdf), key);
        var other = await user.Client.PostWithKey(UploadUrl(ticket.Number, message.Id), Form([.. SampleFiles.Pdf, .. "\n%%more"u8.ToArray()]), key);

        Assert.True(again.IsReplay());
        Assert.Equal(first.Id, (await Attachment(again)).Id);
        await other.Problem(HttpStatusCode.UnprocessableEntity, "IDEMPOTENCY_KEY_REUSED");
        Assert.Equal(1, await Api.Database.CountRows("attachments", "message_id", message.Id));
    }

    [Fact]
    public async Task An_effect_of_another_store_records_its_key_too()
    {
        var admin = await NewAdmin();
        var key = IdempotentPosts.NewKey();
        var body = new { name = $"Billing {Guid.NewGuid():N}" };

        var first = await (await admin.Client.PostWithKey("/api/categories", body, key)).Read<CategoryView>(HttpStatusCode.Created);
        var again = await admin.Client.PostWithKey("/api/categories", body, key);

        Assert.True(again.IsReplay());
        Assert.Equal(first.Id, (await again.Read<CategoryView>(HttpStatusCode.Created)).Id);
        Assert.Equal(1, await Api.Database.CountRows("categories", "name", body.name));
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_the_key_can_be_used_again()
    {
        var user = await NewUser();
        var key = IdempotentPosts.NewKey();
        var body = new { title = "Fixed", description = "x" };

        await (await user.Client.PostWithKey("/api/tickets", new { title = "", description = "x" }, key)).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        Assert.Equal(0, await Api.Database.CountRows("idempotency_keys", "idempotency_key", key));

        var retried = await user.Client.PostWithKey("/api/tickets", body, key);
        await retried.Read<TicketView>(HttpStatusCode.Created);
        Assert.False(retried.IsReplay());
    }

    [Fact]
    public async Task A_key_whose_effect_committed_but_whose_answer_was_lost_is_409_and_the_effect_is_not_repeated()
    {
        var user = await NewUser();
        var key = IdempotentPosts.NewKey();
        const string body = """{"title":"Answer lost","description":"The Api node died after the commit."}""";

        // The row as the effect's transaction leaves it, before the answer is stored on it.
        await Api.Database.Execute(
            "INSERT INTO idempotency_keys (caller_id, idempotency_key, fingerprint, created_at) VALUES (@caller, @key, @fingerprint, @now)",
            new { caller = user.Id, key, fingerprint = Fingerprint("POST", "/api/tickets", body), now = DateTimeOffset.UtcNow });
        var retried = await user.Client.PostWithKey("/api/tickets", new StringContent(body, Encoding.UTF8, "application/json"), key);

        await retried.Problem(HttpStatusCode.Conflict, "IDEMPOTENCY_IN_FLIGHT");
        Assert.Equal(0, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("tab\there")]
    [InlineData("é-not-ascii")]
    public async Task A_malformed_key_is_400_and_nothing_happens(string key)
    {
        var user = await NewUser();
        // A client that writes header values as UTF-8 bytes, as some do; .NET's default refuses to send them.
        using var client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => System.Text.Encoding.UTF8 }) { BaseAddress = Api.BaseAddress };
        client.DefaultRequestHeaders.Authorization = user.Client.DefaultRequestHeaders.Authorization;

        await (await client.PostWithKey("/api/tickets", new { title = "Bad key", description = "x" }, key)).Problem(HttpStatusCode.BadRequest, "VALIDATION");

        Assert.Equal(0, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Fact]
    public async Task A_key_longer_than_255_characters_is_400()
    {
        var user = await NewUser();

        await (await user.Client.PostWithKey("/api/tickets", new { title = "Long key", description = "x" }, new string('k', 256)))
            .Problem(HttpStatusCode.BadRequest, "VALIDATION");
        await (await user.Client.PostWithKey("/api/tickets", new { title = "Long key", description = "x" }, new string('k', 255)))
            .Read<TicketView>(HttpStatusCode.Created);
    }

    /// <summary>What makes a request the same request: SHA-256 of method, path and body (docs/api.md, Idempotency-Key).</summary>
    private static string Fingerprint(string method, string path, string body) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{method}\n{path}\n{body}")));

    /// <summary>A form with a fixed boundary: a client retrying an upload sends the same bytes again.</summary>
    private static MultipartFormDataContent Form(byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("application/pdf");
        return new MultipartFormDataContent("retry-boundary") { { file, "file", "report.pdf" } };
    }

    private static Task<AttachmentView> Attachment(HttpResponseMessage response) => response.Read<AttachmentView>(HttpStatusCode.Created);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteIdempotencyTests(SqliteApi fixture) : IdempotencyTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresIdempotencyTests(PostgresApi fixture) : IdempotencyTests(fixture);
