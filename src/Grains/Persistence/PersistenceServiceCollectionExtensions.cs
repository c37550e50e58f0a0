using Microsoft.Extensions.DependencyInjection;

namespace TicketPlatform.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public static IServiceCollection AddTicketPlatformDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        SqlTypeHandlers.Register();
        services.AddSingleton(options);
        services.AddSingleton<ISqlDialect>(_ => options.Provider switch
        {
            DatabaseProvider.Sqlite => new SqliteDialect(options.ConnectionString),
            DatabaseProvider.Postgres => new PostgresDialect(options.ConnectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(options), options.Provider, "Unknown database provider."),
        });
        services.AddSingleton<Database>();
        return services;
    }
}
