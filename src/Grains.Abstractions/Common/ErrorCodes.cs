namespace TicketPlatform.Common;

/// <summary>The stable <c>code</c> values of the API's problem responses.</summary>
public static class ErrorCodes
{
    public const string Validation = "VALIDATION";
    public const string NotFound = "NOT_FOUND";
    public const string Forbidden = "FORBIDDEN";
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string Locked = "LOCKED";
    public const string Conflict = "CONFLICT";
    public const string Archived = "ARCHIVED";
    public const string PreconditionFailed = "PRECONDITION_FAILED";
    public const string PreconditionRequired = "PRECONDITION_REQUIRED";
    public const string RateLimited = "RATE_LIMITED";
    public const string IdempotencyKeyReused = "IDEMPOTENCY_KEY_REUSED";
    public const string IdempotencyInFlight = "IDEMPOTENCY_IN_FLIGHT";
}
