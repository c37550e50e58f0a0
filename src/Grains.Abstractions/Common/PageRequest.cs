namespace TicketPlatform.Common;

/// <summary>What every list takes: the page size, where to continue, and whether to count the whole list.</summary>
[GenerateSerializer, Immutable, Alias("tp.PageRequest")]
public sealed record PageRequest(
    [property: Id(0)] int Limit = PageRequest.DefaultLimit,
    [property: Id(1)] string? Cursor = null,
    [property: Id(2)] bool IncludeTotal = false)
{
    public const int DefaultLimit = 20;

    /// <summary>The largest page a list returns; every list's <c>limit</c> lies in [1, MaxLimit].</summary>
    public const int MaxLimit = 100;
}
