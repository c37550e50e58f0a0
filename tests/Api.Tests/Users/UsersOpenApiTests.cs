using System.Text.Json.Nodes;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Users;

public abstract class UsersOpenApiTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Theory]
    [InlineData("/api/users/me", "get")]
    [InlineData("/api/users/me", "patch")]
    [InlineData("/api/users", "get")]
    [InlineData("/api/users/agents", "get")]
    [InlineData("/api/users/search", "get")]
    [InlineData("/api/users/{id}", "get")]
    [InlineData("/api/users/{id}/role", "patch")]
    [InlineData("/api/users/{id}/activate", "post")]
    [InlineData("/api/users/{id}/deactivate", "post")]
    public async Task The_OpenAPI_document_describes_each_users_endpoint(string path, string method)
    {
        var document = JsonNode.Parse(await Api.CreateClient().GetStringAsync("/api/docs/v1/openapi.json"))!;

        Assert.NotNull(document["paths"]?[path]?[method]?["responses"]?["200"]);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteUsersOpenApiTests(SqliteApi fixture) : UsersOpenApiTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresUsersOpenApiTests(PostgresApi fixture) : UsersOpenApiTests(fixture);
