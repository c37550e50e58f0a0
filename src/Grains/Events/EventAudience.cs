namespace TicketPlatform.Events;

/// <summary>
/// Who may see an event: PUBLIC everyone on the ticket, INTERNAL staff, PERSONAL its subject, its actor and
/// staff. The in-memory twin of <see cref="EventStore.VisibilityFilter"/>, used for realtime fan-out.
/// </summary>
public static class EventAudience
{
    public static bool CanSee(TicketEventView e, Guid userId, bool isStaff) => e.Visibility switch
    {
        EventVisibility.Public => true,
        EventVisibility.Internal => isStaff,
        EventVisibility.Personal => isStaff || e.SubjectId == userId || e.ActorId == userId,
        _ => false,
    };
}
