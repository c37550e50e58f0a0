using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>
/// Calls every operation of the API the way a client would, with the refusals a client meets most (400, 401, 403,
/// 404, 409, 304, 412), on fresh users of one service. It checks nothing itself: the recorded exchanges are measured
/// against the document afterwards.
/// </summary>
internal sealed class ContractScenario(Func<string?, string?, HttpClient> clients)
{
    private sealed record Caller(HttpClient Client, string Id);

    public async Task Run()
    {
        var admin = await NewCaller("ADMIN");
        var agent = await NewCaller();
        var requester = await NewCaller();
        var outsider = await NewCaller();
        var guests = new[] { await NewCaller(), await NewCaller(), await NewCaller() };
        await Send(admin, HttpMethod.Patch, $"/api/users/{agent.Id}/role", new { role = "AGENT" });

        await Users(admin, agent, requester, guests[2]);
        var categoryId = await Categories(admin, requester);
        await SlaPolicies(admin, agent, requester, categoryId);
        var number = await Tickets(admin, agent, requester, outsider, categoryId);
        await Participants(requester, guests[0], number);
        await Invitations(requester, guests, number);
        await Messages(requester, agent, number);
        await Events(admin, requester, number);
        await Webhooks(admin);
        await Anonymous();
        await Send(admin, HttpMethod.Delete, $"/api/tickets/{number}");
        await Send(admin, HttpMethod.Post, $"/api/tickets/{number}/restore");
    }

    private async Task Users(Caller admin, Caller agent, Caller user, Caller spare)
    {
        await Send(user, HttpMethod.Patch, "/api/users/me", new { name = "Contract Requester" });
        await Send(user, HttpMethod.Patch, "/api/users/me", new { name = "" });
        await Send(admin, HttpMethod.Get, "/api/users?limit=5&includeTotal=true");
        await Send(admin, HttpMethod.Get, "/api/users?role=NOBODY");
        await Send(user, HttpMethod.Get, "/api/users");
        await Send(agent, HttpMethod.Get, "/api/users/agents");
        await Send(user, HttpMethod.Get, "/api/users/search?q=Contract");
        await Send(user, HttpMethod.Get, "/api/users/search?q=x");
        await Send(admin, HttpMethod.Get, $"/api/users/{user.Id}");
        await Send(agent, HttpMethod.Get, $"/api/users/{user.Id}");
        await Send(admin, HttpMethod.Get, $"/api/users/{Guid.NewGuid()}");
        await Send(admin, HttpMethod.Post, $"/api/users/{spare.Id}/deactivate");
        await Send(admin, HttpMethod.Post, $"/api/users/{spare.Id}/activate");
        await Send(admin, HttpMethod.Post, $"/api/users/{admin.Id}/deactivate");
    }

    private async Task<string> Categories(Caller admin, Caller user)
    {
        var id = Id(await Send(admin, HttpMethod.Post, "/api/categories", new { name = "Contract hardware", description = "Printers" }));
        var unused = Id(await Send(admin, HttpMethod.Post, "/api/categories", new { name = "Contract unused" }));
        await Send(admin, HttpMethod.Post, "/api/categories", new { name = "x" });
        await Send(user, HttpMethod.Post, "/api/categories", new { name = "Not mine to add" });
        await Send(user, HttpMethod.Get, "/api/categories");
        var all = await Send(admin, HttpMethod.Get, "/api/categories/all");
        await Send(user, HttpMethod.Get, $"/api/categories/{id}");
        await Send(admin, HttpMethod.Patch, $"/api/categories/{id}", new { description = "Printers and screens" });
        await Send(admin, HttpMethod.Post, $"/api/categories/{unused}/deactivate");
        await Send(admin, HttpMethod.Post, $"/api/categories/{unused}/activate");
        var ids = all!["items"]!.AsArray().Select(c => (string)c!["id"]!).Reverse().ToArray();
        await Send(admin, HttpMethod.Put, "/api/categories/order", new { ids });
        await Send(admin, HttpMethod.Put, "/api/categories/order", new { ids = ids.Take(1) });
        await Send(admin, HttpMethod.Delete, $"/api/categories/{unused}");
        await Send(admin, HttpMethod.Delete, $"/api/categories/{Guid.NewGuid()}");
        return id;
    }

