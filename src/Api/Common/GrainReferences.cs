using System.Collections.Concurrent;
using Orleans.Metadata;

namespace TicketPlatform.Api.Common;

/// <summary>
/// Typed grain references as <see cref="IGrainFactory"/> makes them, without its per-call reflection: Orleans works out
/// an interface's grain interface type from the interface's custom attributes (and, failing those, by formatting its
/// name) on every <c>GetGrain</c>. Here that, and the grain type implementing it, are resolved once per interface.
/// </summary>
public sealed class GrainReferences(IGrainFactory grains, GrainInterfaceTypeResolver interfaces, GrainInterfaceTypeToGrainTypeResolver implementations)
{
    private readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> _types = new();

    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        return Get<TGrain>(IdSpan.Create(key));
    }

    public TGrain GetGrain<TGrain>(long key) where TGrain : IGrainWithIntegerKey => Get<TGrain>(GrainIdKeyExtensions.CreateIntegerKey(key));

    public TGrain GetGrain<TGrain>(Guid key) where TGrain : IGrainWithGuidKey => Get<TGrain>(GrainIdKeyExtensions.CreateGuidKey(key));

    private TGrain Get<TGrain>(IdSpan key)
    {
        var types = _types.GetOrAdd(typeof(TGrain), Resolve);
        return (TGrain)grains.GetGrain(GrainId.Create(types.Grain, key), types.Interface);
    }

    private (GrainType, GrainInterfaceType) Resolve(Type grainInterface)
    {
        var interfaceType = interfaces.GetGrainInterfaceType(grainInterface);
        return (implementations.GetGrainType(interfaceType), interfaceType);
    }
}
