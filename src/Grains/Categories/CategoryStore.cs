using System.Data.Common;
using Dapper;
using TicketPlatform.Persistence;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Categories;

/// <summary>The categories table, written only by the catalog grain; every write is one transaction.</summary>
internal sealed class CategoryStore(Database database, IdempotencyStore idempotency)
{
    private const string Columns = "id, name, name_key, description, active, sort_order, created_at";

    public Task<List<CategoryRecord>> LoadAll() => database.ReadAsync(async connection =>
        (await connection.QueryAsync<CategoryRow>($"SELECT {Columns} FROM categories")).Select(row => row.ToRecord()).ToList());

    /// <summary>The number of tickets, archived ones included, that use each category used at all (from the ticket counters).</summary>
    public Task<Dictionary<Guid, long>> TicketCounts() => database.ReadAsync(async connection =>
        (await connection.QueryAsync<CountRow>(
            "SELECT category_id, CAST(SUM(tickets) AS bigint) AS tickets FROM ticket_counts WHERE category_id IS NOT NULL GROUP BY category_id HAVING SUM(tickets) > 0"))
        .ToDictionary(row => row.CategoryId, row => row.Tickets));

    /// <summary>False, having written nothing, when the name is taken.</summary>
    public async Task<bool> TryInsert(CategoryRecord category)
    {
        try
        {
            return await idempotency.WriteEffectAsync((connection, transaction) => connection.ExecuteAsync(
                $"INSERT INTO categories ({Columns}) VALUES (@Id, @Name, @NameKey, @Description, @Active, @SortOrder, @CreatedAt)",
                Parameters(category), transaction), TookEffect) == 1;
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    /// <summary>False, having written nothing, when the row is gone or the name is taken.</summary>
    public async Task<bool> TryUpdate(CategoryRecord category)
    {
        try
        {
            return await idempotency.WriteEffectAsync((connection, transaction) => connection.ExecuteAsync(
                """
                UPDATE categories SET name = @Name, name_key = @NameKey, description = @Description, active = @Active, sort_order = @SortOrder
                WHERE id = @Id
                """,
                Parameters(category), transaction), TookEffect) == 1;
        }
        catch (DbException e) when (database.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    private static bool TookEffect(int rows) => rows == 1;

    /// <summary>Gives the categories the positions 1, 2, 3… of <paramref name="ids"/>; false, having written nothing, unless they are exactly the stored ones.</summary>
    public Task<bool> TryReorder(IReadOnlyList<Guid> ids) => database.WriteAsync(async (connection, transaction) =>
    {
        var stored = await connection.QueryAsync<Guid>("SELECT id FROM categories", transaction: transaction);
        if (!stored.ToHashSet().SetEquals(ids) || ids.Count != ids.Distinct().Count())
        {
            return false;
        }

        await connection.ExecuteAsync(
            "UPDATE categories SET sort_order = @SortOrder WHERE id = @Id",
            ids.Select((id, index) => new { Id = id, SortOrder = index + 1 }), transaction);
        return true;
    });

    /// <summary>Deletes the category unless a ticket uses it; a ticket committed concurrently wins through the foreign key.</summary>
    public async Task<CategoryDeletion> Delete(Guid id)
    {
        try
        {
            return await database.WriteAsync(async (connection, transaction) =>
            {
                var deleted = await connection.ExecuteAsync(
                    "DELETE FROM categories WHERE id = @id AND NOT EXISTS (SELECT 1 FROM tickets WHERE category_id = @id)",
                    new { id }, transaction);
                if (deleted == 1)
                {
                    return CategoryDeletion.Deleted;
                }

                var exists = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM categories WHERE id = @id", new { id }, transaction);
                return exists > 0 ? CategoryDeletion.InUse : CategoryDeletion.Missing;
            });
        }
        catch (DbException e) when (database.Dialect.IsForeignKeyViolation(e))
        {
            return CategoryDeletion.InUse;
        }
    }

    private static object Parameters(CategoryRecord c) => new
    {
        c.Id,
        c.Name,
        c.NameKey,
        c.Description,
        c.Active,
        c.SortOrder,
        c.CreatedAt,
    };

    private sealed class CategoryRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string? Description { get; init; }

        public bool Active { get; init; }

        public int SortOrder { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public CategoryRecord ToRecord() => new(Id, Name, Description, Active, SortOrder, CreatedAt);
    }

    private sealed class CountRow
    {
        public Guid CategoryId { get; init; }

        public long Tickets { get; init; }
    }
}
