using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Commands;
using TicketPlatform.Persistence;
using TicketPlatform.TestSupport;

namespace TicketPlatform.Api.Tests.Fixtures;

/// <summary>
/// The real Api in the embedded profile (co-hosted silo) over a real database: a SQLite file in its own data
/// directory, or a fresh PostgreSQL database. It listens on Kestrel at a free loopback port, so every test client
/// speaks real HTTP and real WebSockets to it. <see cref="Restart"/> gives a new process-equivalent on the same data.
/// Rate limits are off unless <paramref name="settings"/> switch them on (the rate-limit tests do, with small budgets);
/// so is the warm-up at start (the warm-up tests switch it on).
/// Extra configuration <paramref name="settings"/> apply to every start of this instance.
/// </summary>
public sealed class ApiFactory(TestDatabase database, string dataDirectory, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public const string BootstrapAdmin = "bootstrap-admin";

    public TestDatabase Database => database;

    public string DataDirectory => dataDirectory;

    public AuthOptions Auth { get; } = new();

    public SecurityKey SigningKey => new SymmetricSecurityKey(DevelopmentSigningKey.LoadOrCreate(dataDirectory));

    /// <summary>Where the Api listens: <c>http://127.0.0.1:{port}/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Starts the Api; <paramref name="settings"/> override configuration keys for this instance.</summary>
    public static async Task<ApiFactory> StartAsync(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = await Create(provider, settings);
        factory.Listen(FreePort.Next());
        return factory;
    }

    /// <summary>Starts the Api at <c>http://127.0.0.1:{port}</c>, a port known in advance, for clients outside this process.</summary>
    public static async Task<ApiFactory> StartListeningAsync(DatabaseProvider provider, int port)
    {
        var factory = await Create(provider, settings: null);
        factory.Listen(port);
        return factory;
    }

    private void Listen(int port)
    {
        UseKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, port));
        StartServer();
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        ClientOptions.BaseAddress = BaseAddress;
    }

    private static async Task<ApiFactory> Create(DatabaseProvider provider, IReadOnlyDictionary<string, string?>? settings)
    {
        var database = await TestDatabase.CreateAsync(provider, migrate: false);
        var dataDirectory = database.Directory ?? Directory.CreateTempSubdirectory("ticketplatform-api-").FullName;
        return new ApiFactory(database, dataDirectory, settings);
    }

    /// <summary>Stops this instance and starts another on the same data, as a process restart would.</summary>
    public async Task<ApiFactory> Restart()
    {
        await base.DisposeAsync();
        var restarted = new ApiFactory(database, dataDirectory, settings);
        restarted.Listen(BaseAddress.Port);
        return restarted;
    }

    public string Token(string subject, string? role = null, string? name = null, string? email = null, TimeSpan? lifetime = null) =>
        TokenCommand.Mint(Auth, SigningKey, subject, role, name, email, lifetime ?? TimeSpan.FromMinutes(30));

    /// <summary>An HTTP client authenticated as <paramref name="subject"/>; the user exists once it has made a request.</summary>
    public HttpClient ClientFor(string subject, string? role = null, string? name = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(subject, role, name));
        return client;
    }

    public async Task DisposeAllAsync()
    {
        await base.DisposeAsync();
        await database.DisposeAsync();
        if (database.Directory is null)
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting(DatabaseOptionsFactory.DataDirectoryKey, dataDirectory);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            builder.UseSetting($"ConnectionStrings:{DatabaseOptionsFactory.ConnectionStringName}", database.Options.ConnectionString);
        }

        builder.UseSetting("TicketPlatform:Embedded:SiloPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("TicketPlatform:Embedded:GatewayPort", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("TicketPlatform:Users:BootstrapAdmins:0", BootstrapAdmin);
        builder.UseSetting("TicketPlatform:Realtime:SweepInterval", "00:00:00.200");

        // One typing notice per connection and ticket: a test sending more proves the throttle, not the clock.
        builder.UseSetting("TicketPlatform:Realtime:TypingThrottle", "01:00:00");
        builder.UseSetting("TicketPlatform:RateLimits:Enabled", "false");

        // Seconds of CPU per start that the tests do not need; WarmupTests switch it on.
        builder.UseSetting("TicketPlatform:Warmup:Enabled", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.UseSetting("Serilog:MinimumLevel:Override:TicketPlatform.RequestLine", "Warning");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
