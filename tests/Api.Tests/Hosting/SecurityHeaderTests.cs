using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Tests.Hosting;

/// <summary>Every response carries the protective headers; API answers are never cached; Swagger UI keeps working.</summary>
public abstract class SecurityHeaderTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public async Task Authenticated_api_answers_errors_and_health_all_carry_the_headers()
    {
        var user = await NewUser();
        var anonymous = Api.CreateClient();
        var responses = new[]
        {
            await user.Client.GetAsync("/api/tickets"),
            await user.Client.GetAsync("/api/tickets/TCK-2026-99999"),
            await user.Client.GetAsync("/api/tickets?limit=0"),
            await anonymous.GetAsync("/api/tickets"),
            await anonymous.GetAsync("/health/live"),
        };

        Assert.Equal(
            [HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.BadRequest, HttpStatusCode.Unauthorized, HttpStatusCode.OK],
            responses.Select(r => r.StatusCode));
        foreach (var response in responses)
        {
            Assert.Equal(["nosniff"], response.Headers.GetValues("X-Content-Type-Options"));
            Assert.Equal(["no-referrer"], response.Headers.GetValues("Referrer-Policy"));
            Assert.Equal(["DENY"], response.Headers.GetValues("X-Frame-Options"));
            Assert.Contains("frame-ancestors 'none'", string.Join(";", response.Headers.GetValues("Content-Security-Policy")));
        }

        Assert.All(responses[..4], response => Assert.True(response.Headers.CacheControl?.NoStore, $"{response.RequestMessage!.RequestUri} is cacheable"));
    }

    [Fact]
    public async Task Swagger_ui_is_served_without_the_strict_policy_that_would_break_it()
    {
        var docs = await Api.CreateClient().GetAsync("/api/docs/index.html");

        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
        Assert.Equal(["nosniff"], docs.Headers.GetValues("X-Content-Type-Options"));
        Assert.False(docs.Headers.Contains("Content-Security-Policy"));
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteSecurityHeaderTests(SqliteApi fixture) : SecurityHeaderTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresSecurityHeaderTests(PostgresApi fixture) : SecurityHeaderTests(fixture);

/// <summary>With <c>TicketPlatform:Api:SwaggerUi=false</c> the UI is gone; the OpenAPI document stays.</summary>
public abstract class SwaggerUiOffTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Swagger_ui_can_be_switched_off_by_configuration()
    {
        var api = await ApiFactory.StartAsync(provider, new Dictionary<string, string?> { ["TicketPlatform:Api:SwaggerUi"] = "false" });
        try
        {
            var client = api.CreateClient();
            var ui = await client.GetAsync("/api/docs/index.html");
            Assert.NotEqual(HttpStatusCode.OK, ui.StatusCode);
            Assert.DoesNotContain("swagger-ui", await ui.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/docs/v1/openapi.json")).StatusCode);
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }
}

public sealed class SqliteSwaggerUiOffTests() : SwaggerUiOffTests(DatabaseProvider.Sqlite);

public sealed class PostgresSwaggerUiOffTests() : SwaggerUiOffTests(DatabaseProvider.Postgres);
