using Microsoft.AspNetCore.Authentication.JwtBearer;

namespace TicketPlatform.Api.Auth;

/// <summary>Browsers cannot set headers on WebSockets: the hub, and only the hub, accepts <c>access_token</c> in the query.</summary>
internal static class HubAccessToken
{
    public const string HubPathPrefix = "/hubs/";

    public static bool IsHubRequest(HttpRequest request) => request.Path.StartsWithSegments(HubPathPrefix.TrimEnd('/'), StringComparison.Ordinal);

    public static Task FromQueryString(MessageReceivedContext context)
    {
        if (IsHubRequest(context.Request)
            && context.Request.Query["access_token"] is { Count: 1 } token
            && !string.IsNullOrEmpty(token[0]))
        {
            context.Token = token[0];
        }

        return Task.CompletedTask;
    }
}
