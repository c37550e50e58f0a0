using TicketPlatform.Persistence;

namespace TicketPlatform.Hosting;

/// <summary><c>migrate</c> of the Api and the silo: applies the schema migrations (domain and, on PostgreSQL, Orleans tables) to the configured database and exits.</summary>
public static class MigrateCommand
{
    public static int Run(string[] args)
    {
        var options = DatabaseOptionsFactory.FromConfiguration(CommandConfiguration.Build(args));
        SchemaMigrator.Migrate(options);
        Console.Error.WriteLine($"Migrated the {options.Provider} database.");
        return 0;
    }
}
