using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>
/// The served OpenAPI document tells the truth: a scenario calls every documented operation (successes and the
/// usual refusals) and every real response must have a documented status and a body valid against its schema;
/// and every route the service maps is in the document.
/// </summary>
[Collection(nameof(ContractApi))]
public sealed class ContractTests(ContractApi fixture)
{
    private const string DocumentPath = "/api/docs/v1/openapi.json";

    /// <summary>Routes deliberately outside the document: the document itself, its UI, the hub and the Prometheus scrape.</summary>
    private static readonly Regex Undocumented = new(@"^/?(api/docs|hubs/|metrics$)");

    private readonly ConcurrentQueue<Exchange> _exchanges = new();

    [Fact]
    public async Task Every_operation_answers_only_documented_statuses_with_bodies_valid_against_their_schemas()
    {
        var document = new ServedDocument(await fixture.Api.CreateClient().GetStringAsync(DocumentPath));

        await new ContractScenario(Client).Run();

        var exchanges = _exchanges.ToList();
        var violations = exchanges.SelectMany(document.Violations).ToList();
        Assert.True(violations.Count == 0, $"{violations.Count} responses differ from the document:\n{string.Join("\n\n", violations)}");
        var exercised = exchanges.Select(e => document.OperationOf(e.Method, e.Path)).OfType<string>().ToHashSet();
        var missed = document.Operations.Where(o => !exercised.Contains(o)).ToList();
        Assert.True(missed.Count == 0, $"The scenario never called: {string.Join(", ", missed)}");
    }

    [Fact]
    public async Task Every_route_the_service_maps_is_in_the_document()
    {
        var paths = JsonNode.Parse(await fixture.Api.CreateClient().GetStringAsync(DocumentPath))!["paths"]!.AsObject();
        var routes = fixture.Api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !Undocumented.IsMatch(e.RoutePattern.RawText ?? ""))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();

        Assert.NotEmpty(routes);
        var missing = routes.Where(r => paths[Template(r.Route)]?[r.Method.ToLowerInvariant()] is null).Select(r => $"{r.Method} {r.Route}").ToList();
        Assert.True(missing.Count == 0, $"Mapped but not documented: {string.Join(", ", missing)}");
    }

    /// <summary>A route as the document writes it: leading slash, no constraints.</summary>
    private static string Template(string route) => "/" + Regex.Replace(route.Trim('/'), @"\{(\w+)(:[^}]+)?\}", "{$1}");

    private HttpClient Client(string? subject, string? role = null)
    {
        var client = fixture.Api.CreateDefaultClient(new RecordedExchanges(_exchanges));
        if (subject is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Api.Token(subject, role));
        }

        return client;
    }
}
