using System.Text.Json.Serialization;

namespace TicketPlatform.Common;

/// <summary>One page of a keyset-paginated list.</summary>
[GenerateSerializer, Immutable, Alias("tp.Page`1")]
public sealed record Page<T>(
    [property: Id(0)] T[] Items,
    [property: Id(1)] string? NextCursor,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Total = null);
