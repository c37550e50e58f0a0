namespace TicketPlatform.Api.Tests.AccessMatrix;

/// <summary>The kinds of caller the matrix tries every endpoint as; the column order of every row.</summary>
public enum Caller
{
    Anonymous,
    Inactive,
    Stranger,
    Requester,
    ParticipantNoFlags,
    ParticipantCanEdit,
    ParticipantCanComment,
    ParticipantBothFlags,
    Invited,
    Agent,
    Admin,
}
