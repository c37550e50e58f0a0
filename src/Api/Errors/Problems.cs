using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Errors;

/// <summary>RFC 9457 problem responses with the API's stable <c>code</c>.</summary>
public static class Problems
{
    public static int StatusOf(string code) => code switch
    {
        ErrorCodes.Validation => StatusCodes.Status400BadRequest,
        ErrorCodes.NotFound => StatusCodes.Status404NotFound,
        ErrorCodes.Forbidden => StatusCodes.Status403Forbidden,
        ErrorCodes.InvalidTransition or ErrorCodes.Locked or ErrorCodes.Conflict or ErrorCodes.Archived => StatusCodes.Status409Conflict,
        ErrorCodes.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        _ => StatusCodes.Status500InternalServerError,
    };

    public static ProblemHttpResult ToProblem(this DomainError error)
    {
        var problem = error.Errors is { } errors
            ? new HttpValidationProblemDetails(errors)
            : new ProblemDetails();
        problem.Status = StatusOf(error.Code);
        problem.Title = TitleOf(error.Code);
        problem.Detail = error.Message;
        problem.Extensions["code"] = error.Code;
        if (error.Allowed is { } allowed)
        {
            problem.Extensions["allowed"] = allowed;
        }

        if (error.Reason is { } reason)
        {
            problem.Extensions["reason"] = reason;
        }

        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Validation(string field, string message) => DomainError.Validation(field, message).ToProblem();

    public static ProblemHttpResult NotFound(string what) => DomainError.NotFound(what).ToProblem();

    /// <summary>Writes a problem from middleware, outside endpoint results.</summary>
    public static Task Write(
        HttpContext context, int status, string? code, string title, string detail, IDictionary<string, string[]>? errors = null,
        IEnumerable<KeyValuePair<string, object?>>? extensions = null)
    {
        var problem = errors is null ? new ProblemDetails() : new HttpValidationProblemDetails(errors);
        problem.Status = status;
        problem.Title = title;
        problem.Detail = detail;
        if (code is not null)
        {
            problem.Extensions["code"] = code;
        }

        foreach (var (name, value) in extensions ?? [])
        {
            problem.Extensions[name] = value;
        }

        context.Response.StatusCode = status;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }

    private static string TitleOf(string code) => code switch
    {
        ErrorCodes.Validation => "The request is not valid.",
        ErrorCodes.NotFound => "Not found.",
        ErrorCodes.Forbidden => "Forbidden.",
        ErrorCodes.InvalidTransition => "This status change is not allowed.",
        ErrorCodes.Locked => "The field is locked.",
        ErrorCodes.Archived => "The ticket is archived.",
        ErrorCodes.PreconditionFailed => "The resource has changed.",
        _ => "Conflict.",
    };
}
