using TicketPlatform.Api.Attachments;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Categories;
using TicketPlatform.Api.Commands;
using TicketPlatform.Api.WebConsole;
using TicketPlatform.Api.Errors;
using TicketPlatform.Api.Events;
using TicketPlatform.Api.Health;
using TicketPlatform.Api.Hosting;
using TicketPlatform.Api.Idempotency;
using TicketPlatform.Api.Invitations;
using TicketPlatform.Api.Messages;
using TicketPlatform.Api.OpenApi;
using TicketPlatform.Api.Participants;
using TicketPlatform.Api.Preconditions;
using TicketPlatform.Api.RateLimits;
using TicketPlatform.Api.Realtime;
using TicketPlatform.Api.Sla;
using TicketPlatform.Api.Tickets;
using TicketPlatform.Api.Users;
using TicketPlatform.Api.Warmup;
using TicketPlatform.Api.Webhooks;
using TicketPlatform.Attachments;
using TicketPlatform.Hosting;
using TicketPlatform.Observability;
using TicketPlatform.Observability.Logging;
using TicketPlatform.Persistence;

switch (args)
{
    case ["token", .. var tokenArgs]:
        return TokenCommand.Run(tokenArgs);
    case ["migrate", .. var migrateArgs]:
        return MigrateCommand.Run(migrateArgs);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddTicketPlatformLogging();
builder.AddTicketPlatformMetrics();
var hostedDatabase = HostingProfiles.From(builder.Configuration) == HostingProfile.Embedded
    ? DatabaseOptionsFactory.FromConfiguration(builder.Configuration)
    : null;
if (hostedDatabase is not null)
{
    builder.AddEmbeddedSilo(hostedDatabase);
}
else
{
    builder.AddClusterClient();
}

builder.Services.AddTicketPlatformJson();
builder.Services.AddTicketPlatformRequestLimits();
builder.Services.AddTicketPlatformInlineSocketCompletions(builder.Configuration);
builder.Services.AddTicketPlatformProblemDetails();
try
{
    builder.Services.AddTicketPlatformAuth(builder.Configuration);
}
catch (StartupRefusedException refused)
{
    // The reason alone, without a stack trace: a weak or exposed key is the operator's to fix, not a crash.
    Console.Error.WriteLine(refused.Message);
    return 1;
}

builder.Services.AddTicketPlatformOpenApi();
builder.Services.AddTicketPlatformPreconditions(builder.Configuration);
builder.Services.AddTicketPlatformRateLimits(builder.Configuration);
builder.Services.AddTicketPlatformRealtime(builder.Configuration);
builder.Services.AddTicketPlatformHealth(hostsDatabase: hostedDatabase is not null);
builder.Services.AddTicketPlatformBlobStore(builder.Configuration);
builder.Services.AddTicketPlatformWarmup(builder.Configuration);

builder.ListenForManagement();
var app = builder.Build();
if (hostedDatabase is not null)
{
    SchemaMigrator.Migrate(hostedDatabase);
}

var warmup = app.Services.GetRequiredService<WarmupMarker>();
app.UseManagementPort();
app.UseHttpMetrics(warmup.Marks);
app.UseTicketPlatformSecurityHeaders();
app.UseTicketPlatformRequestLogging(warmup.Marks);
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseTicketPlatformOpenApi();
app.UseTicketPlatformConsole();
app.UseTicketPlatformAuthentication();
app.UseTicketPlatformRateLimits();
app.UseAuthorization();
app.UseTicketPlatformIdempotency();
app.UseTicketPlatformPreconditions();
app.MapTicketPlatformHealth();
app.MapTicketPlatformMetrics();
app.MapTicketsApi();
app.MapEventsApi();
app.MapParticipantsApi();
app.MapHub<TicketsHub>(TicketsHub.Path);
app.MapTicketPlatformWarmup();
app.MapMessagesApi();
app.MapAttachmentsApi();
app.MapInvitationsApi();
app.MapUsersApi();
app.MapCategoriesApi();
app.MapSlaPoliciesApi();
app.MapTicketSlaApi();
app.MapWebhooksApi();
app.Run();
return 0;

/// <summary>The entry point, visible to the functional tests' WebApplicationFactory.</summary>
public partial class Program;
