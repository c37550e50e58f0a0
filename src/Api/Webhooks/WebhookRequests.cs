using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Api.Common;
using TicketPlatform.Webhooks;

namespace TicketPlatform.Api.Webhooks;

/// <summary>The body of create; <c>includeInternal</c> defaults to false.</summary>
public sealed record CreateWebhookRequest(string? Url, string? Description, string[]? Events, bool? IncludeInternal);

/// <summary>The body of edit: a missing field is left as it is; an empty description clears it.</summary>
public sealed record EditWebhookRequest(string? Url, string? Description, string[]? Events, bool? IncludeInternal);

/// <summary>The query string of the webhook lists.</summary>
public sealed class WebhookListParameters : PageParameters
{
    public WebhookListQuery Read(QueryReader reader)
    {
        var page = ReadPage(reader);
        return new(page.Limit, page.Cursor, page.IncludeTotal);
    }
}
