using Dapper;
using TicketPlatform.Persistence;

namespace TicketPlatform.Categories;

internal sealed class CategoryStore(Database database)
{
    /// <summary>True when the category exists and may be put on tickets.</summary>
    public Task<bool> IsActive(Guid id) => database.ReadAsync(connection =>
        connection.ExecuteScalarAsync<bool>("SELECT COUNT(*) > 0 FROM categories WHERE id = @id AND active = @active", new { id, active = true }));
}
