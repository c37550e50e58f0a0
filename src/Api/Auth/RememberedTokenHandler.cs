using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketPlatform.Api.Auth;

/// <summary>
/// The bearer scheme's token handler, remembering the tokens it accepted: a client sends the same token with every
/// request, and checking it again (parsing, the signature, the claims) was the largest single cost of a cheap read.
/// A token is answered from memory only when it is the same string, checked against the same signing keys (the same
/// key, or the same configuration of the authority), and before its <c>exp</c> (without the clock skew a first check
/// allows). Refusals are never remembered; memory is bounded by the characters of the tokens held. The standard way's
/// answers carry their own copy of the claims identity; the short way's (<see cref="RecallAsync"/>) share one that
/// cannot be changed (<see cref="ReadOnlyClaimsIdentity"/>), so nothing one request does to it reaches another.
/// </summary>
internal sealed class RememberedTokenHandler(TimeProvider time) : JsonWebTokenHandler
{
    /// <summary>The characters of all remembered tokens together (about 8 MB).</summary>
    public const long MaxHeldChars = 4 * 1024 * 1024;

    private readonly MemoryCache _accepted = new(new MemoryCacheOptions { SizeLimit = MaxHeldChars });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var keys = await SigningKeysOf(validationParameters);
        if (Recall(token, keys) is { } accepted)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = accepted.Token,
                ClaimsIdentity = Copy(accepted.Identity),
                Issuer = accepted.Issuer,
                TokenType = accepted.TokenType,
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && keys is not null && result.SecurityToken.ValidTo is var validTo && validTo > DateTime.MinValue)
        {
            var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc));
            if (time.GetUtcNow() < expires)
            {
                _accepted.Set(
                    token,
                    new Accepted(keys, expires, result.SecurityToken, new ReadOnlyClaimsIdentity(result.ClaimsIdentity), result.Issuer, result.TokenType),
                    new MemoryCacheEntryOptions { AbsoluteExpiration = expires, Size = token.Length });
            }
        }

        return result;
    }

    /// <summary>
    /// The identity of <paramref name="token"/>, shared and read-only, if it was accepted before and would be accepted now, else
    /// null (then the bearer handler checks it in full). The same test as <see cref="ValidateTokenAsync"/>'s, against the
    /// keys the bearer handler would hand it: the scheme's own parameters, or its authority's configuration.
    /// </summary>
    public async ValueTask<ClaimsIdentity?> RecallAsync(string token, JwtBearerOptions options)
    {
        var keys = options.ConfigurationManager is BaseConfigurationManager authority
            ? await CurrentConfiguration(authority)
            : SigningKeysOf(options.TokenValidationParameters.IssuerSigningKeys, options.TokenValidationParameters.IssuerSigningKey);
        return Recall(token, keys)?.Identity;
    }

    private Accepted? Recall(string token, object? keys) =>
        keys is not null && _accepted.TryGetValue(token, out Accepted? accepted) && ReferenceEquals(accepted!.Keys, keys) && time.GetUtcNow() < accepted.Expires
            ? accepted
            : null;

    /// <summary>What the token was checked against: the configured key(s), or the authority's current configuration (a refresh makes a new one).</summary>
    private static async ValueTask<object?> SigningKeysOf(TokenValidationParameters parameters) =>
        parameters.ConfigurationManager is { } authority
            ? await CurrentConfiguration(authority)
            : SigningKeysOf(parameters.IssuerSigningKeys, parameters.IssuerSigningKey);

    private static object? SigningKeysOf(IEnumerable<SecurityKey>? keys, SecurityKey? key) => (object?)keys ?? key;

    private static async ValueTask<object?> CurrentConfiguration(BaseConfigurationManager authority)
    {
        try
        {
            return await authority.GetBaseConfigurationAsync(CancellationToken.None);
        }
        catch (Exception)
        {
            // The authority cannot be reached: the library's own check decides (as it would without this handler), and nothing is remembered.
            return null;
        }
    }

    private static ClaimsIdentity Copy(ClaimsIdentity identity) =>
        identity is CaseSensitiveClaimsIdentity ? new CaseSensitiveClaimsIdentity(identity) : identity.Clone();

    private sealed record Accepted(object Keys, DateTimeOffset Expires, SecurityToken Token, ClaimsIdentity Identity, string? Issuer, string? TokenType);
}
