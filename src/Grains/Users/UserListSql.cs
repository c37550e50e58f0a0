using System.Globalization;
using Dapper;
using TicketPlatform.Common;
using TicketPlatform.Persistence;

namespace TicketPlatform.Users;

/// <summary>Builds the keyset-paginated SQL of a user list: the filters, oldest first by (created_at, id).</summary>
internal sealed class UserListSql
{
    private readonly List<string> _where = [];

    private UserListSql(ISqlDialect dialect, UserListQuery query)
    {
        if (query.Role is { } role)
        {
            Parameters.Add("role", EnumText.Of(role));
            _where.Add("role = @role");
        }

        if (query.StaffOnly)
        {
            Parameters.Add("agent", EnumText.Of(UserRole.Agent));
            Parameters.Add("admin", EnumText.Of(UserRole.Admin));
            _where.Add("role IN (@agent, @admin)");
        }

        if (query.Active is { } active)
        {
            Parameters.Add("active", active);
            _where.Add("active = @active");
        }

        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            Parameters.Add("text", LikePattern.Contains(query.Text.Trim()));
            _where.Add($"({dialect.ContainsIgnoreCase("name", "@text")} OR {dialect.ContainsIgnoreCase("email", "@text")})");
        }
    }

    public DynamicParameters Parameters { get; } = new();

    public static UserListSql For(ISqlDialect dialect, UserListQuery query) => new(dialect, query);


    public string CountSql() => $"SELECT COUNT(*) FROM users{Where(_where)}";

    public string PageSql((DateTimeOffset CreatedAt, Guid Id)? after, int take)
    {
        var conditions = new List<string>(_where);
        if (after is { } key)
        {
            Parameters.Add("afterCreatedAt", key.CreatedAt);
            Parameters.Add("afterId", key.Id);
            conditions.Add("(created_at > @afterCreatedAt OR (created_at = @afterCreatedAt AND id > @afterId))");
        }

        Parameters.Add("take", take);
        return $"SELECT {UserRow.Columns} FROM users{Where(conditions)} ORDER BY created_at, id LIMIT @take";
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", conditions);
}
