using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.OpenApi;

[Collection(nameof(SqliteApi))]
public sealed class OpenApiDocumentTests(SqliteApi fixture)
{
    [Fact]
    public async Task Swagger_ui_is_served_at_api_docs()
    {
        var html = await fixture.Api.CreateClient().GetStringAsync("/api/docs/index.html");

        Assert.Contains("swagger", html, StringComparison.OrdinalIgnoreCase);
    }
}
