using TicketPlatform.Persistence;

namespace TicketPlatform.Silo.Commands;

/// <summary><c>migrate</c>: applies the schema migrations (domain and Orleans tables) to the configured database and exits.</summary>
internal static class MigrateCommand
{
    public static int Run(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine(args)
            .Build();
        var options = DatabaseOptionsFactory.FromConfiguration(configuration);
        SchemaMigrator.Migrate(options);
        Console.Error.WriteLine($"Migrated the {options.Provider} database.");
        return 0;
    }
}
