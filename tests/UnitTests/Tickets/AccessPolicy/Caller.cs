using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public enum Caller
{
    StrangerUser,
    Requester,
    ParticipantWithoutFlags,
    ParticipantCanComment,
    ParticipantCanEdit,
    ParticipantCanEditAndComment,
    StrangerAgent,
    StrangerAdmin,
    ParticipantAgent,
}

public static class CallerSubjects
{
    public static TicketAccessSubject ToSubject(this Caller caller) => caller switch
    {
        Caller.StrangerUser => new(UserRole.User, TicketRelation.Stranger),
        Caller.Requester => new(UserRole.User, TicketRelation.Requester),
        Caller.ParticipantWithoutFlags => new(UserRole.User, TicketRelation.Participant, CanEdit: false, CanComment: false),
        Caller.ParticipantCanComment => new(UserRole.User, TicketRelation.Participant, CanEdit: false, CanComment: true),
        Caller.ParticipantCanEdit => new(UserRole.User, TicketRelation.Participant, CanEdit: true, CanComment: false),
        Caller.ParticipantCanEditAndComment => new(UserRole.User, TicketRelation.Participant, CanEdit: true, CanComment: true),
        Caller.StrangerAgent => new(UserRole.Agent, TicketRelation.Stranger),
        Caller.StrangerAdmin => new(UserRole.Admin, TicketRelation.Stranger),
        Caller.ParticipantAgent => new(UserRole.Agent, TicketRelation.Participant),
        _ => throw new ArgumentOutOfRangeException(nameof(caller), caller, null),
    };
}
