using Dapper;
using Orleans.Concurrency;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Users;

[StatelessWorker, Reentrant]
internal sealed class UserQueryGrain(Database database, UserStore store) : Grain, IUserQueryGrain
{
    public async Task<Result<UserView>> Find(Actor actor, Guid id)
    {
        if (UserQueryAccess.CheckFind(actor) is { } refused)
        {
            return refused;
        }

        return await store.FindById(id) is { } user ? user.ToView() : DomainError.NotFound("User");
    }

    public async Task<Result<Page<UserView>>> List(Actor actor, UserListQuery query)
    {
        if (UserQueryAccess.CheckList(actor, query) is { } refused)
        {
            return refused;
        }

        if (Paging.Check<(DateTimeOffset, Guid)>(query.Limit, query.Cursor, Cursor.TryDecodeCreation, out var after) is { } invalid)
        {
            return invalid;
        }

        var sql = UserListSql.For(database.Dialect, query);
        var (rows, total) = await database.ReadAsync(async connection =>
        {
            long? total = query.IncludeTotal ? await connection.ExecuteScalarAsync<long>(sql.CountSql(), sql.Parameters) : null;
            var rows = await connection.QueryAsync<UserRow>(sql.PageSql(after, query.Limit + 1), sql.Parameters);
            return (rows.ToList(), total);
        });

        return Paging.Cut(rows.Select(row => row.ToRecord().ToView()).ToList(), query.Limit, user => Cursor.OfCreation(user.CreatedAt, user.Id), total);
    }
}
