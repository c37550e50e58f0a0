namespace TicketPlatform.Categories;

[GenerateSerializer, Immutable, Alias("tp.CreateCategory")]
public sealed record CreateCategory(
    [property: Id(0)] string Name,
    [property: Id(1)] string? Description);

/// <summary>A null field is left as it is; an empty or blank description clears it.</summary>
[GenerateSerializer, Immutable, Alias("tp.EditCategory")]
public sealed record EditCategory(
    [property: Id(0)] string? Name,
    [property: Id(1)] string? Description);

[GenerateSerializer, Immutable, Alias("tp.ReorderCategories")]
public sealed record ReorderCategories(
    [property: Id(0)] Guid[] Ids);
