using System.Text.Json.Serialization;

namespace TicketPlatform.Common;

/// <summary>
/// One page of a keyset-paginated list. <see cref="Total"/> only when asked for; <see cref="TotalExact"/> says
/// whether it is exact where a list can answer with a lower bound (free-text search counts up to a cap).
/// </summary>
[GenerateSerializer, Immutable, Alias("tp.Page`1")]
public sealed record Page<T>(
    [property: Id(0)] T[] Items,
    [property: Id(1)] string? NextCursor,
    [property: Id(2), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? Total = null,
    [property: Id(3), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? TotalExact = null)
{
    /// <summary>The same page with every item converted.</summary>
    public Page<TOut> Map<TOut>(Func<T, TOut> convert) => new([.. Items.Select(convert)], NextCursor, Total, TotalExact);
}
