using Dapper;
using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>The keyset of the webhook lists: newest first by (created_at, id), continued by a creation cursor.</summary>
internal static class NewestFirst
{
    public static DomainError? Validate(WebhookListQuery query, out (DateTimeOffset CreatedAt, Guid Id)? after) =>
        Paging.Check(query.Limit, query.Cursor, Cursor.TryDecodeCreation, out after);

    public static string After((DateTimeOffset CreatedAt, Guid Id)? after, string alias = "") => after is null
        ? "1 = 1"
        : $"({alias}created_at < @afterCreated OR ({alias}created_at = @afterCreated AND {alias}id < @afterId))";

    public static DynamicParameters Parameters((DateTimeOffset CreatedAt, Guid Id)? after, int limit)
    {
        var parameters = new DynamicParameters();
        parameters.Add("afterCreated", after?.CreatedAt);
        parameters.Add("afterId", after?.Id);
        parameters.Add("take", limit + 1);
        return parameters;
    }
}