    private async Task SlaPolicies(Caller admin, Caller agent, Caller user, string categoryId)
    {
        var office = new
        {
            name = "Contract office hours",
            match = new { priorities = new[] { "HIGH", "URGENT" }, categoryIds = new[] { categoryId } },
            targets = new { firstResponse = "PT4H", nextResponse = "PT8H", resolution = "P5D" },
            calendar = new
            {
                timeZone = "Europe/Berlin",
                hours = new[] { new { days = new[] { "MON", "TUE", "WED", "THU", "FRI" }, from = "09:00", to = "17:00" } },
                holidays = new[] { "2026-12-25" },
            },
            pauseOn = new[] { "RESOLVED" },
            warnAt = 0.8,
        };
        var id = Id(await Send(admin, HttpMethod.Post, "/api/sla/policies", office));
        var spare = Id(await Send(admin, HttpMethod.Post, "/api/sla/policies", new { name = "Contract 24x7", targets = new { firstResponse = "PT10S" } }));
        await Send(admin, HttpMethod.Post, "/api/sla/policies", new { name = "Contract bad", targets = new { firstResponse = "4 hours" } });
        await Send(agent, HttpMethod.Post, "/api/sla/policies", new { name = "Not mine to add", targets = new { firstResponse = "PT1H" } });
        await Send(user, HttpMethod.Get, "/api/sla/policies");
        var all = await Send(agent, HttpMethod.Get, "/api/sla/policies?limit=100");
        await Send(agent, HttpMethod.Get, $"/api/sla/policies/{id}");
        await Send(admin, HttpMethod.Patch, $"/api/sla/policies/{id}", new { warnAt = 0.9, active = false });
        await Send(admin, HttpMethod.Patch, $"/api/sla/policies/{id}", new { warnAt = 2 });
        var ids = all!["items"]!.AsArray().Select(p => (string)p!["id"]!).Reverse().ToArray();
        await Send(admin, HttpMethod.Put, "/api/sla/policies/order", new { ids });
        await Send(admin, HttpMethod.Put, "/api/sla/policies/order", new { ids = ids.Take(1) });
        await Send(admin, HttpMethod.Delete, $"/api/sla/policies/{spare}");
        await Send(admin, HttpMethod.Delete, $"/api/sla/policies/{Guid.NewGuid()}");
    }

