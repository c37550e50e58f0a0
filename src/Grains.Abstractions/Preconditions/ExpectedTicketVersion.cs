namespace TicketPlatform.Preconditions;

/// <summary>
/// The ticket version a write was made against (from its <c>If-Match</c>), carried to the ticket's grain in the
/// Orleans request context so the grain checks it in the same turn that commits: no writer can slip in between.
/// </summary>
public static class ExpectedTicketVersion
{
    public const string Key = "tp.if-match-ticket-version";

    /// <summary>Names <paramref name="version"/> for the grain calls made until the returned scope is disposed.</summary>
    public static IDisposable Require(int version)
    {
        RequestContext.Set(Key, version);
        return new Scope();
    }

    public static int? Current => RequestContext.Get(Key) as int?;

    private sealed class Scope : IDisposable
    {
        public void Dispose() => RequestContext.Remove(Key);
    }
}
