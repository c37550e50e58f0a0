using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Auth;

/// <summary>
/// A token the node accepted before is authenticated by the short way in front of the authentication middleware: the
/// bearer scheme is not run again (ASP.NET Core counts every authentication its service performs, per host), and the
/// caller is the same. A token seen for the first time takes the standard way.
/// </summary>
public abstract class RememberedBearerAuthenticationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task A_remembered_token_is_not_authenticated_again_by_the_bearer_scheme()
    {
        using var authentications = new AuthenticationCount(Api.Services.GetRequiredService<IMeterFactory>());
        var user = await NewUser();
        var byStandardWay = authentications.Value;

        for (var i = 0; i < 3; i++)
        {
            var me = await (await user.Client.GetAsync("/api/users/me")).Read<UserView>();
            Assert.Equal(user.Id, me.Id);
        }

        Assert.True(byStandardWay >= 1, "the first request of a token is authenticated by the bearer scheme");
        Assert.Equal(byStandardWay, authentications.Value);
    }

    /// <summary>ASP.NET Core's authentications of one host: its meters are made by that host's meter factory.</summary>
    private sealed class AuthenticationCount : IDisposable
    {
        private readonly MeterListener _listener = new();
        private int _value;

        public AuthenticationCount(IMeterFactory host)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == host && instrument.Meter.Name == "Microsoft.AspNetCore.Authentication"
                    && instrument.Name == "aspnetcore.authentication.authenticate.duration")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<double>((_, _, _, _) => Interlocked.Increment(ref _value));
            _listener.Start();
        }

        public int Value => Volatile.Read(ref _value);

        public void Dispose() => _listener.Dispose();
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteRememberedBearerAuthenticationTests(SqliteApi fixture) : RememberedBearerAuthenticationTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresRememberedBearerAuthenticationTests(PostgresApi fixture) : RememberedBearerAuthenticationTests(fixture);
