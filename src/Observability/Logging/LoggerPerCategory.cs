using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace TicketPlatform.Observability.Logging;

/// <summary>
/// The host's logger factory, handing out one logger per category. Serilog's factory makes a new logger (with its
/// own caches) on every <c>CreateLogger</c>, and some framework parts ask on every request: the authentication handler,
/// made per request, creates its logger in its constructor.
/// </summary>
internal sealed class LoggerPerCategory(ILoggerFactory inner, bool ownsInner) : ILoggerFactory
{
    private readonly ConcurrentDictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    /// <summary>Wraps the <see cref="ILoggerFactory"/> registered last in <paramref name="services"/>.</summary>
    public static void Decorate(IServiceCollection services)
    {
        var registered = services.Last(service => service.ServiceType == typeof(ILoggerFactory));
        services.Remove(registered);
        services.AddSingleton<ILoggerFactory>(provider => registered switch
        {
            { ImplementationInstance: ILoggerFactory instance } => new LoggerPerCategory(instance, ownsInner: false),
            { ImplementationFactory: { } factory } => new LoggerPerCategory((ILoggerFactory)factory(provider), ownsInner: true),
            _ => new LoggerPerCategory((ILoggerFactory)ActivatorUtilities.CreateInstance(provider, registered.ImplementationType!), ownsInner: true),
        });
    }

    public ILogger CreateLogger(string categoryName) =>
        _loggers.GetOrAdd(categoryName, static (name, factory) => factory.CreateLogger(name), inner);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose()
    {
        if (ownsInner)
        {
            inner.Dispose();
        }
    }
}
