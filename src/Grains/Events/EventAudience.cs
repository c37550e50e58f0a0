using TicketPlatform.Common;
using TicketPlatform.Messages;

namespace TicketPlatform.Events;

/// <summary>
/// The one visibility rule of everything on a ticket's timeline (events, messages, attachments), in memory and as SQL:
/// PUBLIC everyone who sees the ticket, INTERNAL staff, PERSONAL its subject, its actor and staff. A message (and an
/// attachment, by its message) is PUBLIC or INTERNAL and has no subject. UnitTests/Events/AudienceTwinTests proves the
/// predicate and its SQL twin agree on every (role, relationship, visibility).
/// </summary>
public static class EventAudience
{
    /// <summary>The predicate: may a viewer (staff or not, the item's subject or actor or neither) see an item of this visibility?</summary>
    public static bool CanSee(EventVisibility visibility, bool isStaff, bool isSubjectOrActor) => visibility switch
    {
        EventVisibility.Public => true,
        EventVisibility.Internal => isStaff,
        EventVisibility.Personal => isStaff || isSubjectOrActor,
        _ => false,
    };

    public static bool CanSee(TicketEventView e, Guid userId, bool isStaff) =>
        CanSee(e.Visibility, isStaff, e.SubjectId == userId || e.ActorId == userId);

    /// <summary>A message's (or its attachments') visibility is the rule's, with no subject.</summary>
    public static bool CanSee(MessageVisibility visibility, Actor viewer) => CanSee(Of(visibility), viewer.IsStaff, isSubjectOrActor: false);

    /// <summary>
    /// The SQL twin of <see cref="CanSee(EventVisibility, bool, bool)"/>: the condition (<c>AND ...</c>, empty for staff)
    /// on rows aliased <paramref name="alias"/> with a <c>visibility</c> column, and, when given, the columns naming the
    /// row's subject and actor compared with the <c>@viewer</c> parameter. Without them (messages) no row is PERSONAL to anyone.
    /// </summary>
    public static string Filter(bool isStaff, string alias = "", string? subjectColumn = null, string? actorColumn = null)
    {
        if (isStaff)
        {
            return "";
        }

        var prefix = alias.Length == 0 ? "" : alias + ".";
        return subjectColumn is null || actorColumn is null
            ? $"AND {prefix}visibility = 'PUBLIC'"
            : $"AND ({prefix}visibility = 'PUBLIC' OR ({prefix}visibility = 'PERSONAL' AND ({prefix}{subjectColumn} = @viewer OR {prefix}{actorColumn} = @viewer)))";
    }

    /// <summary>The filter of the events table for <paramref name="viewer"/> (binds <c>@viewer</c>).</summary>
    public static string EventFilter(Actor viewer) => Filter(viewer.IsStaff, subjectColumn: "subject_id", actorColumn: "actor_id");

    public static EventVisibility Of(MessageVisibility visibility) =>
        visibility == MessageVisibility.Internal ? EventVisibility.Internal : EventVisibility.Public;
}
