using System.Collections.ObjectModel;

namespace TicketPlatform.Api.Realtime;

/// <summary>
/// The connection ids a send goes to. SignalR's <c>Clients(ids)</c> asks the list whether it contains each connection of
/// the node, through <see cref="ICollection{T}.Contains"/>; a plain list answers by walking itself, K×K string compares
/// per send to a room of K, so this one answers from a set.
/// </summary>
public sealed class AudienceCollection(IList<string> ids) : ReadOnlyCollection<string>(ids), ICollection<string>
{
    private readonly HashSet<string> _set = new(ids, StringComparer.Ordinal);

    bool ICollection<string>.Contains(string item) => _set.Contains(item);
}
