using System.Text.Json.Nodes;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>The document tells clients about conditional requests and rate limits where the service applies them.</summary>
[Collection(nameof(ContractApi))]
public sealed class DocumentedHeadersTests(ContractApi fixture)
{
    [Fact]
    public async Task Resource_operations_document_etag_304_if_match_412_428_and_every_api_operation_429_with_its_headers()
    {
        var paths = JsonNode.Parse(await fixture.Api.CreateClient().GetStringAsync("/api/docs/v1/openapi.json"))!["paths"]!;
        var get = paths["/api/tickets/{number}"]!["get"]!;
        var patch = paths["/api/tickets/{number}/status"]!["patch"]!;
        var create = paths["/api/tickets"]!["post"]!;

        Assert.Contains("If-None-Match", HeaderParameters(get));
        Assert.NotNull(get["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.NotNull(get["responses"]!["304"]);
        Assert.Contains("If-Match", HeaderParameters(patch));
        Assert.NotNull(patch["responses"]!["200"]!["headers"]!["ETag"]);
        Assert.Equal("#/components/schemas/Problem", (string?)patch["responses"]!["412"]!["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        Assert.NotNull(patch["responses"]!["428"]);
        Assert.DoesNotContain("If-Match", HeaderParameters(create));
        foreach (var operation in new[] { get, patch, create })
        {
            var limited = operation["responses"]!["429"]!["headers"]!.AsObject();
            Assert.True(limited.ContainsKey("Retry-After") && limited.ContainsKey("RateLimit") && limited.ContainsKey("RateLimit-Policy"));
        }

        Assert.Null(paths["/health/live"]!["get"]!["responses"]!["429"]);
    }

    [Fact]
    public async Task Every_post_documents_idempotency_key_its_422_and_409_and_idempotent_replayed_on_success()
    {
        var paths = JsonNode.Parse(await fixture.Api.CreateClient().GetStringAsync("/api/docs/v1/openapi.json"))!["paths"]!.AsObject();
        var posts = paths.Select(path => (path.Key, Operation: path.Value!["post"])).Where(p => p.Operation is not null).ToList();

        Assert.NotEmpty(posts);
        foreach (var (path, post) in posts)
        {
            Assert.True(HeaderParameters(post!).Contains("Idempotency-Key"), $"POST {path} does not document Idempotency-Key");
            var responses = post!["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("422") && responses.ContainsKey("409") && responses.ContainsKey("400"), $"POST {path} lacks 400/409/422");
            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('2')))
            {
                Assert.True(response!["headers"]?["Idempotent-Replayed"] is not null, $"POST {path} {status} does not document Idempotent-Replayed");
            }
        }

        Assert.DoesNotContain("Idempotency-Key", HeaderParameters(paths["/api/tickets"]!["get"]!));
    }

    private static IEnumerable<string?> HeaderParameters(JsonNode operation) =>
        operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "header").Select(p => (string?)p!["name"]) ?? [];
}
