using Microsoft.Extensions.Configuration;

namespace TicketPlatform.Hosting;

/// <summary>
/// The PostgreSQL database holding the membership table. Api nodes read it from <c>ConnectionStrings:OrleansCluster</c>
/// (and nothing else); silos use it too, and fall back to their domain database when it is not set.
/// </summary>
public static class ClusterConnection
{
    public const string ConnectionStringName = "OrleansCluster";

    /// <summary>Orleans' ADO.NET invariant name for Npgsql.</summary>
    public const string Invariant = "Npgsql";

    public static string? From(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } connectionString ? connectionString : null;
}
