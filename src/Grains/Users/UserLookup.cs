using Dapper;
using TicketPlatform.Persistence;

namespace TicketPlatform.Users;

/// <summary>
/// Reads a user's current role and active flag by id. The row is written by the user's grain before its memory
/// changes, so this read is never behind a committed role or activation change.
/// </summary>
internal sealed class UserLookup(Database database)
{
    public Task<UserFacts?> Find(Guid id) => database.ReadAsync(connection =>
        connection.QuerySingleOrDefaultAsync<UserFacts>("SELECT id, role, active FROM users WHERE id = @id", new { id }));

    internal sealed class UserFacts
    {
        public Guid Id { get; init; }

        public string Role { get; init; } = "";

        public bool Active { get; init; }

        public bool IsActiveStaff => Active && Role is "AGENT" or "ADMIN";
    }
}
