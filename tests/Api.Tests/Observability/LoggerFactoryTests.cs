using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Observability;

/// <summary>
/// The host's logger factory hands out one logger per category (Serilog's made a new one per call, and the
/// authentication handler asks on every request), and its loggers keep the configured Serilog levels.
/// </summary>
[Collection(nameof(SqliteApi))]
public sealed class LoggerFactoryTests(SqliteApi fixture) : ApiTestBase(fixture)
{
    [Fact]
    public void A_category_gets_the_same_logger_every_time_with_the_configured_levels()
    {
        var factory = Api.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Microsoft.AspNetCore.Authentication.SomeHandler");
        var again = factory.CreateLogger("Microsoft.AspNetCore.Authentication.SomeHandler");
        var lifetime = factory.CreateLogger("Microsoft.Hosting.Lifetime");

        Assert.Same(first, again);
        Assert.NotSame(first, lifetime);
        // The tests' host logs from Warning; appsettings.json keeps Microsoft.Hosting.Lifetime at Information.
        Assert.True(first.IsEnabled(LogLevel.Warning));
        Assert.False(first.IsEnabled(LogLevel.Information));
        Assert.True(lifetime.IsEnabled(LogLevel.Information));
    }
}
