using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Tickets;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Tests.Hosting;

/// <summary>JSON bodies take enum values only in their documented UPPER_SNAKE spelling, as query strings do.</summary>
public abstract class EnumBodyTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    public static TheoryData<string> MisspelledPriorities => new() { "high", "High", "hIGH", " HIGH", "3", "HIGHEST" };

    [Theory]
    [MemberData(nameof(MisspelledPriorities))]
    public async Task A_priority_in_another_spelling_is_400_naming_the_field_and_the_allowed_values(string priority)
    {
        var user = await NewUser();

        var response = await user.Client.PostJson("/api/tickets", new { title = "Enum spelling", description = "d", priority });

        var problem = await response.Problem(HttpStatusCode.BadRequest, "VALIDATION");
        var message = (string?)problem["errors"]!["priority"]![0];
        Assert.Equal("Use one of: LOW, MEDIUM, HIGH, URGENT.", message);
        Assert.Equal(0, await Api.Database.CountRows("tickets", "requester_id", user.Id));
    }

    [Fact]
    public async Task A_lower_case_status_or_role_is_400_and_changes_nothing()
    {
        var admin = await NewAdmin();
        var user = await NewUser();
        var ticket = await CreateTicket(user);

        var status = await admin.Client.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "in_progress" });
        var role = await admin.Client.PatchJson($"/api/users/{user.Id}/role", new { role = "agent" });

        Assert.Contains("IN_PROGRESS", (string?)(await status.Problem(HttpStatusCode.BadRequest, "VALIDATION"))["errors"]!["status"]![0]);
        Assert.Contains("AGENT", (string?)(await role.Problem(HttpStatusCode.BadRequest, "VALIDATION"))["errors"]!["role"]![0]);
        Assert.Equal(1, (await (await user.Client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>()).Version);
        Assert.Equal(UserRole.User, (await (await user.Client.GetAsync("/api/users/me")).Read<UserView>()).Role);
    }

    [Fact]
    public async Task The_documented_spelling_is_accepted()
    {
        var user = await NewUser();

        var response = await user.Client.PostJson("/api/tickets", new { title = "Enum spelling", description = "d", priority = "URGENT" });

        Assert.Equal(TicketPriority.Urgent, (await response.Read<TicketView>(HttpStatusCode.Created)).Priority);
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteEnumBodyTests(SqliteApi fixture) : EnumBodyTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresEnumBodyTests(PostgresApi fixture) : EnumBodyTests(fixture);
