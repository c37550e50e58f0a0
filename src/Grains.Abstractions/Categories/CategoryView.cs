using System.Text.Json.Serialization;

namespace TicketPlatform.Categories;

/// <summary>One category; <see cref="TicketCount"/> only in the ADMIN list.</summary>
[GenerateSerializer, Immutable, Alias("tp.CategoryView")]
public sealed record CategoryView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Description,
    [property: Id(3)] bool Active,
    [property: Id(4)] int SortOrder,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? TicketCount = null);
