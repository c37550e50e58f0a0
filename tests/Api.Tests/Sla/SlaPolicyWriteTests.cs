using System.Net;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Sla;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Sla;

public abstract class SlaPolicyWriteTests(ApiFixture fixture) : SlaPolicyTestBase(fixture)
{
    [Fact]
    public async Task Create_answers_201_with_its_location_the_defaults_and_a_place_at_the_end_of_the_order()
    {
        var admin = await NewAdmin();
        var earlier = await CreatePolicy(admin);
        var name = UniqueName();

        var response = await Send(admin, HttpMethod.Post, Policies, new JsonObject { ["name"] = name, ["targets"] = new JsonObject { ["resolution"] = "P1D" } });

        var created = await response.Read<SlaPolicyView>(HttpStatusCode.Created);
        Assert.Equal($"{Policies}/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal(name, created.Name);
        Assert.Equal((null, null), (created.Match.Priorities, created.Match.CategoryIds));
        Assert.Equal(new SlaTargets(null, null, "P1D"), created.Targets);
        Assert.Equal(("UTC", (SlaHours[]?)null, 0), (created.Calendar.TimeZone, created.Calendar.Hours, created.Calendar.Holidays.Length));
        Assert.Equal([TicketStatus.Resolved], created.PauseOn);
        Assert.Equal((0.75, true), (created.WarnAt, created.Active));
        Assert.True(created.SortOrder > earlier.SortOrder);
        AssertSame(created, await (await admin.Client.GetAsync(response.Headers.Location)).Read<SlaPolicyView>());
        Assert.Equal(created.Id, (await ListAll(admin))[^1].Id);
    }

    [Fact]
    public async Task Create_keeps_everything_it_was_given()
    {
        var admin = await NewAdmin();
        var category = await (await admin.Client.PostJson("/api/categories", new { name = UniqueName("Category") })).Read<TicketPlatform.Categories.CategoryView>(HttpStatusCode.Created);
        var body = Body(change: b =>
        {
            b["match"] = JsonNode.Parse($$"""{ "priorities": ["HIGH", "URGENT"], "categoryIds": ["{{category.Id}}"] }""");
            b["calendar"] = JsonNode.Parse("""
                { "timeZone": "Europe/Berlin",
                  "hours": [ { "days": ["MON", "TUE", "WED", "THU", "FRI"], "from": "09:00", "to": "17:00" },
                             { "days": ["SAT"], "from": "22:00", "to": "06:00" } ],
                  "holidays": ["2026-12-26", "2026-12-25"] }
                """);
            b["pauseOn"] = JsonNode.Parse("""["RESOLVED", "IN_PROGRESS"]""");
            b["warnAt"] = 0.5;
            b["active"] = false;
        });

        var created = await CreatePolicy(admin, body);

        Assert.Equal([TicketPriority.High, TicketPriority.Urgent], created.Match.Priorities!);
        Assert.Equal([category.Id], created.Match.CategoryIds!);
        Assert.Equal(new SlaTargets("PT10S", null, "PT4H"), created.Targets);
        Assert.Equal("Europe/Berlin", created.Calendar.TimeZone);
        Assert.Equal(["09:00-17:00", "22:00-06:00"], created.Calendar.Hours!.Select(h => $"{h.From}-{h.To}"));
        Assert.Equal([new DateOnly(2026, 12, 25), new DateOnly(2026, 12, 26)], created.Calendar.Holidays);
        Assert.Equal([TicketStatus.Resolved, TicketStatus.InProgress], created.PauseOn);
        Assert.Equal((0.5, false), (created.WarnAt, created.Active));
        AssertSame(created, await (await admin.Client.GetAsync($"{Policies}/{created.Id}")).Read<SlaPolicyView>());
    }

    public static TheoryData<string, string, string> BadValues => new()
    {
        // JSON path to replace, its new value, the field the 400 must name
        { "name", "\"x\"", "name" },
        { "targets", "{}", "targets" },
        { "targets.firstResponse", "\"4 hours\"", "targets.firstResponse" },
        { "targets.firstResponse", "\"PT0S\"", "targets.firstResponse" },
        { "targets.firstResponse", "\"-PT1H\"", "targets.firstResponse" },
        { "targets.resolution", "\"P1M\"", "targets.resolution" },
        { "targets.nextResponse", "\"P400D\"", "targets.nextResponse" },
        { "calendar.timeZone", "\"Mars/Olympus_Mons\"", "calendar.timeZone" },
        { "calendar.timeZone", "\"+02:00\"", "calendar.timeZone" },
        { "calendar", """{ "hours": null }""", "calendar.timeZone" },
        { "calendar.hours", "[]", "calendar.hours" },
        { "calendar.hours", "[null]", "calendar.hours[0]" },
        { "calendar.hours", """[{ "from": "09:00", "to": "17:00" }]""", "calendar.hours[0].days" },
        { "calendar.hours", """[{ "days": [], "from": "09:00", "to": "17:00" }]""", "calendar.hours[0].days" },
        { "calendar.hours", """[{ "days": ["MON"], "from": "9am", "to": "17:00" }]""", "calendar.hours[0].from" },
        { "calendar.hours", """[{ "days": ["MON"], "from": "09:00", "to": "25:00" }]""", "calendar.hours[0].to" },
        { "calendar.hours", """[{ "days": ["MON"], "from": "24:00", "to": "06:00" }]""", "calendar.hours[0].from" },
        { "calendar.hours", """[{ "days": ["MON"], "from": "09:00", "to": "09:00" }]""", "calendar.hours[0].to" },
        { "calendar.hours", """[{ "days": ["MON"], "from": "09:00", "to": "17:00" }, { "days": ["MON"], "from": "16:00", "to": "18:00" }]""", "calendar.hours[1]" },
        { "calendar.hours", """[{ "days": ["SUN"], "from": "22:00", "to": "06:00" }, { "days": ["MON"], "from": "05:00", "to": "07:00" }]""", "calendar.hours[1]" },
        { "warnAt", "0", "warnAt" },
        { "warnAt", "1", "warnAt" },
        { "warnAt", "1.5", "warnAt" },
        { "match.priorities", "[]", "match.priorities" },
        { "match.categoryIds", "[\"00000000-0000-0000-0000-000000000001\"]", "match.categoryIds" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Create_refuses_every_bad_value_naming_its_field_and_stores_nothing(string path, string value, string field)
    {
        var admin = await NewAdmin();
        var name = UniqueName();
        var body = Body(path == "name" ? null : name, b => Set(b, path, value));

        var response = await Send(admin, HttpMethod.Post, Policies, body);

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), field);
        Assert.DoesNotContain(await ListAll(admin), p => p.Name == name);
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task Edit_refuses_every_bad_value_naming_its_field_and_changes_nothing(string path, string value, string field)
    {
        var admin = await NewAdmin();
        var before = await CreatePolicy(admin);
        var body = new JsonObject();
        var top = path.Split('.')[0];
        body[top] = path.Contains('.') ? Body()[top]!.DeepClone() : null;
        Set(body, path, value);

        var response = await Send(admin, HttpMethod.Patch, $"{Policies}/{before.Id}", body);

        AssertNames(await response.Problem(HttpStatusCode.BadRequest, "VALIDATION"), field);
        AssertSame(before, await (await admin.Client.GetAsync($"{Policies}/{before.Id}")).Read<SlaPolicyView>());
    }

    [Fact]
    public async Task Edit_changes_the_given_fields_and_leaves_the_others()
    {
        var admin = await NewAdmin();
        var before = await CreatePolicy(admin);

        var response = await Send(admin, HttpMethod.Patch, $"{Policies}/{before.Id}", JsonNode.Parse("""{ "warnAt": 0.9, "targets": { "resolution": "PT8H" } }""")!);

        var after = await response.Read<SlaPolicyView>();
        AssertSame(before with { WarnAt = 0.9, Targets = new SlaTargets(null, null, "PT8H") }, after);
        AssertSame(after, await (await admin.Client.GetAsync($"{Policies}/{before.Id}")).Read<SlaPolicyView>());
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000001")]
    [InlineData("not-a-uuid")]
    public async Task An_unknown_or_malformed_id_is_not_found(string id)
    {
        var admin = await NewAdmin();

        await (await admin.Client.GetAsync($"{Policies}/{id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await admin.Client.PatchJson($"{Policies}/{id}", new { warnAt = 0.5 })).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        await (await admin.Client.DeleteAsync($"{Policies}/{id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Delete_removes_the_policy()
    {
        var admin = await NewAdmin();
        var policy = await CreatePolicy(admin);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.Client.DeleteAsync($"{Policies}/{policy.Id}")).StatusCode);

        await (await admin.Client.GetAsync($"{Policies}/{policy.Id}")).Problem(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.DoesNotContain(await ListAll(admin), p => p.Id == policy.Id);
    }

    [Fact]
    public async Task Staff_read_the_policies_and_only_an_admin_writes_them()
    {
        var admin = await NewAdmin();
        var agent = await NewAgent(admin);
        var user = await NewUser();
        var policy = await CreatePolicy(admin);

        AssertSame(policy, await (await agent.Client.GetAsync($"{Policies}/{policy.Id}")).Read<SlaPolicyView>());
        Assert.Contains(await ListAll(agent), p => p.Id == policy.Id);
        await (await Send(agent, HttpMethod.Post, Policies, Body())).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await agent.Client.PatchJson($"{Policies}/{policy.Id}", new { warnAt = 0.5 })).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await agent.Client.DeleteAsync($"{Policies}/{policy.Id}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await user.Client.GetAsync(Policies)).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await user.Client.GetAsync($"{Policies}/{policy.Id}")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        AssertSame(policy, await (await admin.Client.GetAsync($"{Policies}/{policy.Id}")).Read<SlaPolicyView>());
    }

    /// <summary>Replaces the value at a dotted path of <paramref name="body"/>.</summary>
    private static void Set(JsonObject body, string path, string value)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(body, (node, part) => node[part]!.AsObject());
        parent[parts[^1]] = JsonNode.Parse(value);
    }
}

[Collection(nameof(SqlitePolicyApi))]
public sealed class SqliteSlaPolicyWriteTests(SqlitePolicyApi fixture) : SlaPolicyWriteTests(fixture);

[Collection(nameof(PostgresPolicyApi))]
public sealed class PostgresSlaPolicyWriteTests(PostgresPolicyApi fixture) : SlaPolicyWriteTests(fixture);
