namespace TicketPlatform.Webhooks;

[GenerateSerializer, Immutable, Alias("tp.CreateWebhook")]
public sealed record CreateWebhook(
    [property: Id(0)] string? Url,
    [property: Id(1)] string? Description,
    [property: Id(2)] string[]? Events,
    [property: Id(3)] bool IncludeInternal);

/// <summary>A partial change: a null field is left as it is; an empty description clears it.</summary>
[GenerateSerializer, Immutable, Alias("tp.EditWebhook")]
public sealed record EditWebhook(
    [property: Id(0)] string? Url,
    [property: Id(1)] string? Description,
    [property: Id(2)] string[]? Events,
    [property: Id(3)] bool? IncludeInternal);

/// <summary>The outcome of a ping: one signed test POST, sent at once and not logged.</summary>
[GenerateSerializer, Immutable, Alias("tp.WebhookPingResult")]
public sealed record WebhookPingResult(
    [property: Id(0)] bool Succeeded,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] string? Error,
    [property: Id(3)] double DurationMs);

[GenerateSerializer, Immutable, Alias("tp.WebhookListQuery")]
public sealed record WebhookListQuery(
    [property: Id(0)] int Limit,
    [property: Id(1)] string? Cursor,
    [property: Id(2)] bool IncludeTotal);
