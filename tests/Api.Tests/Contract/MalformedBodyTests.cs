using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TicketPlatform.Api.OpenApi;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>
/// Bad input gets a clear, documented 4xx and changes nothing, on every operation that takes a JSON body: each
/// property given a value of a JSON type its schema does not allow or text that is not UTF-8, and bodies that are not
/// JSON, not an object, nested too deep or not sent as JSON. The operations come from the served document and run on
/// real resources made for the test, so a body that got past binding would reach the grains.
/// </summary>
[Collection(nameof(ContractApi))]
public sealed partial class MalformedBodyTests(ContractApi fixture)
{
    /// <summary>A value of each JSON type, by the schema types that would allow it.</summary>
    private static readonly (JsonNode Value, string[] AllowedBy)[] ValuesOfEachType =
    [
        ("x", ["string"]),
        (12, ["integer", "number"]),
        (1.5, ["number"]),
        (true, ["boolean"]),
        (new JsonArray(), ["array"]),
        (new JsonObject(), ["object"]),
    ];

    private static readonly (string MediaType, byte[] Body)[] MalformedBodies =
    [
        ("application/json", "{\"title\":"u8.ToArray()),
        ("application/json", "[]"u8.ToArray()),
        ("application/json", "\"text\""u8.ToArray()),
        ("application/json", "12"u8.ToArray()),
        ("application/json", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200))),
        ("text/plain", "{}"u8.ToArray()),
    ];

    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    [Fact]
    public async Task Every_JSON_body_of_a_wrong_shape_gets_a_documented_4xx_problem_and_changes_nothing()
    {
        var document = new ServedDocument(await fixture.Api.CreateClient().GetStringAsync(OpenApiSetup.DocumentPath));
        var operations = document.JsonBodies().ToList();
        Assert.True(operations.Count > 20, $"Only {operations.Count} operations with a JSON body in the document.");
        var adminSubject = $"malformed-{Guid.NewGuid():N}";
        var world = await Resources.Create(Client(adminSubject, "ADMIN", recorded: false), Client($"malformed-{Guid.NewGuid():N}", "USER", recorded: false));
        var before = await world.Snapshot();

        var admin = Client(adminSubject, "ADMIN", recorded: true);
        foreach (var operation in operations)
        {
            var path = world.PathOf(operation.Template);
            foreach (var (property, types) in operation.Properties.Where(p => p.Value.Length > 0))
            {
                foreach (var (wrong, _) in ValuesOfEachType.Where(v => !v.AllowedBy.Intersect(types).Any()))
                {
                    await Send(admin, operation.Method, path, "application/json",
                        Encoding.UTF8.GetBytes(new JsonObject { [property] = wrong.DeepClone() }.ToJsonString()));
                }

                await Send(admin, operation.Method, path, "application/json", [.. Encoding.UTF8.GetBytes($"{{\"{property}\":\""), 0xFF, 0xFE, .. "\"}"u8]);
            }

            foreach (var (mediaType, body) in MalformedBodies)
            {
                await Send(admin, operation.Method, path, mediaType, body);
            }
        }

        var exchanges = _exchanges.ToList();
        Assert.True(exchanges.Count > 300, $"Only {exchanges.Count} malformed requests were sent.");
        var unclear = exchanges.Where(e => e.Status is < 400 or >= 500 || e.MediaType != "application/problem+json")
            .Select(e => $"{e.Method} {e.Path}: {e.Status} {e.MediaType} {e.Body}").Distinct().ToList();
        Assert.True(unclear.Count == 0, $"{unclear.Count} answers to malformed bodies are not a 4xx problem:\n{string.Join("\n", unclear.Take(20))}");
        var undocumented = exchanges.SelectMany(document.Violations).Distinct().ToList();
        Assert.True(undocumented.Count == 0, $"{undocumented.Count} answers differ from the document:\n{string.Join("\n\n", undocumented.Take(20))}");
        Assert.Equal(before, await world.Snapshot());
    }

    private HttpClient Client(string subject, string role, bool recorded)
    {
        var client = recorded ? fixture.Api.CreateDefaultClient(new RecordedExchanges(_exchanges)) : fixture.Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Api.Token(subject, role));
        return client;
    }

    private static async Task Send(HttpClient client, string method, string path, string mediaType, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = content });
    }

    /// <summary>One of each resource an operation's path can name, made for this test, and a way to see all of them at once.</summary>
    private sealed partial record Resources(HttpClient Admin, string Ticket, string Message, string Category, string Policy, string Webhook, string Invitation, string User)
    {
        public static async Task<Resources> Create(HttpClient admin, HttpClient user)
        {
            var guest = Id(await Json(await user.GetAsync("/api/users/me")));
            var opened = await admin.PostAsJsonAsync("/api/tickets", new { title = "Malformed input", description = "Nothing may change.", priority = "HIGH" });
            var ticket = (string)(await Json(opened))!["number"]!;
            var policy = new { name = $"Malformed {Guid.NewGuid():N}", match = new { priorities = new[] { "LOW" } }, targets = new { resolution = "P5D" } };
            return new Resources(
                admin,
                ticket,
                Id(await Json(await admin.PostAsJsonAsync($"/api/tickets/{ticket}/messages", new { content = "Unchanged" }))),
                Id(await Json(await admin.PostAsJsonAsync("/api/categories", new { name = $"Malformed {Guid.NewGuid():N}" }))),
                Id(await Json(await admin.PostAsJsonAsync("/api/sla/policies", policy))),
                Id(await Json(await admin.PostAsJsonAsync("/api/webhooks", new { url = "http://127.0.0.1:9/malformed", events = new[] { "TICKET_ARCHIVED" } }))),
                Id(await Json(await admin.PostAsJsonAsync($"/api/tickets/{ticket}/invitations", new { inviteeId = guest }))),
                guest);
        }

        /// <summary>The template with each parameter replaced by the resource of that name here, by the segment before it.</summary>
        public string PathOf(string template) => Parameter().Replace(template, match => (match.Groups["owner"].Value, match.Groups["name"].Value) switch
        {
            (var owner, "number") => owner + "/" + Ticket,
            ("messages", _) => "messages/" + Message,
            ("categories", _) => "categories/" + Category,
            ("policies", _) => "policies/" + Policy,
            ("webhooks", _) => "webhooks/" + Webhook,
            ("invitations", _) => "invitations/" + Invitation,
            (var owner and ("users" or "participants"), _) => owner + "/" + User,
            (var owner, _) => owner + "/" + Guid.NewGuid(),
        });

        public async Task<string> Snapshot() => string.Join("\n", await Task.WhenAll(
            new[]
            {
                $"/api/tickets/{Ticket}", $"/api/tickets/{Ticket}/messages", $"/api/tickets/{Ticket}/participants", $"/api/tickets/{Ticket}/invitations",
                $"/api/tickets/{Ticket}/events", $"/api/categories/{Category}", "/api/categories/all", $"/api/sla/policies/{Policy}",
                $"/api/webhooks/{Webhook}", $"/api/invitations/{Invitation}", $"/api/users/{User}", "/api/users/me",
            }.Select(Admin.GetStringAsync)));

        private static async Task<JsonNode?> Json(HttpResponseMessage response)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri}: {(int)response.StatusCode} {body}");
            return JsonNode.Parse(body);
        }

        private static string Id(JsonNode? resource) => (string)resource!["id"]!;

        [GeneratedRegex(@"(?<owner>[^/]+)/\{(?<name>\w+)\}")]
        private static partial Regex Parameter();
    }
}
