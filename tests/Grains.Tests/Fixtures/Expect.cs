using TicketPlatform.Common;
using TicketPlatform.Tickets;
using Xunit;

namespace TicketPlatform.Grains.Tests.Fixtures;

public static class Expect
{
    public static T Ok<T>(Result<T> result)
    {
        Assert.True(result.IsSuccess, $"Expected success, got {result.Error}");
        return result.Value!;
    }

    public static DomainError Error<T>(Result<T> result, string code)
    {
        Assert.False(result.IsSuccess, $"Expected {code}, got success: {result.Value}");
        Assert.Equal(code, result.Error!.Code);
        return result.Error;
    }

    /// <summary>Every field of the ticket, participants included, is the same.</summary>
    public static void SameTicket(TicketView expected, TicketView actual)
    {
        Assert.Equal(expected with { Participants = null }, actual with { Participants = null });
        Assert.NotNull(actual.Participants);
        Assert.Equal(expected.Participants, actual.Participants);
    }

    public static long Sequence(string ticketNumber) => long.Parse(ticketNumber.Split('-')[2], System.Globalization.CultureInfo.InvariantCulture);

    public static int Year(string ticketNumber) => int.Parse(ticketNumber.Split('-')[1], System.Globalization.CultureInfo.InvariantCulture);
}
