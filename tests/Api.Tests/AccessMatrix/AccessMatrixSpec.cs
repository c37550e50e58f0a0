using System.Net.Http.Json;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.AccessMatrix;

/// <summary>
/// THE SPEC: every endpoint of the API × every kind of caller → the expected status. Columns, in order:
/// anonymous, inactive, stranger USER, requester, participant (no flags, canEdit, canComment, both), invited, AGENT, ADMIN.
/// </summary>
public static class AccessMatrixSpec
{
    private const int Ok = 200;
    private const int Created = 201;
    private const int NoContent = 204;

    public static IReadOnlyList<MatrixRow> Rows { get; } =
    [
        // Tickets (1–18)
        new("POST /api/tickets", AnyUser(Created), (s, c) => c.PostJson("/api/tickets", new { title = "New ticket", description = "d" })),
        new("GET /api/tickets", AnyUser(Ok), (s, c) => c.GetAsync("/api/tickets"), Mutates: false),
        new("GET /api/tickets/assigned", StaffOnly(Ok), (s, c) => c.GetAsync("/api/tickets/assigned"), Mutates: false),
        new("GET /api/tickets/unassigned", StaffOnly(Ok), (s, c) => c.GetAsync("/api/tickets/unassigned"), Mutates: false),
        new("GET /api/tickets/stats", AnyUser(Ok), (s, c) => c.GetAsync("/api/tickets/stats"), Mutates: false),
        new("GET /api/tickets/{number}", TicketRead, (s, c) => c.GetAsync(s.Ticket), Mutates: false),
        new("GET /api/tickets/{number}/permissions", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/permissions"), Mutates: false),
        new("PATCH /api/tickets/{number}", TicketEdit(Ok), (s, c) => c.PatchJson(s.Ticket, new { title = "Edited title" })),
        new("PATCH /api/tickets/{number}/status", TicketEdit(Ok), (s, c) => c.PatchJson($"{s.Ticket}/status", new { status = "CLOSED" })),
        new("POST /api/tickets/{number}/reopen", TicketStaff(Ok), (s, c) => c.PostJson($"{s.Ticket}/reopen", new { }), Prepare: Resolve),
        new("PATCH /api/tickets/{number}/priority", TicketEdit(Ok), (s, c) => c.PatchJson($"{s.Ticket}/priority", new { priority = "URGENT" })),
        new("PATCH /api/tickets/{number}/category", TicketEdit(Ok), (s, c) => c.PatchJson($"{s.Ticket}/category", new { categoryId = (Guid?)null })),
        new("PATCH /api/tickets/{number}/assignee", TicketStaff(Ok), (s, c) => c.PatchJson($"{s.Ticket}/assignee", new { assigneeId = s.Admin.Id })),
        new("POST /api/tickets/{number}/claim", TicketStaff(Ok), (s, c) => c.PostAsync($"{s.Ticket}/claim", null)),
        new("DELETE /api/tickets/{number}/assignee", TicketStaff(Ok), (s, c) => c.DeleteAsync($"{s.Ticket}/assignee")),
        new("PATCH /api/tickets/{number}/locks", TicketStaff(Ok), (s, c) => c.PatchJson($"{s.Ticket}/locks", new { priorityLocked = true })),
        new("DELETE /api/tickets/{number}", TicketAdmin(NoContent), (s, c) => c.DeleteAsync(s.Ticket)),
        new("POST /api/tickets/{number}/restore", TicketAdmin(Ok), (s, c) => c.PostAsync($"{s.Ticket}/restore", null), Prepare: Archive),

        // Participants (19–22)
        new("GET /api/tickets/{number}/participants", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/participants"), Mutates: false),
        new("POST /api/tickets/{number}/participants", TicketManage(Created), async (s, c) => await c.PostJson($"{s.Ticket}/participants", new { userId = (await s.Callers.NewUser()).Id })),
        new("PATCH /api/tickets/{number}/participants/{userId}", TicketManage(Ok), (s, c) => c.PatchJson($"{s.Ticket}/participants/{s.Callers[Caller.ParticipantNoFlags].Id}", new { canEdit = true })),
        new("DELETE /api/tickets/{number}/participants/{userId}", [401, 403, 404, NoContent, 403, 403, 403, NoContent, 404, NoContent, NoContent],
            (s, c) => c.DeleteAsync($"{s.Ticket}/participants/{s.Callers[Caller.ParticipantBothFlags].Id}")),

        // Invitations (23–29)
        new("POST /api/tickets/{number}/invitations", [401, 403, 404, Created, 403, Created, 403, Created, 404, Created, Created],
            async (s, c) => await c.PostJson($"{s.Ticket}/invitations", new { inviteeId = (await s.Callers.NewUser()).Id, canEdit = false, canComment = true })),
        new("GET /api/tickets/{number}/invitations", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/invitations"), Mutates: false),
        new("GET /api/invitations/mine", AnyUser(Ok), (s, c) => c.GetAsync("/api/invitations/mine"), Mutates: false),
        new("GET /api/invitations/{id}", [401, 403, 404, Ok, Ok, Ok, Ok, Ok, Ok, Ok, Ok], (s, c) => c.GetAsync($"/api/invitations/{s.InvitationId}"), Mutates: false),
        new("POST /api/invitations/{id}/accept", InviteeOnly, (s, c) => c.PostAsync($"/api/invitations/{s.InvitationId}/accept", null)),
        new("POST /api/invitations/{id}/decline", InviteeOnly, (s, c) => c.PostAsync($"/api/invitations/{s.InvitationId}/decline", null)),
        new("POST /api/invitations/{id}/cancel", [401, 403, 404, Ok, 403, 403, 403, 403, 403, Ok, Ok], (s, c) => c.PostAsync($"/api/invitations/{s.InvitationId}/cancel", null)),

        // Messages (30–36)
        new("GET /api/tickets/{number}/messages", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/messages"), Mutates: false),
        new("GET /api/tickets/{number}/messages/{id}", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/messages/{s.MessageId}"), Prepare: PostMessage, Mutates: false),
        new("POST /api/tickets/{number}/messages", [401, 403, 404, Created, 403, 403, Created, Created, 404, Created, Created],
            (s, c) => c.PostJson($"{s.Ticket}/messages", new { content = "Hello" })),
        new("PATCH /api/tickets/{number}/messages/{id}", [401, 403, 404, Ok, 403, 403, 403, 403, 404, 403, 403],
            (s, c) => c.PatchJson($"{s.Ticket}/messages/{s.MessageId}", new { content = "Edited" }), Prepare: PostMessage),
        new("DELETE /api/tickets/{number}/messages/{id}", [401, 403, 404, NoContent, 403, 403, 403, 403, 404, 403, NoContent],
            (s, c) => c.DeleteAsync($"{s.Ticket}/messages/{s.MessageId}"), Prepare: PostMessage),
        new("POST /api/tickets/{number}/messages/read", [401, 403, 404, NoContent, NoContent, NoContent, NoContent, NoContent, 404, NoContent, NoContent],
            (s, c) => c.PostJson($"{s.Ticket}/messages/read", new { upToMessageId = s.MessageId }), Prepare: PostMessage),
        new("GET /api/tickets/{number}/messages/unread", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/messages/unread"), Mutates: false),

        // Attachments (37–41)
        new("POST /api/tickets/{number}/messages/{messageId}/attachments", [401, 403, 404, Created, 403, 403, 403, 403, 404, Created, Created],
            (s, c) => c.PostAsync($"{s.Ticket}/messages/{s.MessageId}/attachments", PdfForm()), Prepare: PostMessage),
        new("GET /api/tickets/{number}/attachments", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/attachments"), Mutates: false),
        new("GET /api/attachments/{id}", TicketRead, (s, c) => c.GetAsync($"/api/attachments/{s.AttachmentId}"), Prepare: Attach, Mutates: false),
        new("GET /api/attachments/{id}/content", TicketRead, (s, c) => c.GetAsync($"/api/attachments/{s.AttachmentId}/content"), Prepare: Attach, Mutates: false),
        new("DELETE /api/attachments/{id}", [401, 403, 404, NoContent, 403, 403, 403, 403, 404, NoContent, NoContent],
            (s, c) => c.DeleteAsync($"/api/attachments/{s.AttachmentId}"), Prepare: Attach),

        // Events (42–43)
        new("GET /api/tickets/{number}/events", TicketRead, (s, c) => c.GetAsync($"{s.Ticket}/events"), Mutates: false),
        new("GET /api/events", AdminOnly(Ok), (s, c) => c.GetAsync("/api/events"), Mutates: false),

        // Categories (44–52)
        new("GET /api/categories", AnyUser(Ok), (s, c) => c.GetAsync("/api/categories"), Mutates: false),
        new("GET /api/categories/all", AdminOnly(Ok), (s, c) => c.GetAsync("/api/categories/all"), Mutates: false),
        new("GET /api/categories/{id}", AnyUser(Ok), async (s, c) => await c.GetAsync($"/api/categories/{await NewCategory(s)}")),
        new("POST /api/categories", AdminOnly(Created), (s, c) => c.PostJson("/api/categories", new { name = UniqueName() })),
        new("PATCH /api/categories/{id}", AdminOnly(Ok), async (s, c) => await c.PatchJson($"/api/categories/{await NewCategory(s)}", new { description = "Changed" })),
        new("POST /api/categories/{id}/activate", AdminOnly(Ok), async (s, c) => await c.PostAsync($"/api/categories/{await NewCategory(s)}/activate", null)),
        new("POST /api/categories/{id}/deactivate", AdminOnly(Ok), async (s, c) => await c.PostAsync($"/api/categories/{await NewCategory(s)}/deactivate", null)),
        new("PUT /api/categories/order", AdminOnly(Ok), async (s, c) => await c.PutAsJsonAsync("/api/categories/order", new { ids = await AllCategoryIds(s) }, HttpJson.Options)),
        new("DELETE /api/categories/{id}", AdminOnly(NoContent), async (s, c) => await c.DeleteAsync($"/api/categories/{await NewCategory(s)}")),

        // Users (53–61)
        new("GET /api/users/me", AnyUser(Ok), (s, c) => c.GetAsync("/api/users/me"), Mutates: false),
        new("PATCH /api/users/me", AnyUser(Ok), (s, c) => c.PatchJson("/api/users/me", new { name = "Matrix Name" })),
        new("GET /api/users", AdminOnly(Ok), (s, c) => c.GetAsync("/api/users"), Mutates: false),
        new("GET /api/users/agents", StaffOnly(Ok), (s, c) => c.GetAsync("/api/users/agents"), Mutates: false),
        new("GET /api/users/search", AnyUser(Ok), (s, c) => c.GetAsync("/api/users/search?q=us"), Mutates: false),
        new("GET /api/users/{id}", StaffOnly(Ok), (s, c) => c.GetAsync($"/api/users/{s.Callers[Caller.Requester].Id}"), Mutates: false),
        new("PATCH /api/users/{id}/role", AdminOnly(Ok), async (s, c) => await c.PatchJson($"/api/users/{(await s.Callers.NewUser()).Id}/role", new { role = "AGENT" })),
        new("POST /api/users/{id}/activate", AdminOnly(Ok), async (s, c) => await c.PostAsync($"/api/users/{(await s.Callers.NewUser()).Id}/activate", null)),
        new("POST /api/users/{id}/deactivate", AdminOnly(Ok), async (s, c) => await c.PostAsync($"/api/users/{(await s.Callers.NewUser()).Id}/deactivate", null)),

        // SLA policies (Part 2)
        new("GET /api/sla/policies", StaffOnly(Ok), (s, c) => c.GetAsync("/api/sla/policies"), Mutates: false),
        new("POST /api/sla/policies", AdminOnly(Created), (s, c) => c.PostJson("/api/sla/policies", NewPolicyBody())),
        new("GET /api/sla/policies/{id}", StaffOnly(Ok), async (s, c) => await c.GetAsync($"/api/sla/policies/{await NewPolicy(s)}")),
        new("PATCH /api/sla/policies/{id}", AdminOnly(Ok), async (s, c) => await c.PatchJson($"/api/sla/policies/{await NewPolicy(s)}", new { warnAt = 0.5 })),
        new("DELETE /api/sla/policies/{id}", AdminOnly(NoContent), async (s, c) => await c.DeleteAsync($"/api/sla/policies/{await NewPolicy(s)}")),
        new("PUT /api/sla/policies/order", AdminOnly(Ok), async (s, c) => await c.PutAsJsonAsync("/api/sla/policies/order", new { ids = await AllPolicyIds(s) }, HttpJson.Options)),
        new("GET /api/tickets/{number}/sla", TicketStaff(Ok), (s, c) => c.GetAsync($"{s.Ticket}/sla"), Mutates: false),

        // The API's own description, public
        new("GET /api/docs/{documentName}/openapi.json", Everyone(Ok), (s, c) => c.GetAsync("/api/docs/v1/openapi.json"), Mutates: false),
    ];

    private static int[] Everyone(int ok) => [.. Enumerable.Repeat(ok, Enum.GetValues<Caller>().Length)];

    private static int[] AnyUser(int ok) => [401, 403, ok, ok, ok, ok, ok, ok, ok, ok, ok];

    private static int[] StaffOnly(int ok) => [401, 403, 403, 403, 403, 403, 403, 403, 403, ok, ok];

    private static int[] AdminOnly(int ok) => [401, 403, 403, 403, 403, 403, 403, 403, 403, 403, ok];

    private static int[] InviteeOnly => [401, 403, 404, 403, 403, 403, 403, 403, Ok, 403, 403];

    private static int[] TicketRead => [401, 403, 404, Ok, Ok, Ok, Ok, Ok, 404, Ok, Ok];

    private static int[] TicketEdit(int ok) => [401, 403, 404, ok, 403, ok, 403, ok, 404, ok, ok];

    private static int[] TicketStaff(int ok) => [401, 403, 404, 403, 403, 403, 403, 403, 404, ok, ok];

    private static int[] TicketAdmin(int ok) => [401, 403, 404, 403, 403, 403, 403, 403, 404, 403, ok];

    private static int[] TicketManage(int ok) => [401, 403, 404, ok, 403, 403, 403, 403, 404, ok, ok];

    private static async Task Resolve(MatrixScenario s)
    {
        foreach (var status in new[] { "IN_PROGRESS", "RESOLVED" })
        {
            (await s.Admin.Client.PatchJson($"{s.Ticket}/status", new { status })).EnsureSuccessStatusCode();
        }
    }

    private static async Task PostMessage(MatrixScenario s)
    {
        var posted = await s.Callers[Caller.Requester].Client.PostJson($"{s.Ticket}/messages", new { content = "A question" });
        s.MessageId = (await posted.Read<System.Text.Json.Nodes.JsonObject>(System.Net.HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    private static async Task Attach(MatrixScenario s)
    {
        await PostMessage(s);
        var uploaded = await s.Callers[Caller.Requester].Client.PostAsync($"{s.Ticket}/messages/{s.MessageId}/attachments", PdfForm());
        s.AttachmentId = (await uploaded.Read<System.Text.Json.Nodes.JsonObject>(System.Net.HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    private static MultipartFormDataContent PdfForm() =>
        new() { { new ByteArrayContent(Attachments.SampleFiles.Pdf) { Headers = { ContentType = new("application/pdf") } }, "file", "matrix.pdf" } };

    private static async Task Archive(MatrixScenario s) => (await s.Admin.Client.DeleteAsync(s.Ticket)).EnsureSuccessStatusCode();

    private static string UniqueName() => $"Matrix {Guid.NewGuid():N}";

    private static async Task<Guid> NewCategory(MatrixScenario s)
    {
        var created = await s.Admin.Client.PostJson("/api/categories", new { name = UniqueName() });
        return (await created.Read<System.Text.Json.Nodes.JsonObject>(System.Net.HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    private static object NewPolicyBody() => new { name = UniqueName(), targets = new { firstResponse = "PT1H" } };

    private static async Task<Guid> NewPolicy(MatrixScenario s)
    {
        var created = await s.Admin.Client.PostJson("/api/sla/policies", NewPolicyBody());
        return (await created.Read<System.Text.Json.Nodes.JsonObject>(System.Net.HttpStatusCode.Created))["id"]!.GetValue<Guid>();
    }

    private static async Task<Guid[]> AllPolicyIds(MatrixScenario s)
    {
        var all = await ListWalk.All(s.Admin.Client, "/api/sla/policies");
        return [.. all.Items.Select(p => p["id"]!.GetValue<Guid>())];
    }

    private static async Task<Guid[]> AllCategoryIds(MatrixScenario s)
    {
        var all = await ListWalk.All(s.Admin.Client, "/api/categories/all");
        return [.. all.Items.Select(c => c["id"]!.GetValue<Guid>())];
    }
}
