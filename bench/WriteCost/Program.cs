using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TicketPlatform.Common;
using TicketPlatform.Hosting;
using TicketPlatform.Messages;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

// Does the cost of posting a message grow with the ticket's history? Posts to a ticket with a long history and
// to a fresh one, interleaved in the same run on the same silo and database, and reports the ratio of medians.
// Usage: dotnet run -c Release --project bench/WriteCost -- [history=3000] [samples=300] [postgres-connection-string]
var history = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3000;
var samples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 300;
var directory = Directory.CreateTempSubdirectory("ticketplatform-bench-").FullName;
var database = args.Length > 2 ? DatabaseOptions.Postgres(args[2]) : DatabaseOptions.Sqlite(Path.Combine(directory, "bench.db"));
SchemaMigrator.Migrate(database);

var builder = Host.CreateApplicationBuilder();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["TicketPlatform:Embedded:SiloPort"] = "21111", ["TicketPlatform:Embedded:GatewayPort"] = "31000" });
builder.UseOrleans(silo => silo.UseLoopbackClustering(builder.Configuration).AddTicketPlatform(builder.Configuration, database));
using var host = builder.Build();
await host.StartAsync();
var grains = host.Services.GetRequiredService<IGrainFactory>();

var user = await grains.GetGrain<IUserGrain>("bench-requester").SyncFromToken(new TokenIdentity("bench-requester", null, "Bench", null));
var actor = new Actor(user.Id, user.Role);
async Task<string> Open(string title) => (await grains.GetGrain<ITicketIntakeGrain>(0).Open(actor, new OpenTicket(title, "benchmark", TicketPriority.Medium, null))).Value!.Number;
var longHistory = await Open("Long history");
var fresh = await Open("Fresh ticket");

Console.WriteLine($"Writing {history} messages of history on {longHistory} ({database.Provider})...");
for (var i = 0; i < history; i++)
{
    await Post(longHistory, i);
}

var timings = new Dictionary<string, List<double>> { [longHistory] = [], [fresh] = [] };
for (var i = 0; i < samples; i++)
{
    foreach (var number in i % 2 == 0 ? new[] { longHistory, fresh } : [fresh, longHistory])
    {
        var watch = Stopwatch.StartNew();
        await Post(number, i);
        timings[number].Add(watch.Elapsed.TotalMicroseconds);
    }
}

double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
var (withHistory, without) = (Median(timings[longHistory]), Median(timings[fresh]));
Console.WriteLine($"median post, {history} messages of history: {withHistory:F0} µs");
Console.WriteLine($"median post, no history:              {without:F0} µs");
Console.WriteLine($"ratio (history / fresh): {withHistory / without:F2}  (1.00 = the cost does not grow with history)");
await host.StopAsync();
Directory.Delete(directory, recursive: true);

async Task Post(string number, int i)
{
    var posted = await grains.GetGrain<ITicketMessagesGrain>(number).PostMessage(actor, new PostMessage($"Message {i}", MessageVisibility.Public));
    if (!posted.IsSuccess)
    {
        throw new InvalidOperationException(posted.Error!.Message);
    }
}
