namespace TicketPlatform.Categories;

/// <summary>A committed row of the categories table, as the catalog holds it in memory.</summary>
internal sealed record CategoryRecord(Guid Id, string Name, string? Description, bool Active, int SortOrder, DateTimeOffset CreatedAt)
{
    public string NameKey => CategoryRules.KeyOf(Name);

    public CategoryView ToView(long? ticketCount = null) => new(Id, Name, Description, Active, SortOrder, ticketCount);
}
