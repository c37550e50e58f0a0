using Serilog;
using Serilog.Formatting.Compact;
using TicketPlatform.Hosting;
using TicketPlatform.Persistence;

// A silo process. For now it runs a single silo with loopback clustering over the configured database;
// the cluster profile (ADO.NET clustering on PostgreSQL) is built on top of this.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddSerilog((_, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .WriteTo.Console(new RenderedCompactJsonFormatter()));
var database = DatabaseOptionsFactory.FromConfiguration(builder.Configuration);
builder.UseOrleans(silo => silo.UseLoopbackClustering(builder.Configuration).AddTicketPlatform(builder.Configuration, database));
builder.Services.AddHealthChecks();

var app = builder.Build();
SchemaMigrator.Migrate(database);
app.MapHealthChecks("/health/live");
app.Run();
