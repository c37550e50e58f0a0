namespace TicketPlatform.Common;

/// <summary>The outcome of a grain command: a value, or a <see cref="DomainError"/>.</summary>
[GenerateSerializer, Immutable, Alias("tp.Result`1")]
public sealed record Result<T>(
    [property: Id(0)] T? Value,
    [property: Id(1)] DomainError? Error)
{
    public bool IsSuccess => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(DomainError error) => new(default, error);
}
