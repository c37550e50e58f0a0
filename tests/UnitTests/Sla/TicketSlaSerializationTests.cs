using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using TicketPlatform.Sla;
using TicketPlatform.Sla.Clocks;
using TicketPlatform.Tickets;

namespace TicketPlatform.UnitTests.Sla;

/// <summary>The clocks travel with the ticket's state, so Orleans must carry them whole.</summary>
public sealed class TicketSlaSerializationTests
{
    [Fact]
    public void The_clock_state_survives_the_orleans_serializer()
    {
        var policy = new SlaPolicyView(
            Guid.NewGuid(), "Office", new SlaMatch([TicketPriority.Urgent], [Guid.NewGuid()]), new SlaTargets("PT1H", null, "P2D"),
            new SlaCalendar("Europe/Berlin", [new([SlaWeekday.Mon], "22:00", "06:00")], [new DateOnly(2026, 12, 25)]),
            [TicketStatus.Resolved], 0.75, Active: true, SortOrder: 1);
        var state = SlaClocks.MessagePosted(
            SlaClocks.Start(policy, TicketStatus.Open, new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero)).State,
            SlaMessage.StaffPublic, new DateTimeOffset(2026, 12, 7, 23, 0, 0, TimeSpan.Zero)).State;
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

        var copy = serializer.Deserialize<TicketSla>(serializer.SerializeToArray(state))!;

        Assert.Equal(state.Clocks, copy.Clocks);
        Assert.Equal((state.Paused, state.LastPublicSpeaker), (copy.Paused, copy.LastPublicSpeaker));
        Assert.Equal(policy.Calendar.Holidays, copy.Policy!.Calendar.Holidays);
        Assert.Equal(policy.Calendar.Hours![0].Days, copy.Policy.Calendar.Hours![0].Days);
        Assert.Equal(policy.Match.CategoryIds, copy.Policy.Match.CategoryIds);
    }
}
