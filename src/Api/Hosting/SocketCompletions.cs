namespace TicketPlatform.Api.Hosting;

/// <summary>
/// Socket completions run on the socket engine's event thread instead of each being queued to the thread pool: the
/// runtime's <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS</c>, which only the environment sets and which the
/// runtime reads when the process first uses a socket, so it is set here before anything does. A hot read then costs
/// one thread-pool hop less (3–4% less CPU per request in `bench/run.sh`, more in profiling runs; docs/performance.md). Safe for this process because
/// what runs on that thread does not block: Kestrel's transport only moves the bytes into its pipes and hands the
/// request to the thread pool, grain code continues on Orleans' own scheduler, and Npgsql, SignalR and HttpClient
/// are asynchronous throughout. An operator's own value of the variable (<c>0</c> turns it off) is kept.
/// </summary>
internal static class SocketCompletions
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";

    public static void PreferInline()
    {
        if (Environment.GetEnvironmentVariable(Variable) is null)
        {
            Environment.SetEnvironmentVariable(Variable, "1");
        }
    }
}
