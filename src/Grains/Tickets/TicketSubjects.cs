using TicketPlatform.Common;

namespace TicketPlatform.Tickets;

/// <summary>How an actor stands to a ticket, from the ticket's requester and the actor's participant flags.</summary>
public static class TicketSubjects
{
    public static TicketAccessSubject For(Actor actor, Guid requesterId, (bool CanEdit, bool CanComment)? participant)
    {
        if (actor.UserId == requesterId)
        {
            return new TicketAccessSubject(actor.Role, TicketRelation.Requester, CanEdit: true, CanComment: true);
        }

        return participant is { } flags
            ? new TicketAccessSubject(actor.Role, TicketRelation.Participant, flags.CanEdit, flags.CanComment)
            : new TicketAccessSubject(actor.Role, TicketRelation.Stranger);
    }

    /// <summary>Whether <paramref name="actor"/> may view the ticket as a commit left it (for the Api's rooms).</summary>
    public static bool MayView(this TicketView ticket, Actor actor)
    {
        var participant = ticket.Participants?.FirstOrDefault(p => p.UserId == actor.UserId);
        var subject = For(actor, ticket.RequesterId, participant is null ? null : (participant.CanEdit, participant.CanComment));
        var facts = new TicketAccessFacts(ticket.Status, ticket.PriorityLocked, ticket.CategoryLocked, ticket.AssignmentLocked, ticket.Archived);
        return TicketAccessPolicy.Decide(TicketRight.View, subject, facts).Allowed;
    }
}
