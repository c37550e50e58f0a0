using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Sla;

namespace TicketPlatform.Api.Tests.Sla;

/// <summary>Helpers of the SLA policy tests. Names carry a Guid so that tests sharing a database never collide.</summary>
public abstract class SlaPolicyTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected const string Policies = "/api/sla/policies";

    protected static string UniqueName(string prefix = "Policy") => $"{prefix} {Guid.NewGuid():N}";

    /// <summary>A valid body: urgent tickets, 10 seconds to a first response, around the clock; <paramref name="change"/> edits it.</summary>
    protected static JsonObject Body(string? name = null, Action<JsonObject>? change = null)
    {
        var body = JsonNode.Parse(
            $$"""
            {
              "name": "{{name ?? UniqueName()}}",
              "match": { "priorities": ["URGENT"], "categoryIds": null },
              "targets": { "firstResponse": "PT10S", "nextResponse": null, "resolution": "PT4H" },
              "calendar": { "timeZone": "UTC", "hours": null, "holidays": [] }
            }
            """)!.AsObject();
        change?.Invoke(body);
        return body;
    }

    protected static Task<HttpResponseMessage> Send(TestUser caller, HttpMethod method, string url, JsonNode body) =>
        caller.Client.SendAsync(new HttpRequestMessage(method, url) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") });

    protected static async Task<SlaPolicyView> CreatePolicy(TestUser admin, JsonObject? body = null) =>
        await (await Send(admin, HttpMethod.Post, Policies, body ?? Body())).Read<SlaPolicyView>(HttpStatusCode.Created);

    /// <summary>The whole list, every page of it.</summary>
    protected static async Task<SlaPolicyView[]> ListAll(TestUser caller) =>
        [.. (await ListWalk.All(caller.Client, Policies)).Items.Select(item => item.Deserialize<SlaPolicyView>(HttpJson.Options)!)];

    protected static Task<HttpResponseMessage> Reorder(TestUser admin, IEnumerable<Guid> ids) =>
        admin.Client.PutAsJsonAsync($"{Policies}/order", new { ids }, HttpJson.Options);

    protected static void AssertNames(JsonObject problem, string field) => Assert.True(
        problem["errors"]?.AsObject().ContainsKey(field) == true, $"Expected an error naming '{field}': {problem.ToJsonString()}");

    /// <summary>Records compare arrays by reference; this compares what the API shows.</summary>
    protected static void AssertSame(SlaPolicyView expected, SlaPolicyView actual) =>
        Assert.Equal(JsonSerializer.Serialize(expected, HttpJson.Options), JsonSerializer.Serialize(actual, HttpJson.Options));
}
