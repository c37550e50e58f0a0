using TicketPlatform.Common;
using TicketPlatform.Events;

namespace TicketPlatform.Webhooks;

/// <summary>Input rules of webhooks that need no state (the URL's target is checked by <see cref="WebhookTargets"/>).</summary>
internal static class WebhookRules
{
    public const int MaxDescriptionLength = 1000;

    /// <summary>Checks an event filter: <c>["*"]</c>, or one or more known event types.</summary>
    public static FieldErrors Events(this FieldErrors errors, string[]? events)
    {
        if (events is null || events.Length == 0)
        {
            return errors.Add("events", "Give the event types to send, or [\"*\"] for all.");
        }

        if (events.Contains(WebhookRecord.AllEvents))
        {
            return events.Length == 1 ? errors : errors.Add("events", "\"*\" stands alone: it already means every event type.");
        }

        var unknown = events.Where(type => !EnumText.TryParse<TicketEventType>(type, out _)).ToArray();
        return unknown.Length == 0
            ? errors
            : errors.Add("events", $"Unknown event type(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", EnumText.All<TicketEventType>())}.");
    }

    /// <summary>A blank description is no description.</summary>
    public static string? DescriptionOf(string? description) => string.IsNullOrWhiteSpace(description) ? null : description.Trim();

    public static string[] Distinct(string[] events) => [.. events.Distinct(StringComparer.Ordinal)];
}
