using System.Text.Json;
using TicketPlatform.Api.Events;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

/// <summary>A ticket rebuilt from nothing but its events: the test's independent reading of the event contract.</summary>
public sealed class TicketFold
{
    public string Title { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string Status { get; private set; } = "";

    public string Priority { get; private set; } = "";

    public Guid? CategoryId { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public bool PriorityLocked { get; private set; }

    public bool CategoryLocked { get; private set; }

    public bool AssignmentLocked { get; private set; }

    public bool Archived { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public SortedDictionary<Guid, (string Role, bool CanEdit, bool CanComment, DateTimeOffset JoinedAt)> Participants { get; } = [];

    public static TicketFold Of(IEnumerable<EventResponse> events)
    {
        var fold = new TicketFold();
        foreach (var e in events)
        {
            fold.Apply(e);
        }

        return fold;
    }

    /// <summary>The same facts read from the API's current representation.</summary>
    public static object Snapshot(TicketView t) => new
    {
        t.Title,
        t.Description,
        Status = TicketPlatform.Common.EnumText.Of(t.Status),
        Priority = TicketPlatform.Common.EnumText.Of(t.Priority),
        t.CategoryId,
        t.AssigneeId,
        t.PriorityLocked,
        t.CategoryLocked,
        t.AssignmentLocked,
        t.Archived,
        t.ResolvedAt,
        t.ClosedAt,
        t.UpdatedAt,
        Participants = string.Join(";", t.Participants!.OrderBy(p => p.UserId).Select(p => $"{p.UserId}:{TicketPlatform.Common.EnumText.Of(p.Role)}:{p.CanEdit}:{p.CanComment}:{p.JoinedAt:O}")),
    };

    public object Snapshot() => new
    {
        Title,
        Description,
        Status,
        Priority,
        CategoryId,
        AssigneeId,
        PriorityLocked,
        CategoryLocked,
        AssignmentLocked,
        Archived,
        ResolvedAt,
        ClosedAt,
        UpdatedAt,
        Participants = string.Join(";", Participants.Select(p => $"{p.Key}:{p.Value.Role}:{p.Value.CanEdit}:{p.Value.CanComment}:{p.Value.JoinedAt:O}")),
    };

    private void Apply(EventResponse e)
    {
        var p = e.Payload;
        UpdatedAt = e.CreatedAt;
        switch (TicketPlatform.Common.EnumText.Of(e.Type))
        {
            case "TICKET_CREATED":
                (Title, Description, Status, Priority) = (p.Str("title")!, p.Str("description")!, p.Str("status")!, p.Str("priority")!);
                CategoryId = p.Id("categoryId");
                Participants[p.Id("requesterId")!.Value] = ("REQUESTER", true, true, e.CreatedAt);
                break;
            case "TICKET_UPDATED":
                Title = p.To("title") ?? Title;
                Description = p.To("description") ?? Description;
                break;
            case "STATUS_CHANGED":
                Status = p.Str("to")!;
                (ResolvedAt, ClosedAt) = Status switch
                {
                    "RESOLVED" => (e.CreatedAt, (DateTimeOffset?)null),
                    "CLOSED" => (ResolvedAt, e.CreatedAt),
                    _ => ((DateTimeOffset?)null, (DateTimeOffset?)null),
                };
                break;
            case "PRIORITY_CHANGED": Priority = p.Str("to")!; break;
            case "CATEGORY_CHANGED": CategoryId = p.Id("to"); break;
            case "ASSIGNED": AssigneeId = p.Id("to"); break;
            case "UNASSIGNED": AssigneeId = null; break;
            case "PRIORITY_LOCKED": PriorityLocked = true; break;
            case "PRIORITY_UNLOCKED": PriorityLocked = false; break;
            case "CATEGORY_LOCKED": CategoryLocked = true; break;
            case "CATEGORY_UNLOCKED": CategoryLocked = false; break;
            case "ASSIGNMENT_LOCKED": AssignmentLocked = true; break;
            case "ASSIGNMENT_UNLOCKED": AssignmentLocked = false; break;
            case "TICKET_ARCHIVED": Archived = true; break;
            case "TICKET_RESTORED": Archived = false; break;
            case "SLA_APPLIED" or "SLA_WARNING" or "SLA_BREACHED": break; // the clocks are not part of the ticket's fields
            case "STAFF_JOINED": Participants[p.Id("userId")!.Value] = ("STAFF", true, true, e.CreatedAt); break;
            case "PARTICIPANT_ADDED":
                Participants[p.Id("userId")!.Value] = (p.Str("role")!, p.GetProperty("canEdit").GetBoolean(), p.GetProperty("canComment").GetBoolean(), e.CreatedAt);
                break;
            case "PARTICIPANT_REMOVED" or "PARTICIPANT_LEFT": Participants.Remove(p.Id("userId")!.Value); break;
            case "PARTICIPANT_PERMISSIONS_CHANGED":
                var id = p.Id("userId")!.Value;
                var current = Participants[id];
                Participants[id] = current with
                {
                    CanEdit = p.TryGetProperty("canEdit", out var edit) ? edit.GetProperty("to").GetBoolean() : current.CanEdit,
                    CanComment = p.TryGetProperty("canComment", out var comment) ? comment.GetProperty("to").GetBoolean() : current.CanComment,
                };
                break;
            default:
                throw new InvalidOperationException($"The fold does not know {e.Type}.");
        }
    }
}

internal static class PayloadReading
{
    public static string? Str(this JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static Guid? Id(this JsonElement payload, string name) => payload.Str(name) is { } text ? Guid.Parse(text) : null;

    public static string? To(this JsonElement payload, string name) =>
        payload.TryGetProperty(name, out var change) ? change.GetProperty("to").GetString() : null;
}
