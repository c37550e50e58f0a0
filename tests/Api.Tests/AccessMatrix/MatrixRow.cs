namespace TicketPlatform.Api.Tests.AccessMatrix;

/// <summary>
/// One endpoint of the matrix: the expected status per <see cref="Caller"/> (in enum order), how to call it on a
/// scenario, and whether the call changes state (then every cell gets a fresh scenario).
/// </summary>
public sealed record MatrixRow(
    string Endpoint,
    int[] Expected,
    Func<MatrixScenario, HttpClient, Task<HttpResponseMessage>> Send,
    Func<MatrixScenario, Task>? Prepare = null,
    bool Mutates = true)
{
    public int ExpectedFor(Caller caller) => Expected[(int)caller];
}
