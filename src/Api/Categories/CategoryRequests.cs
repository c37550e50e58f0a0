using System.ComponentModel.DataAnnotations;
namespace TicketPlatform.Api.Categories;

/// <summary>The body of create and edit; on edit a missing field is left as it is and an empty description clears it.</summary>
public sealed record CategoryRequest(string? Name, string? Description);

public sealed record ReorderCategoriesRequest([property: Required] Guid[]? Ids);
