namespace TicketPlatform.Api.OpenApi;

/// <summary>
/// What a query parameter really holds. The endpoints bind query values as text and parse them themselves (so a bad
/// value is a 400 naming the parameter); this tells the document the type, its values and bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class QueryValueAttribute(Type type) : Attribute
{
    public Type Type { get; } = type;

    /// <summary>Allowed values of a text parameter (e.g. sort fields).</summary>
    public string[]? Values { get; init; }

    public long Minimum { get; init; } = long.MinValue;

    public long Maximum { get; init; } = long.MaxValue;

    public int MaxLength { get; init; }

    public string? Pattern { get; init; }

    public bool Required { get; init; }
}
