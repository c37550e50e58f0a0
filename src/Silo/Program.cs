using TicketPlatform.Hosting;
using TicketPlatform.Observability;
using TicketPlatform.Observability.Logging;
using TicketPlatform.Persistence;
using TicketPlatform.Silo.Dashboard;
using TicketPlatform.Webhooks;

if (args is ["migrate", .. var migrateArgs])
{
    return MigrateCommand.Run(migrateArgs);
}

// A silo process: ADO.NET clustering and reminders on PostgreSQL (cluster profile), or one loopback silo on SQLite.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTicketPlatformLogging();
builder.AddTicketPlatformMetrics();
var database = DatabaseOptionsFactory.FromConfiguration(builder.Configuration);
if (SharedEncryptionKey.RefusalFor(builder.Configuration, database) is { } refusal)
{
    Console.Error.WriteLine(refusal);
    return 1;
}

builder.UseOrleans(silo => silo.UseClustering(builder.Configuration, database)
    .AddTicketPlatform(builder.Configuration, database)
    .AddTicketPlatformDashboard());
builder.ListenForDashboard();
builder.ListenForManagement();
builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: [HealthEndpoints.ReadyTag]);

var app = builder.Build();
SchemaMigrator.Migrate(database);
app.UseManagementPort();
app.MapTicketPlatformHealth();
app.MapTicketPlatformMetrics();
app.MapTicketPlatformDashboard();
app.Run();
return 0;
