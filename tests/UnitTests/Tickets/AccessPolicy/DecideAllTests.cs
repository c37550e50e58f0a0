using System.Text.Json;
using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Tickets.AccessPolicy;

public sealed class DecideAllTests
{
    private static readonly string[] PermissionsShapeRights =
    [
        "view", "edit", "changePriority", "changeCategory", "comment", "commentInternal", "changeStatus", "reopen",
        "assign", "lockPriority", "lockCategory", "lockAssignment", "manageParticipants", "invite", "archive",
    ];

    public static TheoryData<Caller, TicketStatus, bool, bool> Cases => new(
        from caller in Enum.GetValues<Caller>()
        from status in Enum.GetValues<TicketStatus>()
        from archived in new[] { false, true }
        from locked in new[] { false, true }
        select (caller, status, archived, locked));

    [Fact]
    public void Ticket_rights_are_exactly_the_fifteen_of_the_permissions_shape()
    {
        var names = Enum.GetValues<TicketRight>().Select(right => JsonNamingPolicy.CamelCase.ConvertName(right.ToString()));

        Assert.Equal(PermissionsShapeRights.Order(), names.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void DecideAll_answers_every_right_once_and_agrees_with_Decide(Caller caller, TicketStatus status, bool archived, bool locked)
    {
        var subject = caller.ToSubject();
        var ticket = new TicketAccessFacts(status, locked, locked, locked, archived);

        var all = TicketAccessPolicy.DecideAll(subject, ticket);

        Assert.Equal(Enum.GetValues<TicketRight>().Order(), all.Keys.Order());
        Assert.All(all, pair => Assert.Equal(TicketAccessPolicy.Decide(pair.Key, subject, ticket), pair.Value));
    }
}
