using Microsoft.AspNetCore.Http.HttpResults;
using TicketPlatform.Common;

namespace TicketPlatform.Api.Errors;

/// <summary>Maps a grain's <see cref="Result{T}"/> to the endpoint's typed result.</summary>
public static class ResultHttpExtensions
{
    public static Results<Ok<TOut>, ProblemHttpResult> ToOk<T, TOut>(this Result<T> result, Func<T, TOut> map) =>
        result.IsSuccess ? TypedResults.Ok(map(result.Value!)) : result.Error!.ToProblem();

    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();

    public static Results<NoContent, ProblemHttpResult> ToNoContent<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
}
