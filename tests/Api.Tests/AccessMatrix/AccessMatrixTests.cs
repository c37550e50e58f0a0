using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Tests.Fixtures;
using TicketPlatform.Api.Tests.Sla;

namespace TicketPlatform.Api.Tests.AccessMatrix;

/// <summary>Walks <see cref="AccessMatrixSpec"/> through real HTTP; every mapped API endpoint must have a row.</summary>
public abstract partial class AccessMatrixTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    [Fact]
    public void Every_mapped_endpoint_has_a_row_and_every_row_an_endpoint()
    {
        var mapped = Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.TrimStart('/').StartsWith("api/", StringComparison.Ordinal))
            // Registering a webhook needs loopback targets allowed, which this fixture must not allow (its SSRF tests
            // run here): Webhooks.WebhookAdministrationTests walks every webhook route with every kind of caller.
            .Where(e => !e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/webhooks", StringComparison.Ordinal))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Select(m => $"{m} /{Normalize(e.RoutePattern.RawText!)}") ?? [])
            .ToHashSet(StringComparer.Ordinal);
        var rows = AccessMatrixSpec.Rows.Select(r => r.Endpoint).ToList();

        Assert.Equal(rows.Count, rows.Distinct().Count());
        Assert.Empty(mapped.Except(rows).Order());
        Assert.Empty(rows.Except(mapped).Order());
        Assert.All(AccessMatrixSpec.Rows, r => Assert.Equal(Enum.GetValues<Caller>().Length, r.Expected.Length));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_kind_of_caller_as_the_spec_says()
    {
        var callers = await MatrixCallers.Create(Api, role => NewUser(role), admin => NewAgent(admin));
        var mismatches = new List<string>();
        foreach (var row in AccessMatrixSpec.Rows)
        {
            var shared = row.Mutates ? null : await Prepared(callers, row);
            foreach (var caller in Enum.GetValues<Caller>())
            {
                var scenario = shared ?? await Prepared(callers, row);
                var response = await row.Send(scenario, callers[caller].Client);
                if ((int)response.StatusCode != row.ExpectedFor(caller))
                {
                    mismatches.Add($"{row.Endpoint} as {caller}: expected {row.ExpectedFor(caller)}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }

    private static async Task<MatrixScenario> Prepared(MatrixCallers callers, MatrixRow row)
    {
        var scenario = await callers.NewTicket();
        if (row.Prepare is { } prepare)
        {
            await prepare(scenario);
        }

        return scenario;
    }

    private static string Normalize(string route) => ConstraintPattern().Replace(route.Trim('/'), "{$1}");

    [GeneratedRegex(@"\{(\w+):[^}]+\}")]
    private static partial Regex ConstraintPattern();
}

[Collection(nameof(SqlitePolicyApi))]
public sealed class SqliteAccessMatrixTests(SqlitePolicyApi fixture) : AccessMatrixTests(fixture);

[Collection(nameof(PostgresPolicyApi))]
public sealed class PostgresAccessMatrixTests(PostgresPolicyApi fixture) : AccessMatrixTests(fixture);
