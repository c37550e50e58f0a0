using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TicketPlatform.Cluster.Tests.Fixtures;

namespace TicketPlatform.Cluster.Tests.Realtime;

/// <summary>
/// Each Api node keeps its callers' local identity in memory; a change of role or activation made through the other
/// node applies to the very next request here (the user's grain answers only after every node has forgotten it).
/// </summary>
[Collection(nameof(ClusterFixture))]
public sealed class CrossNodeIdentityTests(ClusterFixture cluster)
{
    [Fact]
    public async Task A_role_change_and_a_deactivation_through_one_node_apply_to_the_next_request_on_the_other()
    {
        cluster.Require();
        var cancel = TestContext.Current.CancellationToken;
        var subject = $"cross-identity-{Guid.NewGuid():N}";
        var agentToken = await cluster.StaffToken(subject);
        var admin = ClusterFixture.Client(cluster.Apis[0], await cluster.StaffToken($"cross-admin-{Guid.NewGuid():N}", "ADMIN"));
        var agentHere = ClusterFixture.Client(cluster.Apis[1], agentToken);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await agentHere.GetAsync("/api/tickets/unassigned", cancel)).StatusCode);
        }

        var id = (await agentHere.GetFromJsonAsync<JsonElement>("/api/users/me", cancel)).GetProperty("id").GetString();

        (await admin.PatchAsJsonAsync($"/api/users/{id}/role", new { role = "USER" }, cancel)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Forbidden, (await agentHere.GetAsync("/api/tickets/unassigned", cancel)).StatusCode);

        (await admin.PatchAsJsonAsync($"/api/users/{id}/role", new { role = "AGENT" }, cancel)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.OK, (await agentHere.GetAsync("/api/tickets/unassigned", cancel)).StatusCode);

        (await admin.PostAsync($"/api/users/{id}/deactivate", null, cancel)).EnsureSuccessStatusCode();
        var refused = await agentHere.GetAsync("/api/tickets", cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("deactivated", await refused.Content.ReadAsStringAsync(cancel), StringComparison.Ordinal);
    }
}
