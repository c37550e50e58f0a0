using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Common;
using TicketPlatform.Invitations;
using TicketPlatform.Messages;
using TicketPlatform.Preconditions;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Preconditions;

public abstract class ConditionalRequestTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Every_single_resource_has_a_strong_etag_and_a_get_naming_it_is_304_without_a_body()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var message = await (await user.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = "Hello" })).Read<MessageView>(HttpStatusCode.Created);
        var category = await (await admin.Client.PostJson("/api/categories", new { name = $"Cat {Guid.NewGuid():N}" })).Read<CategoryView>(HttpStatusCode.Created);
        var invitee = await NewUser();
        var invitation = await (await user.Client.PostJson($"/api/tickets/{ticket.Number}/invitations", new { inviteeId = invitee.Id }))
            .Read<InvitationView>(HttpStatusCode.Created);

        string[] urls =
        [
            $"/api/tickets/{ticket.Number}", $"/api/tickets/{ticket.Number}/messages/{message.Id}", $"/api/categories/{category.Id}",
            $"/api/invitations/{invitation.Id}", "/api/users/me", $"/api/users/{user.Id}",
        ];
        foreach (var url in urls)
        {
            var caller = url.StartsWith("/api/users/", StringComparison.Ordinal) && url != "/api/users/me" ? admin : user;
            var first = await caller.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var tag = first.Headers.ETag;
            Assert.True(tag is { IsWeak: false }, $"GET {url} has no strong ETag");

            using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
            conditional.Headers.IfNoneMatch.Add(tag!);
            var second = await caller.Client.SendAsync(conditional);

            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Equal(tag, second.Headers.ETag);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task The_tickets_etag_follows_its_version_and_writes_answer_the_new_one()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var read = await user.Client.GetAsync($"/api/tickets/{ticket.Number}");

        var changed = await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" }, read.Headers.ETag);

        var after = await changed.Read<TicketView>();
        Assert.StartsWith($"\"{ticket.Version}-", read.Headers.ETag!.Tag);
        Assert.StartsWith($"\"{after.Version}-", changed.Headers.ETag!.Tag);
        Assert.Equal(changed.Headers.ETag, (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag);
    }

    [Fact]
    public async Task A_users_etag_stays_valid_across_internal_notes_they_cannot_see()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        (await agent.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).EnsureSuccessStatusCode();
        var seen = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag;
        await (await agent.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = "Between us", visibility = "INTERNAL" }))
            .Read<MessageView>(HttpStatusCode.Created);

        var changed = await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" }, seen);

        Assert.Equal(TicketPriority.High, (await changed.Read<TicketView>()).Priority);
    }

    [Fact]
    public async Task Each_reader_gets_the_body_of_their_own_view_and_version_read_after_read()
    {
        var user = await NewUser();
        var agent = await NewAgent();
        var ticket = await CreateTicket(user);
        (await agent.Client.PostAsync($"/api/tickets/{ticket.Number}/claim", null)).EnsureSuccessStatusCode();
        await (await agent.Client.PostJson($"/api/tickets/{ticket.Number}/messages", new { content = "Between us", visibility = "INTERNAL" }))
            .Read<MessageView>(HttpStatusCode.Created);

        for (var read = 0; read < 2; read++)
        {
            var staff = await agent.Client.GetAsync($"/api/tickets/{ticket.Number}");
            var requester = await user.Client.GetAsync($"/api/tickets/{ticket.Number}");
            var (staffView, requesterView) = (await staff.Read<TicketView>(), await requester.Read<TicketView>());
            Assert.Equal($"\"{staffView.Version}-staff\"", staff.Headers.ETag!.Tag);
            Assert.Equal($"\"{requesterView.Version}-public\"", requester.Headers.ETag!.Tag);
            Assert.Equal(staffView.Version - 1, requesterView.Version);
            Assert.True(requesterView.UpdatedAt < staffView.UpdatedAt, "The requester's view moved with a note they cannot see.");
        }

        (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" })).EnsureSuccessStatusCode();
        foreach (var reader in new[] { agent, user })
        {
            Assert.Equal(TicketPriority.Urgent, (await (await reader.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Priority);
        }
    }

    [Fact]
    public async Task A_stale_if_match_is_412_with_the_current_etag_and_the_changed_fields_and_changes_nothing()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var stale = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag;
        var current = await (await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority", new { priority = "URGENT" }, stale)).Read<TicketView>();
        var eventsBefore = (await Events(user, ticket.Number)).Length;

        var refused = await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}", new { title = "Someone else's title" }, stale);

        var problem = await refused.Problem(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");
        Assert.Equal((await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag, refused.Headers.ETag);
        var changed = problem["changed"]!.AsArray().Select(n => (string)n!).ToArray();
        Assert.Contains("priority", changed);
        Assert.Contains("version", changed);
        Assert.DoesNotContain("title", changed);
        var now = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        Assert.Equal((current.Version, current.Title, current.Priority), (now.Version, now.Title, now.Priority));
        Assert.Equal(eventsBefore, (await Events(user, ticket.Number)).Length);
    }

    [Fact]
    public async Task If_match_covers_writes_under_the_resource_and_every_kind_of_resource()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var ticketTag = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag;
        var posted = await Write(user, HttpMethod.Post, $"/api/tickets/{ticket.Number}/messages", new { content = "First" }, ticketTag);
        var message = await posted.Read<MessageView>(HttpStatusCode.Created);
        var messageTag = posted.Headers.ETag;
        await (await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/messages/{message.Id}", new { content = "Edited" }, messageTag)).Read<MessageView>();
        var category = await (await admin.Client.PostJson("/api/categories", new { name = $"Cat {Guid.NewGuid():N}" })).Read<CategoryView>(HttpStatusCode.Created);
        var categoryTag = (await admin.Client.GetAsync($"/api/categories/{category.Id}")).Headers.ETag;
        await (await Write(admin, HttpMethod.Post, $"/api/categories/{category.Id}/deactivate", null, categoryTag)).Read<CategoryView>();
        var meTag = (await user.Client.GetAsync("/api/users/me")).Headers.ETag;
        await (await Write(user, HttpMethod.Patch, "/api/users/me", new { name = "Renamed" }, meTag)).Read<UserView>();

        // Each of these tags was current a moment ago; a second write made against it is refused.
        (HttpMethod, string, object?, EntityTagHeaderValue?, TestUser)[] stale =
        [
            (HttpMethod.Post, $"/api/tickets/{ticket.Number}/messages", new { content = "Second" }, ticketTag, user),
            (HttpMethod.Patch, $"/api/tickets/{ticket.Number}/messages/{message.Id}", new { content = "Overwritten" }, messageTag, user),
            (HttpMethod.Delete, $"/api/tickets/{ticket.Number}/messages/{message.Id}", null, messageTag, user),
            (HttpMethod.Patch, $"/api/categories/{category.Id}", new { name = $"Other {Guid.NewGuid():N}" }, categoryTag, admin),
            (HttpMethod.Patch, "/api/users/me", new { name = "Again" }, meTag, user),
        ];
        foreach (var (method, url, body, tag, caller) in stale)
        {
            var refused = await Write(caller, method, url, body, tag);
            await refused.Problem(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");
            Assert.NotNull(refused.Headers.ETag);
        }

        var messages = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}/messages")).Read<JsonObject>();
        Assert.Equal(["Edited"], messages["items"]!.AsArray().Select(m => (string?)m!["content"]));
        Assert.Equal("Renamed", (await (await user.Client.GetAsync("/api/users/me")).Read<UserView>()).Name);
        Assert.Equal(category.Name, (await (await admin.Client.GetAsync($"/api/categories/{category.Id}")).Read<CategoryView>()).Name);
    }

    [Fact]
    public async Task If_match_star_passes_a_weak_tag_never_matches_and_a_malformed_one_is_400()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var tag = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag!;

        await (await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority", new { priority = "LOW" }, EntityTagHeaderValue.Any)).Read<TicketView>();
        var current = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag!;
        await (await Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" }, new EntityTagHeaderValue(current.Tag, isWeak: true)))
            .Problem(HttpStatusCode.PreconditionFailed, "PRECONDITION_FAILED");

        using var malformed = new HttpRequestMessage(HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority") { Content = JsonContent(new { priority = "HIGH" }) };
        malformed.Headers.TryAddWithoutValidation("If-Match", "not-a-tag");
        await (await user.Client.SendAsync(malformed)).Problem(HttpStatusCode.BadRequest, "VALIDATION");
        Assert.NotEqual(tag, current);
        Assert.Equal(TicketPriority.Low, (await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Priority);
    }

    [Fact]
    public async Task The_ticket_grain_refuses_a_command_made_against_an_older_version_in_the_turn_that_commits()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        await (await user.Client.PatchJson($"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" })).Read<TicketView>();
        var grain = Api.Services.GetRequiredService<IGrainFactory>().GetGrain<ITicketGrain>(ticket.Number);

        Result<TicketView> result;
        using (ExpectedTicketVersion.Require(ticket.Version))
        {
            result = await grain.ChangePriority(new Actor(user.Id, UserRole.User), new ChangePriority(TicketPriority.Urgent));
        }

        Assert.Equal(ErrorCodes.PreconditionFailed, result.Error?.Code);
        Assert.Equal(TicketPriority.High, (await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Priority);
    }

    [Fact]
    public async Task Of_concurrent_writes_naming_the_same_ticket_etag_exactly_one_changes_the_ticket()
    {
        var user = await NewUser();
        var ticket = await CreateTicket(user);
        var tag = (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Headers.ETag;
        var eventsBefore = (await Events(user, ticket.Number)).Length;

        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Write(user, HttpMethod.Patch, $"/api/tickets/{ticket.Number}", new { title = $"Concurrent title {i}" }, tag)));

        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.PreconditionFailed));
        var winner = await answers.Single(a => a.StatusCode == HttpStatusCode.OK).Read<TicketView>();
        var now = await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
        Assert.Equal((winner.Title, ticket.Version + 1), (now.Title, now.Version));
        Assert.Equal(eventsBefore + 1, (await Events(user, ticket.Number)).Length);
    }

    [Fact]
    public async Task If_match_on_a_resource_the_caller_cannot_see_is_the_same_404_as_reading_it()
    {
        var owner = await NewUser();
        var stranger = await NewUser();
        var ticket = await CreateTicket(owner);

        var response = await Write(stranger, HttpMethod.Patch, $"/api/tickets/{ticket.Number}/priority", new { priority = "HIGH" }, EntityTagHeaderValue.Any);

        await response.Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    protected static Task<HttpResponseMessage> Write(TestUser caller, HttpMethod method, string url, object? body, EntityTagHeaderValue? ifMatch)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent(body) };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return caller.Client.SendAsync(request);
    }

    private static HttpContent JsonContent(object body) => System.Net.Http.Json.JsonContent.Create(body, options: HttpJson.Options);
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteConditionalRequestTests(SqliteApi fixture) : ConditionalRequestTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresConditionalRequestTests(PostgresApi fixture) : ConditionalRequestTests(fixture);
