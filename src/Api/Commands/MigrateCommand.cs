using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Commands;

/// <summary><c>migrate</c>: applies the schema migrations to the configured database and exits.</summary>
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
