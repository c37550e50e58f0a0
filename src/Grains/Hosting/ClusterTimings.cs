using Orleans.Configuration;

namespace TicketPlatform.Hosting;

/// <summary>
/// The cluster's timeouts, set explicitly rather than inherited from a version of Orleans. Chosen for an
/// interactive REST edge and fast failover: a silo that stops answering is declared dead within seconds.
/// </summary>
public static class ClusterTimings
{
    /// <summary>A grain call that has no answer by then fails (and is cancelled) instead of holding an HTTP request.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    /// <summary>How often an Api node re-reads the list of gateways from the membership table.</summary>
    public static readonly TimeSpan GatewayListRefreshPeriod = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a silo that is shutting down waits after telling its clients (the Api nodes) to stop sending to its
    /// gateway. Orleans waits no time by default, so requests already on their way reached a silo that was past taking
    /// them ("is shutting down") and failed.
    /// </summary>
    public static readonly TimeSpan GatewayDrain = TimeSpan.FromSeconds(2);

    public static void ConfigureMessaging(MessagingOptions options)
    {
        options.ResponseTimeout = ResponseTimeout;
        options.CancelRequestOnTimeout = true;
    }


    /// <summary>
    /// Two missed probes of one second each make a silo suspect; its death is declared by the votes of the
    /// others (one vote suffices with two silos). Everyone re-reads the table every two seconds.
    /// </summary>
    public static void ConfigureMembership(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumVotesForDeathDeclaration = 2;
        options.DeathVoteExpirationTimeout = TimeSpan.FromSeconds(30);
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
