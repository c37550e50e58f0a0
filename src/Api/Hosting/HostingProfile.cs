using Microsoft.Extensions.Configuration;

namespace TicketPlatform.Api.Hosting;

/// <summary>
/// Embedded (default): the silo runs inside this process. Cluster: this process is an Orleans client of
/// separate silos found through ADO.NET clustering, and holds no database connection of its own.
/// </summary>
public enum HostingProfile
{
    Embedded,
    Cluster,
}

public static class HostingProfiles
{
    public const string Key = "TicketPlatform:Profile";

    public static HostingProfile From(IConfiguration configuration) =>
        string.Equals(configuration[Key], nameof(HostingProfile.Cluster), StringComparison.OrdinalIgnoreCase)
            ? HostingProfile.Cluster
            : HostingProfile.Embedded;
}
