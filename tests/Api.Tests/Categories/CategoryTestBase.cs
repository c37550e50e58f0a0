using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dapper;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Categories;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Tests.Categories;

/// <summary>Helpers of the category tests. Names carry a Guid so that tests sharing a database never collide.</summary>
public abstract class CategoryTestBase(ApiFixture fixture) : ApiTestBase(fixture)
{
    protected static string UniqueName(string prefix = "Category") => $"{prefix} {Guid.NewGuid():N}";

    protected static async Task<CategoryView> CreateCategory(TestUser admin, string? name = null, string? description = null)
    {
        var response = await admin.Client.PostJson("/api/categories", new { name = name ?? UniqueName(), description });
        return await response.Read<CategoryView>(HttpStatusCode.Created);
    }

    /// <summary>The whole list, every page of it: the tests share a database, so it can hold more than one page.</summary>
    protected static async Task<CategoryView[]> ListActive(TestUser caller) => WholeList(await ListWalk.All(caller.Client, "/api/categories"));

    protected static async Task<CategoryView[]> ListAll(TestUser admin) => WholeList(await ListWalk.All(admin.Client, "/api/categories/all"));

    private static CategoryView[] WholeList(ListWalk.Walk walk) => [.. walk.Items.Select(item => item.Deserialize<CategoryView>(HttpJson.Options)!)];

    protected static Task<HttpResponseMessage> OpenTicket(TestUser user, Guid? categoryId) =>
        user.Client.PostJson("/api/tickets", new { title = "Cannot log in", description = "The page spins forever.", categoryId });

    protected static Task<HttpResponseMessage> Reorder(TestUser admin, IEnumerable<Guid> ids) =>
        admin.Client.PutAsJsonAsync("/api/categories/order", new { ids }, HttpJson.Options);

    /// <summary>A USER, or an AGENT: no endpoint grants that role yet, so its row is seeded before its first request.</summary>
    protected async Task<TestUser> NewCaller(string role) => role switch
    {
        "USER" => await NewUser(),
        "AGENT" => await NewAgent(),
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Only USER or AGENT."),
    };

    private async Task<TestUser> NewAgent()
    {
        var subject = $"agent-{Guid.NewGuid():N}";
        var options = Api.Database.Options;
        await using ISqlDialect dialect = options.Provider == DatabaseProvider.Sqlite
            ? new SqliteDialect(options.ConnectionString)
            : new PostgresDialect(options.ConnectionString);
        await using var database = new Database(dialect);
        var now = DateTimeOffset.UtcNow;
        await database.WriteAsync((connection, transaction) => connection.ExecuteAsync(
            """
            INSERT INTO users (id, subject, email, name, name_set_by_user, role, active, created_at, updated_at)
            VALUES (@Id, @Subject, NULL, NULL, @NameSetByUser, 'AGENT', @Active, @Now, @Now)
            """,
            new { Id = Guid.NewGuid(), Subject = subject, NameSetByUser = false, Active = true, Now = now }, transaction));
        return await NewUser(subject: subject);
    }

    protected static void AssertNames(JsonObject problem, string field) => Assert.True(
        problem["errors"]?.AsObject().ContainsKey(field) == true, $"Expected an error naming '{field}': {problem.ToJsonString()}");

    protected sealed record CategoryPage(CategoryView[] Items, string? NextCursor);
}
