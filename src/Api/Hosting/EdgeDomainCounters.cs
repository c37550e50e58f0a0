using TicketPlatform.Common;
using TicketPlatform.Observability;

namespace TicketPlatform.Api.Hosting;

/// <summary>
/// In the cluster profile the grains, and the counters they keep, live in the silos. So that every Api node's
/// <c>/metrics</c> also shows <c>tickets_total</c> and <c>messages_total</c>, a node counts the tickets and messages
/// created through it (summed over the Api nodes, the cluster's totals).
/// </summary>
public static class EdgeDomainCounters
{
    private const string CreateTicketRoute = "/api/tickets";
    private const string PostMessageRoute = "/api/tickets/{number}/messages";

    public static IServiceCollection AddEdgeDomainCounters(this IServiceCollection services) => services.AddSingleton<DomainMetrics>();

    public static WebApplication UseEdgeDomainCounters(this WebApplication app)
    {
        var metrics = app.Services.GetRequiredService<DomainMetrics>();
        app.Use(async (context, next) =>
        {
            await next(context);
            if (context.Response.StatusCode != StatusCodes.Status201Created || !HttpMethods.IsPost(context.Request.Method))
            {
                return;
            }

            switch (HttpRoute.Of(context))
            {
                case CreateTicketRoute:
                    metrics.TicketCreated();
                    break;
                case PostMessageRoute:
                    metrics.MessagePosted();
                    break;
            }
        });
        return app;
    }
}
