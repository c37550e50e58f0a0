using Dapper;
using TicketPlatform.Common;

namespace TicketPlatform.Webhooks;

/// <summary>The keyset of the webhook lists: newest first by (created_at, id), continued by a creation cursor.</summary>
internal static class NewestFirst
{
    public static DomainError? Validate(WebhookListQuery query, out (DateTimeOffset CreatedAt, Guid Id)? after)
    {
        after = null;
        var errors = new FieldErrors().Limit("limit", query.Limit);
        if (query.Cursor is not null)
        {
            if (Cursor.TryDecodeCreation(query.Cursor, out var key))
            {
                after = key;
            }
            else
            {
                errors.Add("cursor", "The cursor is not one this list issued.");
            }
        }

        return errors.ToError();
    }

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

    /// <summary>The cursor after the last item shown, when the query found more rows than the page holds.</summary>
    public static string? NextCursor(int rowsRead, int limit, (DateTimeOffset CreatedAt, Guid Id)? last) =>
        rowsRead > limit && last is { } key ? Cursor.OfCreation(key.CreatedAt, key.Id) : null;
}
