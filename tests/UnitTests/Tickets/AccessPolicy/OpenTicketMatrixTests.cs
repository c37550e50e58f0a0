using TicketPlatform.Tickets;
using static TicketPlatform.UnitTests.Tickets.AccessPolicy.Outcome;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public sealed class OpenTicketMatrixTests
{
    private const string Yes = Allowed;

    private static readonly Caller[] Columns =
    [
        Caller.StrangerUser,
        Caller.Requester,
        Caller.ParticipantWithoutFlags,
        Caller.ParticipantCanComment,
        Caller.ParticipantCanEdit,
        Caller.ParticipantCanEditAndComment,
        Caller.StrangerAgent,
        Caller.StrangerAdmin,
        Caller.ParticipantAgent,
    ];

    private static readonly IReadOnlyList<(TicketRight Right, Caller Caller, string Expected)> Spec = Flatten(
    //                                      stranger        requester participant p+comment   p+edit      p+edit+comment agent   admin   participant
    //                                      USER                      (no flags)                                                         AGENT
        Row(TicketRight.View,               NotParticipant, Yes,      Yes,        Yes,        Yes,        Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.Edit,               NotParticipant, Yes,      Permission, Permission, Yes,        Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.ChangePriority,     NotParticipant, Yes,      Permission, Permission, Yes,        Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.ChangeCategory,     NotParticipant, Yes,      Permission, Permission, Yes,        Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.Comment,            NotParticipant, Yes,      Permission, Yes,        Permission, Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.CommentInternal,    NotParticipant, Role,     Role,       Role,       Role,       Role,          Yes,    Yes,    Yes),
        Row(TicketRight.ChangeStatus,       NotParticipant, Yes,      Permission, Permission, Yes,        Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.Reopen,             NotParticipant, Role,     Role,       Role,       Role,       Role,          Status, Status, Status),
        Row(TicketRight.Assign,             NotParticipant, Role,     Role,       Role,       Role,       Role,          Yes,    Yes,    Yes),
        Row(TicketRight.LockPriority,       NotParticipant, Role,     Role,       Role,       Role,       Role,          Yes,    Yes,    Yes),
        Row(TicketRight.LockCategory,       NotParticipant, Role,     Role,       Role,       Role,       Role,          Yes,    Yes,    Yes),
        Row(TicketRight.LockAssignment,     NotParticipant, Role,     Role,       Role,       Role,       Role,          Role,   Yes,    Role),
        Row(TicketRight.ManageParticipants, NotParticipant, Yes,      Role,       Role,       Role,       Role,          Yes,    Yes,    Yes),
        Row(TicketRight.Invite,             NotParticipant, Yes,      Permission, Permission, Yes,        Yes,           Yes,    Yes,    Yes),
        Row(TicketRight.Archive,            NotParticipant, Role,     Role,       Role,       Role,       Role,          Role,   Yes,    Role));

    private static readonly TicketAccessFacts OpenTicket = new(TicketStatus.Open);

    public static TheoryData<TicketRight, Caller, string> Cases => new(Spec);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Open_unlocked_ticket_grants_each_caller_what_the_roles_table_says(TicketRight right, Caller caller, string expected) =>
        Assert.Equal(expected, Decide(right, caller, OpenTicket));

    [Fact]
    public void Table_covers_every_right_for_every_caller_exactly_once()
    {
        var expectedPairs = Enum.GetValues<TicketRight>().SelectMany(_ => Enum.GetValues<Caller>(), (right, caller) => (right, caller));
        var tablePairs = Spec.Select(row => (row.Right, row.Caller)).ToList();

        Assert.Equal(tablePairs.Count, tablePairs.Distinct().Count());
        Assert.Equal(expectedPairs.OrderBy(pair => pair), tablePairs.OrderBy(pair => pair));
    }

    private static (TicketRight Right, string[] ByColumn) Row(
        TicketRight right,
        string strangerUser,
        string requester,
        string participantWithoutFlags,
        string participantCanComment,
        string participantCanEdit,
        string participantCanEditAndComment,
        string strangerAgent,
        string strangerAdmin,
        string participantAgent) =>
        (right,
        [
            strangerUser, requester, participantWithoutFlags, participantCanComment, participantCanEdit,
            participantCanEditAndComment, strangerAgent, strangerAdmin, participantAgent,
        ]);

    private static List<(TicketRight, Caller, string)> Flatten(params (TicketRight Right, string[] ByColumn)[] rows) =>
        [.. rows.SelectMany(row => Columns.Zip(row.ByColumn, (caller, expected) => (row.Right, caller, expected)))];
}
