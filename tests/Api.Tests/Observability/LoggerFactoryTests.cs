using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Observability;

/// <summary>
/// The host's logger factory hands out one logger per category (Serilog's made a new one per call, and the
/// authentication handler asks on every request), and its loggers are still Serilog's.
/// </summary>
[Collection(nameof(SqliteApi))]
public sealed class LoggerFactoryTests(SqliteApi fixture) : ApiTestBase(fixture)
{
    [Fact]
    public void A_category_gets_the_same_Serilog_logger_every_time()
    {
        var factory = Api.Services.GetRequiredService<ILoggerFactory>();

        var first = factory.CreateLogger("Microsoft.AspNetCore.Authentication.SomeHandler");
        var again = factory.CreateLogger("Microsoft.AspNetCore.Authentication.SomeHandler");
        var lifetime = factory.CreateLogger("Microsoft.Hosting.Lifetime");

        Assert.Same(first, again);
        Assert.NotSame(first, lifetime);
        // Still Serilog's loggers (their levels are Serilog's; several hosts in one test process share Serilog's static
        // logger, so the levels a logger sees here depend on which host set it last, and are not asserted).
        Assert.Equal("Serilog.Extensions.Logging", first.GetType().Namespace);
    }
}