    private async Task<string> Tickets(Caller admin, Caller agent, Caller requester, Caller outsider, string categoryId)
    {
        var ticket = await Send(requester, HttpMethod.Post, "/api/tickets", new { title = "Printer on fire", description = "It burns.", priority = "HIGH", categoryId });
        var number = (string)ticket!["number"]!;
        await Send(requester, HttpMethod.Post, "/api/tickets", new { title = "x", description = "" });
        await Send(requester, HttpMethod.Post, "/api/tickets", new { title = "Bad priority", description = "Numbers are not priorities.", priority = 2 });
        await Send(requester, HttpMethod.Get, "/api/tickets?limit=2&includeTotal=true&sort=-priority&status=OPEN");
        await Send(requester, HttpMethod.Get, "/api/tickets?q=printer");
        await Send(requester, HttpMethod.Get, "/api/tickets?limit=1000");
        await Send(agent, HttpMethod.Get, "/api/tickets/unassigned");
        await Send(requester, HttpMethod.Get, "/api/tickets/assigned");
        await Send(requester, HttpMethod.Get, "/api/tickets/stats");
        var read = await SendRaw(requester, HttpMethod.Get, $"/api/tickets/{number}");
        await SendRaw(requester, HttpMethod.Get, $"/api/tickets/{number}", ifNoneMatch: read.Headers.ETag);
        await Send(outsider, HttpMethod.Get, $"/api/tickets/{number}");
        await Send(requester, HttpMethod.Get, "/api/tickets/TCK-2026-99999");
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/permissions");
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}", new { title = "Printer still on fire" });
        await SendRaw(requester, HttpMethod.Patch, $"/api/tickets/{number}", new { title = "Stale" }, ifMatch: read.Headers.ETag);
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/priority", new { priority = "URGENT" });
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/category", new { categoryId = (string?)null });
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/category", new { categoryId = Guid.NewGuid() });
        await Send(agent, HttpMethod.Patch, $"/api/tickets/{number}/assignee", new { assigneeId = agent.Id });
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/assignee", new { assigneeId = agent.Id });
        await Send(agent, HttpMethod.Delete, $"/api/tickets/{number}/assignee");
        await Send(agent, HttpMethod.Post, $"/api/tickets/{number}/claim");
        await Send(agent, HttpMethod.Get, $"/api/tickets/{number}/sla");
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/sla");
        await Send(outsider, HttpMethod.Get, $"/api/tickets/{number}/sla");
        await Send(agent, HttpMethod.Get, "/api/tickets?sort=slaDueAt&slaState=RUNNING&includeTotal=true");
        await Send(requester, HttpMethod.Get, "/api/tickets?slaState=BREACHED");
        await Send(agent, HttpMethod.Get, "/api/tickets/stats");
        await Send(agent, HttpMethod.Get, $"/api/tickets/{number}");
        await Send(agent, HttpMethod.Patch, $"/api/tickets/{number}/locks", new { priorityLocked = true });
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/priority", new { priority = "LOW" });
        await Send(agent, HttpMethod.Patch, $"/api/tickets/{number}/status", new { status = "IN_PROGRESS" });
        await Send(agent, HttpMethod.Patch, $"/api/tickets/{number}/status", new { status = "IN_PROGRESS" });
        await Send(agent, HttpMethod.Patch, $"/api/tickets/{number}/status", new { status = "RESOLVED", reason = "Extinguished" });
        await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/reopen", new { reason = "Burning again" });
        await Send(agent, HttpMethod.Post, $"/api/tickets/{number}/reopen", new { reason = "Burning again" });
        await Send(requester, HttpMethod.Delete, $"/api/tickets/{number}");
        return number;
    }

    private async Task Participants(Caller requester, Caller guest, string number)
    {
        await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/participants", new { userId = guest.Id, canEdit = false, canComment = true });
        await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/participants", new { userId = Guid.NewGuid() });
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/participants?limit=10&includeTotal=true");
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/participants/{guest.Id}", new { canEdit = true });
        await Send(requester, HttpMethod.Delete, $"/api/tickets/{number}/participants/{requester.Id}");
        await Send(requester, HttpMethod.Delete, $"/api/tickets/{number}/participants/{guest.Id}");
    }

    private async Task Invitations(Caller requester, Caller[] guests, string number)
    {
        var ids = new List<string>();
        foreach (var guest in guests)
        {
            ids.Add(Id(await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/invitations", new { inviteeId = guest.Id, canEdit = false, canComment = true, message = "Join us" })));
        }

        await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/invitations", new { inviteeId = guests[0].Id });
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/invitations?status=PENDING");
        await Send(guests[0], HttpMethod.Get, "/api/invitations/mine");
        await Send(guests[0], HttpMethod.Get, $"/api/invitations/{ids[0]}");
        await Send(requester, HttpMethod.Post, $"/api/invitations/{ids[0]}/accept");
        await Send(guests[0], HttpMethod.Post, $"/api/invitations/{ids[0]}/accept");
        await Send(guests[1], HttpMethod.Post, $"/api/invitations/{ids[1]}/decline");
        await Send(requester, HttpMethod.Post, $"/api/invitations/{ids[2]}/cancel");
        await Send(guests[2], HttpMethod.Post, $"/api/invitations/{ids[2]}/accept");
        await Send(guests[2], HttpMethod.Get, $"/api/invitations/{Guid.NewGuid()}");
    }

    private async Task Messages(Caller requester, Caller agent, string number)
    {
        var message = Id(await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/messages", new { content = "It smells of toner." }));
        await Send(agent, HttpMethod.Post, $"/api/tickets/{number}/messages", new { content = "Staff only", visibility = "INTERNAL" });
        await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/messages", new { content = "Sneaky", visibility = "INTERNAL" });
        await Send(requester, HttpMethod.Post, $"/api/tickets/{number}/messages", new { content = "" });
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/messages?limit=10");
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/messages/{message}");
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/messages/{Guid.NewGuid()}");
        await Send(requester, HttpMethod.Patch, $"/api/tickets/{number}/messages/{message}", new { content = "It smells of burnt toner." });
        await Send(agent, HttpMethod.Patch, $"/api/tickets/{number}/messages/{message}", new { content = "Not my message" });
        await Send(agent, HttpMethod.Get, $"/api/tickets/{number}/messages/unread");
        await Send(agent, HttpMethod.Post, $"/api/tickets/{number}/messages/read", new { upToMessageId = message });

        var file = new ByteArrayContent("serial,state\n42,burning\n"u8.ToArray());
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/csv");
        var upload = await requester.Client.PostAsync($"/api/tickets/{number}/messages/{message}/attachments", new MultipartFormDataContent { { file, "file", "printer.csv" } });
        var attachment = Id(await upload.Content.ReadFromJsonAsync<JsonNode>());
        var refused = new ByteArrayContent([0x00, 0x01, 0x02, 0xFF]);
        await requester.Client.PostAsync($"/api/tickets/{number}/messages/{message}/attachments", new MultipartFormDataContent { { refused, "file", "blob.bin" } });
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/attachments?messageId={message}");
        await Send(requester, HttpMethod.Get, $"/api/attachments/{attachment}");
        await requester.Client.GetAsync($"/api/attachments/{attachment}/content");
        await Send(requester, HttpMethod.Delete, $"/api/attachments/{attachment}");
        await Send(requester, HttpMethod.Get, $"/api/attachments/{attachment}");
        await Send(requester, HttpMethod.Delete, $"/api/tickets/{number}/messages/{message}");
    }

    private async Task Events(Caller admin, Caller requester, string number)
    {
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/events?after=1&limit=50");
        await Send(requester, HttpMethod.Get, $"/api/tickets/{number}/events?type=NOT_A_TYPE");
        await Send(admin, HttpMethod.Get, $"/api/events?ticket={number}&type=STATUS_CHANGED");
        await Send(requester, HttpMethod.Get, "/api/events");
    }

    private async Task Webhooks(Caller admin)
    {
        var id = Id(await Send(admin, HttpMethod.Post, "/api/webhooks", new { url = "http://127.0.0.1:9/hook", events = new[] { "*" } }));
        await Send(admin, HttpMethod.Post, "/api/webhooks", new { url = "ftp://example.com", events = new[] { "*" } });
        await Send(admin, HttpMethod.Get, "/api/webhooks");
        await Send(admin, HttpMethod.Get, $"/api/webhooks/{id}");
        await Send(admin, HttpMethod.Patch, $"/api/webhooks/{id}", new { description = "Printer room" });
        await Send(admin, HttpMethod.Post, $"/api/webhooks/{id}/rotate-secret");
        await Send(admin, HttpMethod.Post, $"/api/webhooks/{id}/ping");
        await Send(admin, HttpMethod.Get, $"/api/webhooks/{id}/deliveries");
        await Send(admin, HttpMethod.Post, $"/api/webhooks/{id}/deliveries/{Guid.NewGuid()}/redeliver");
        await Send(admin, HttpMethod.Delete, $"/api/webhooks/{id}");
    }

    private async Task Anonymous()
    {
        var anonymous = clients(null, null);
        await anonymous.GetAsync("/api/tickets");
        await anonymous.GetAsync("/health/live");
        await anonymous.GetAsync("/health/ready");
    }

    private async Task<Caller> NewCaller(string? role = null)
    {
        var client = clients($"contract-{Guid.NewGuid():N}", role);
        var me = await client.GetFromJsonAsync<JsonNode>("/api/users/me", HttpJson.Options);
        return new Caller(client, (string)me!["id"]!);
    }

    private static async Task<JsonNode?> Send(Caller caller, HttpMethod method, string url, object? body = null)
    {
        var response = await SendRaw(caller, method, url, body);
        return response.Content.Headers.ContentType?.MediaType == "application/json"
            ? JsonNode.Parse(await response.Content.ReadAsStringAsync())
            : null;
    }

    private static Task<HttpResponseMessage> SendRaw(
        Caller caller, HttpMethod method, string url, object? body = null, EntityTagHeaderValue? ifMatch = null, EntityTagHeaderValue? ifNoneMatch = null,
        string? idempotencyKey = null)
    {
        var request = new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: HttpJson.Options) };
        if (idempotencyKey is not null)
        {
            request.Headers.TryAddWithoutValidation("Idempotency-Key", idempotencyKey);
        }

        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        if (ifNoneMatch is not null)
        {
            request.Headers.IfNoneMatch.Add(ifNoneMatch);
        }

        return caller.Client.SendAsync(request);
    }

    private static string Id(JsonNode? resource) => (string?)resource?["id"] ?? throw new InvalidOperationException("The scenario expected a created resource.");
}
