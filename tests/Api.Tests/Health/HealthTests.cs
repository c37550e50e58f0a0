using System.Net;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Health;

public abstract class HealthTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_a_token(string path)
    {
        var response = await Api.CreateClient().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteHealthTests(SqliteApi fixture) : HealthTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresHealthTests(PostgresApi fixture) : HealthTests(fixture);
