using TicketPlatform.Common;

namespace TicketPlatform.Events;

/// <summary>The global audit feed over every ticket's events (ADMIN).</summary>
[Alias("tp.IEventFeedGrain")]
public interface IEventFeedGrain : IGrainWithIntegerKey
{
    [Alias("Feed")]
    Task<Result<Page<TicketEventView>>> Feed(Actor actor, EventFeedQuery query);
}
