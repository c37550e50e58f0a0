using System.Text.Json;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;
using TicketPlatform.Idempotency;

namespace TicketPlatform.Sla.Policies;

/// <summary>The sla_policies table, written only by the policy catalog grain; every write is one transaction.</summary>
internal sealed class SlaPolicyStore(Database database, IdempotencyStore idempotency)
{
    private const string Columns = "id, name, definition, active, sort_order, created_at";

    public Task<List<SlaPolicyRecord>> LoadAll() => database.ReadAsync(async connection =>
        (await connection.QueryAsync<PolicyRow>($"SELECT {Columns} FROM sla_policies")).Select(row => row.ToRecord()).ToList());

    public Task<bool> TryInsert(SlaPolicyRecord policy) => idempotency.WriteEffectAsync(async (connection, transaction) =>
        await connection.ExecuteAsync(
            $"INSERT INTO sla_policies ({Columns}) VALUES (@Id, @Name, @Definition, @Active, @SortOrder, @CreatedAt)",
            Parameters(policy), transaction) == 1, inserted => inserted);

    /// <summary>False, having written nothing, when the row is gone.</summary>
    public Task<bool> TryUpdate(SlaPolicyRecord policy) => database.WriteAsync(async (connection, transaction) =>
        await connection.ExecuteAsync(
            "UPDATE sla_policies SET name = @Name, definition = @Definition, active = @Active, sort_order = @SortOrder WHERE id = @Id",
            Parameters(policy), transaction) == 1);

    /// <summary>Gives the policies the positions 1, 2, 3… of <paramref name="ids"/>; false, having written nothing, unless they are exactly the stored ones.</summary>
    public Task<bool> TryReorder(IReadOnlyList<Guid> ids) => database.WriteAsync(async (connection, transaction) =>
    {
        var stored = await connection.QueryAsync<Guid>("SELECT id FROM sla_policies", transaction: transaction);
        if (!stored.ToHashSet().SetEquals(ids) || ids.Count != ids.Distinct().Count())
        {
            return false;
        }

        await connection.ExecuteAsync(
            "UPDATE sla_policies SET sort_order = @SortOrder WHERE id = @Id",
            ids.Select((id, index) => new { Id = id, SortOrder = index + 1 }), transaction);
        return true;
    });

    /// <summary>False when there was no such row.</summary>
    public Task<bool> Delete(Guid id) => database.WriteAsync(async (connection, transaction) =>
        await connection.ExecuteAsync("DELETE FROM sla_policies WHERE id = @id", new { id }, transaction) == 1);

    private static object Parameters(SlaPolicyRecord policy) => new
    {
        policy.Id,
        policy.View.Name,
        Definition = JsonSerializer.Serialize(policy.ToDefinition(), DomainJson.Options),
        policy.View.Active,
        policy.View.SortOrder,
        policy.CreatedAt,
    };

    private sealed class PolicyRow
    {
        public Guid Id { get; init; }

        public string Name { get; init; } = "";

        public string Definition { get; init; } = "";

        public bool Active { get; init; }

        public int SortOrder { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public SlaPolicyRecord ToRecord()
        {
            var definition = JsonSerializer.Deserialize<SlaPolicyRecord.Definition>(Definition, DomainJson.Options)!;
            var view = new SlaPolicyView(
                Id, Name, definition.Match, definition.Targets, definition.Calendar, definition.PauseOn, definition.WarnAt, Active, SortOrder);
            return new SlaPolicyRecord(Id, view, CreatedAt);
        }
    }
}
