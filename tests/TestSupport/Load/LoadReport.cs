using System.Globalization;
using System.Text;

namespace TicketPlatform.TestSupport.Load;

/// <summary>The numbers a failover test reports, measured from the moment of the fault.</summary>
public sealed record LoadReport(
    int Requests,
    int Acknowledged,
    int Failed,
    int TimedOut,
    TimeSpan? FirstFailure,
    TimeSpan? LastFailure,
    TimeSpan SlowestRequest,
    string FailuresByStatus)
{
    /// <summary>From the fault until the end of the last failed request: how long writes did not succeed.</summary>
    public TimeSpan FailureWindow => LastFailure ?? TimeSpan.Zero;

    public static LoadReport Of(IReadOnlyCollection<WriteOutcome> outcomes, TimeSpan fault)
    {
        var failed = outcomes.Where(o => !o.Succeeded).ToList();
        return new LoadReport(
            outcomes.Count,
            outcomes.Count(o => o.Succeeded && o.IsWrite),
            failed.Count,
            outcomes.Count(o => o.TimedOut),
            failed.Count > 0 ? failed.Min(o => o.At) - fault : null,
            failed.Count > 0 ? failed.Max(o => o.At + o.Took) - fault : null,
            outcomes.Count > 0 ? outcomes.Max(o => o.Took) : TimeSpan.Zero,
            string.Join(", ", failed.GroupBy(o => $"{o.Status} {o.Code}").Select(g => $"{g.Key}: {g.Count()}")));
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"requests {Requests}, acknowledged writes {Acknowledged}, failed {Failed} ({FailuresByStatus}), timed out {TimedOut}; ");
        text.Append(CultureInfo.InvariantCulture, $"failures from +{Seconds(FirstFailure)} s to +{Seconds(LastFailure)} s after the fault; slowest request {SlowestRequest.TotalSeconds:F2} s");
        return text.ToString();
    }

    private static string Seconds(TimeSpan? value) => value is { } v ? v.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) : "-";
}
