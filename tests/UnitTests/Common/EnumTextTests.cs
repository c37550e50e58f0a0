using TicketPlatform.Common;
using TicketPlatform.Events;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.UnitTests.Common;

public sealed class EnumTextTests
{
    private static readonly string[] ApiEventTypes =
    [
        "TICKET_CREATED", "TICKET_UPDATED", "STATUS_CHANGED", "PRIORITY_CHANGED",
        "CATEGORY_CHANGED", "ASSIGNED", "UNASSIGNED", "PRIORITY_LOCKED", "PRIORITY_UNLOCKED",
        "CATEGORY_LOCKED", "CATEGORY_UNLOCKED", "ASSIGNMENT_LOCKED", "ASSIGNMENT_UNLOCKED",
        "PARTICIPANT_ADDED", "PARTICIPANT_REMOVED", "PARTICIPANT_LEFT",
        "PARTICIPANT_PERMISSIONS_CHANGED", "STAFF_JOINED", "INVITATION_SENT",
        "INVITATION_ACCEPTED", "INVITATION_DECLINED", "INVITATION_CANCELLED",
        "INVITATION_EXPIRED", "MESSAGE_POSTED", "INTERNAL_NOTE_ADDED", "MESSAGE_EDITED",
        "MESSAGE_DELETED", "ATTACHMENT_ADDED", "ATTACHMENT_DELETED", "TICKET_ARCHIVED",
        "TICKET_RESTORED", "SLA_APPLIED", "SLA_WARNING", "SLA_BREACHED",
    ];

    public static TheoryData<Enum, string> Spellings => new()
    {
        { TicketStatus.Open, "OPEN" },
        { TicketStatus.InProgress, "IN_PROGRESS" },
        { TicketStatus.Resolved, "RESOLVED" },
        { TicketStatus.Closed, "CLOSED" },
        { TicketPriority.Low, "LOW" },
        { TicketPriority.Medium, "MEDIUM" },
        { TicketPriority.High, "HIGH" },
        { TicketPriority.Urgent, "URGENT" },
        { UserRole.User, "USER" },
        { UserRole.Agent, "AGENT" },
        { UserRole.Admin, "ADMIN" },
        { TicketEventType.TicketCreated, "TICKET_CREATED" },
        { TicketEventType.StatusChanged, "STATUS_CHANGED" },
        { TicketEventType.ParticipantPermissionsChanged, "PARTICIPANT_PERMISSIONS_CHANGED" },
        { TicketEventType.InternalNoteAdded, "INTERNAL_NOTE_ADDED" },
        { EventVisibility.Public, "PUBLIC" },
        { EventVisibility.Internal, "INTERNAL" },
        { EventVisibility.Personal, "PERSONAL" },
        { ParticipantRole.Requester, "REQUESTER" },
        { ParticipantRole.Participant, "PARTICIPANT" },
        { ParticipantRole.Staff, "STAFF" },
    };

    public static TheoryData<string?> NotAStatus => new(null, "", "in_progress", "InProgress", "In_Progress", "IN-PROGRESS", " IN_PROGRESS", "IN_PROGRESS ", "INPROGRESS", "1", "NOPE");

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Names_are_upper_snake(Enum value, string expected) =>
        Assert.Equal(expected, value switch
        {
            TicketStatus status => EnumText.Of(status),
            TicketPriority priority => EnumText.Of(priority),
            UserRole role => EnumText.Of(role),
            TicketEventType type => EnumText.Of(type),
            EventVisibility visibility => EnumText.Of(visibility),
            ParticipantRole role => EnumText.Of(role),
            _ => throw new ArgumentOutOfRangeException(nameof(value), value, null),
        });

    [Fact]
    public void Event_types_are_exactly_the_thirty_four_of_the_api() =>
        Assert.Equal(ApiEventTypes.Order(StringComparer.Ordinal), EnumText.All<TicketEventType>().Order(StringComparer.Ordinal));

    [Fact]
    public void Every_status_round_trips() => AssertRoundTrips<TicketStatus>();

    [Fact]
    public void Every_priority_round_trips() => AssertRoundTrips<TicketPriority>();

    [Fact]
    public void Every_event_type_round_trips() => AssertRoundTrips<TicketEventType>();

    [Fact]
    public void Every_role_round_trips() => AssertRoundTrips<UserRole>();

    [Theory]
    [MemberData(nameof(NotAStatus))]
    public void Any_other_spelling_is_rejected(string? text)
    {
        Assert.False(EnumText.TryParse<TicketStatus>(text, out _));
        Assert.Throws<FormatException>(() => EnumText.Parse<TicketStatus>(text!));
    }

    [Fact]
    public void A_name_of_another_enum_is_rejected() =>
        Assert.False(EnumText.TryParse<TicketPriority>("OPEN", out _));

    private static void AssertRoundTrips<T>() where T : struct, Enum =>
        Assert.All(Enum.GetValues<T>(), value =>
        {
            Assert.True(EnumText.TryParse<T>(EnumText.Of(value), out var parsed));
            Assert.Equal(value, parsed);
            Assert.Equal(value, EnumText.Parse<T>(EnumText.Of(value)));
        });
}
