using Microsoft.IdentityModel.Tokens;

namespace TicketPlatform.Api.Auth;

/// <summary>What a bearer token must be (RFC 8725): its algorithms, its <c>typ</c> and, for ours, its lifetime.</summary>
public static class AccessTokens
{
    /// <summary>The <c>typ</c> of an OAuth 2.0 access token (RFC 9068); the token command mints it.</summary>
    public const string Type = "at+jwt";

    /// <summary>The longest lifetime the token command mints: one day.</summary>
    public const int MaxMinutes = 24 * 60;

    /// <summary>HS256 needs a key at least as long as its hash (RFC 7518 §3.2).</summary>
    public const int MinKeyBytes = 32;

    /// <summary>Tokens signed with the shared key: HS256 only.</summary>
    public static readonly string[] SymmetricAlgorithms = [SecurityAlgorithms.HmacSha256];

    /// <summary>Tokens of an authority: its asymmetric keys only, so a public key can never be used as an HMAC secret.</summary>
    public static readonly string[] AuthorityAlgorithms =
    [
        SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
        SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
    ];

    /// <summary>Ours are all <see cref="Type"/>; many authorities label their access tokens plain <c>JWT</c>.</summary>
    public static readonly string[] SymmetricTypes = [Type];

    public static readonly string[] AuthorityTypes = [Type, "JWT"];
}
