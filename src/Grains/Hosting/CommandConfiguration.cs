using Microsoft.Extensions.Configuration;

namespace TicketPlatform.Hosting;

/// <summary>The configuration a command sees: the service's own sources plus its switches.</summary>
public static class CommandConfiguration
{
    public static IConfiguration Build(string[] args, IDictionary<string, string>? switches = null) => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .AddCommandLine(args, switches)
        .Build();
}
