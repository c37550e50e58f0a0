namespace TicketPlatform.Common;

/// <summary>A typed domain refusal: the grain's answer when a command may not be carried out.</summary>
[GenerateSerializer, Immutable, Alias("tp.DomainError")]
public sealed record DomainError(
    [property: Id(0)] string Code,
    [property: Id(1)] string Message,
    [property: Id(2)] Dictionary<string, string[]>? Errors = null,
    [property: Id(3)] string[]? Allowed = null,
    [property: Id(4)] string? Reason = null)
{
    public static DomainError NotFound(string what) => new(ErrorCodes.NotFound, $"{what} was not found.");

    public static DomainError Forbidden(string message, string? reason = null) => new(ErrorCodes.Forbidden, message, Reason: reason);

    public static DomainError Conflict(string message, string? reason = null) => new(ErrorCodes.Conflict, message, Reason: reason);

    public static DomainError Locked(string field) => new(ErrorCodes.Locked, $"The {field} is locked.", Reason: "LOCKED");

    public static DomainError InvalidTransition(string message, string[] allowed) =>
        new(ErrorCodes.InvalidTransition, message, Allowed: allowed, Reason: "STATUS");

    public static DomainError Archived() => new(ErrorCodes.Archived, "The ticket is archived; it cannot be changed.", Reason: "ARCHIVED");

    public static DomainError Validation(string field, string message) =>
        new(ErrorCodes.Validation, "The request is not valid.", new Dictionary<string, string[]> { [field] = [message] });

    public static DomainError Validation(Dictionary<string, string[]> errors) =>
        new(ErrorCodes.Validation, "The request is not valid.", errors);
}
