using TicketPlatform.Sla;
using TicketPlatform.Sla.Policies;
using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Sla;

public sealed class SlaPolicyMatchTests
{
    private static readonly Guid Hardware = Guid.Parse("11111111-1111-1111-1111-111111111111");
    private static readonly Guid Billing = Guid.Parse("22222222-2222-2222-2222-222222222222");

    /// <summary>In their order: urgent hardware, urgent anything (inactive), urgent anything, billing, everything.</summary>
    private static readonly SlaPolicyView[] Policies =
    [
        Policy("everything", 5, null, null),
        Policy("urgent-hardware", 1, [TicketPriority.Urgent], [Hardware]),
        Policy("urgent-inactive", 2, [TicketPriority.Urgent], null, active: false),
        Policy("urgent", 3, [TicketPriority.Urgent, TicketPriority.High], null),
        Policy("billing", 4, null, [Billing]),
    ];

    public static TheoryData<TicketPriority, Guid?, string> Choices => new()
    {
        { TicketPriority.Urgent, Hardware, "urgent-hardware" },
        { TicketPriority.Urgent, Billing, "urgent" },
        { TicketPriority.Urgent, null, "urgent" },
        { TicketPriority.High, Hardware, "urgent" },
        { TicketPriority.Low, Billing, "billing" },
        { TicketPriority.Low, Hardware, "everything" },
        { TicketPriority.Medium, null, "everything" },
    };

    [Theory]
    [MemberData(nameof(Choices))]
    public void The_first_active_policy_in_order_whose_match_fits_applies(TicketPriority priority, Guid? categoryId, string expected) =>
        Assert.Equal(expected, SlaPolicyMatch.Choose(Policies, priority, categoryId)?.Name);

    [Fact]
    public void No_policy_applies_when_none_fits() =>
        Assert.Null(SlaPolicyMatch.Choose(Policies.Where(p => p.Name != "everything"), TicketPriority.Low, null));

    private static SlaPolicyView Policy(string name, int sortOrder, TicketPriority[]? priorities, Guid[]? categories, bool active = true) =>
        new(Guid.NewGuid(), name, new SlaMatch(priorities, categories), new SlaTargets("PT1H", null, null), SlaCalendar.AroundTheClock(),
            [TicketStatus.Resolved], 0.75, active, sortOrder);
}
