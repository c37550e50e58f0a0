using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Json.Schema;

namespace TicketPlatform.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document as the running service serves it, and what it promises per operation: the statuses it
/// lists and, per status and media type, a JSON Schema (2020-12, as OpenAPI 3.1 uses) checked with JsonSchema.Net.
/// </summary>
public sealed class ServedDocument
{
    private readonly JsonObject _document;
    private readonly JsonObject _definitions;
    private readonly List<(string Method, string Template, Regex Path)> _operations = [];

    public ServedDocument(string json)
    {
        _document = JsonNode.Parse(json)!.AsObject();
        _definitions = JsonNode.Parse(_document["components"]?["schemas"]?.ToJsonString() ?? "{}")!.AsObject();
        foreach (var (template, item) in _document["paths"]!.AsObject())
        {
            var pattern = new Regex("^" + Regex.Replace(Regex.Escape(template), @"\\\{[^}]+}", "[^/]+") + "$");
            foreach (var (method, _) in item!.AsObject().Where(o => o.Key is "get" or "put" or "post" or "delete" or "patch" or "head" or "options"))
            {
                _operations.Add((method.ToUpperInvariant(), template, pattern));
            }
        }
    }

    public IEnumerable<string> Operations => _operations.Select(o => $"{o.Method} {o.Template}");

    /// <summary>Each operation that takes a JSON body, with the JSON types its schema allows for each top-level property.</summary>
    public IEnumerable<JsonBodyOperation> JsonBodies() =>
        from path in _document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        let schema = operation.Value?["requestBody"]?["content"]?["application/json"]?["schema"]
        where schema is not null
        select new JsonBodyOperation(operation.Key.ToUpperInvariant(), path.Key,
            (Resolve(schema)["properties"]?.AsObject() ?? []).ToDictionary(p => p.Key, p => TypesOf(p.Value)));

    /// <summary>The JSON types a schema allows, null aside; none for a schema that takes any value.</summary>
    private string[] TypesOf(JsonNode? schema)
    {
        var resolved = schema is null ? null : Resolve(schema);
        return resolved?["oneOf"] is JsonArray options
            ? [.. options.SelectMany(TypesOf).Distinct()]
            : resolved?["type"] switch
            {
                JsonArray types => [.. types.Select(t => (string)t!).Where(t => t != "null")],
                JsonValue type when (string)type! != "null" => [(string)type!],
                _ => [],
            };
    }

    private JsonNode Resolve(JsonNode schema) =>
        schema["$ref"] is JsonValue reference ? Resolve(_definitions[((string)reference!).Split('/')[^1]]!) : schema;

    /// <summary>The documented operation a request went to: the most literal template matching its path.</summary>
    public string? OperationOf(string method, string path) => _operations
        .Where(o => o.Method == method && o.Path.IsMatch(path))
        .OrderBy(o => o.Template.Count(c => c == '{'))
        .Select(o => $"{o.Method} {o.Template}")
        .FirstOrDefault();

    /// <summary>What is wrong with <paramref name="exchange"/> measured against the document; empty when nothing is.</summary>
    public IEnumerable<string> Violations(Exchange exchange)
    {
        var operation = OperationOf(exchange.Method, exchange.Path);
        if (operation is null)
        {
            yield return $"{exchange.Method} {exchange.Path}: no documented operation";
            yield break;
        }

        var (method, template) = (operation.Split(' ')[0], operation.Split(' ', 2)[1]);
        var responses = _document["paths"]![template]![method.ToLowerInvariant()]!["responses"]!.AsObject();
        var response = responses[exchange.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)] ?? responses["default"];
        if (response is null)
        {
            yield return $"{operation}: status {exchange.Status} is not documented ({string.Join(", ", responses.Select(r => r.Key))})";
            yield break;
        }

        if (exchange.Body.Length == 0)
        {
            yield break;
        }

        var content = response["content"]?.AsObject();
        var media = MediaRange(content, exchange.MediaType);
        if (media is null)
        {
            yield return $"{operation} {exchange.Status}: media type {exchange.MediaType} is not documented";
            yield break;
        }

        if (media["schema"] is not JsonObject schema || exchange.MediaType?.EndsWith("json", StringComparison.OrdinalIgnoreCase) != true)
        {
            yield break;
        }

        var results = Compile(schema).Evaluate(JsonDocument.Parse(exchange.Body).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (!results.IsValid)
        {
            yield return $"{operation} {exchange.Status}: the body does not fit its schema: {JsonSerializer.Serialize(results)}\n{exchange.Body}";
        }
    }

    /// <summary>The most specific documented media range that covers <paramref name="mediaType"/> (exact, <c>type/*</c>, <c>*/*</c>).</summary>
    private static JsonNode? MediaRange(JsonObject? content, string? mediaType)
    {
        string[] ranges = mediaType is null ? ["*/*"] : [mediaType, mediaType.Split('/')[0] + "/*", "*/*"];
        return ranges.Select(range => content?.FirstOrDefault(c => string.Equals(c.Key, range, StringComparison.OrdinalIgnoreCase)).Value).FirstOrDefault(m => m is not null);
    }

    /// <summary>A standalone schema: the operation's, with the document's components as its <c>$defs</c>.</summary>
    private JsonSchema Compile(JsonObject schema)
    {
        var standalone = JsonNode.Parse(schema.ToJsonString())!.AsObject();
        standalone["$schema"] = "https://json-schema.org/draft/2020-12/schema";
        standalone["$defs"] = JsonNode.Parse(_definitions.ToJsonString());
        var text = standalone.ToJsonString().Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
    }
}

/// <summary>An operation that takes a JSON body, and the JSON types allowed for each of the body's properties.</summary>
public sealed record JsonBodyOperation(string Method, string Template, IReadOnlyDictionary<string, string[]> Properties);
