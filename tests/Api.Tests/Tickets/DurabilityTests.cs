using TicketPlatform.Users;
using System.Net;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Persistence;
using TicketPlatform.Tickets;

namespace TicketPlatform.Api.Tests.Tickets;

/// <summary>Each test starts its own Api on its own database, then restarts it on the same data.</summary>
public abstract class DurabilityTests(DatabaseProvider provider)
{
    [Fact]
    public async Task Tickets_events_and_users_survive_a_restart()
    {
        var api = await ApiFactory.StartAsync(provider);
        try
        {
            var admin = api.ClientFor("durable-admin", "ADMIN");
            var ticket = await (await admin.PostJson("/api/tickets", new { title = "Survives", description = "restart" })).Read<TicketView>(HttpStatusCode.Created);
            await (await admin.PatchJson($"/api/tickets/{ticket.Number}/status", new { status = "IN_PROGRESS" })).Read<TicketView>();
            var before = await (await admin.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();

            api = await api.Restart();

            var client = api.ClientFor("durable-admin");
            var after = await (await client.GetAsync($"/api/tickets/{ticket.Number}")).Read<TicketView>();
            Assert.Equal(before with { Participants = null }, after with { Participants = null });
            Assert.Equal(before.Participants, after.Participants);
            var me = await (await client.GetAsync("/api/users/me")).Read<UserView>();
            Assert.Equal(UserRole.Admin, me.Role);
            var next = await (await client.PostJson("/api/tickets", new { title = "After restart", description = "x" })).Read<TicketView>(HttpStatusCode.Created);
            Assert.Equal(TicketNumber.Format(DateTime.UtcNow.Year, 2), next.Number);
        }
        finally
        {
            await api.DisposeAllAsync();
        }
    }
}

public sealed class SqliteDurabilityTests() : DurabilityTests(DatabaseProvider.Sqlite);

public sealed class PostgresDurabilityTests() : DurabilityTests(DatabaseProvider.Postgres);
