using System.Diagnostics;

namespace TicketPlatform.Observability.Logging;

/// <summary>
/// Keeps ASP.NET Core starting an <see cref="Activity"/> for every request, so each log line written while it is
/// served carries the request's trace and span ids (and a caller's <c>traceparent</c> is continued). Hosting starts
/// one only for an activity listener, a diagnostic observer or its own enabled logger; that logger is off by default
/// (<see cref="LoggingSetup"/>), since enabling it also opens a log scope on every request. The listener asks for
/// propagation data only: ids, without the tags a tracer would record.
/// </summary>
internal static class RequestActivities
{
    /// <summary>The source ASP.NET Core's hosting starts request activities from.</summary>
    public const string HostingSource = "Microsoft.AspNetCore";

    private static int s_listening;

    /// <summary>Starts listening, once per process.</summary>
    public static void Listen()
    {
        if (Interlocked.Exchange(ref s_listening, 1) == 0)
        {
            ActivitySource.AddActivityListener(new ActivityListener
            {
                ShouldListenTo = source => source.Name == HostingSource,
                Sample = static (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.PropagationData,
            });
        }
    }
}
