using System.Security.Cryptography;
using System.Text;

namespace TicketPlatform.Api.Idempotency;

/// <summary>
/// What makes two requests "the same request" for a key: method, path with query, and the SHA-256 of the body. The body
/// is hashed as it streams into the request's buffer (spooled to disk past a small size, so an upload is never held in
/// memory) and rewound for the endpoint.
/// </summary>
internal static class RequestFingerprint
{
    private const int MemoryThreshold = 64 * 1024;

    public static async Task<string> Compute(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering(MemoryThreshold);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"{request.Method}\n{request.PathBase}{request.Path}{request.QueryString}\n"));
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
