using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Commands;

namespace TicketPlatform.Api.Tests.Auth;

/// <summary>
/// A token the bearer scheme accepted is answered from memory only while nothing that decided it has changed: the same
/// signing key, and before the token's <c>exp</c>. A remembered answer is recognisable by carrying the same parsed token.
/// </summary>
public sealed class RememberedTokenHandlerTests
{
    private static readonly AuthOptions Options = new();

    private readonly SymmetricSecurityKey _key = new(RandomNumberGenerator.GetBytes(64));
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task The_same_token_is_answered_from_memory_with_its_own_copy_of_the_identity()
    {
        var handler = new RememberedTokenHandler(_clock) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromMinutes(5));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid);
        Assert.True(second.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken);
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.IsType<CaseSensitiveClaimsIdentity>(second.ClaimsIdentity);
        Assert.Equal(first.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)), second.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)));
    }

    [Fact]
    public async Task Another_signing_key_checks_the_token_again_and_refuses_it()
    {
        var handler = new RememberedTokenHandler(_clock) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromMinutes(5));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var otherKey = await handler.ValidateTokenAsync(token, Parameters(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64))));

        Assert.False(otherKey.IsValid);
    }

    [Fact]
    public async Task A_token_past_its_expiry_is_not_answered_from_memory()
    {
        var handler = new RememberedTokenHandler(_clock) { MapInboundClaims = false };
        var token = Mint(TimeSpan.FromMinutes(5));
        var first = await handler.ValidateTokenAsync(token, Parameters(_key));

        _clock.Now += TimeSpan.FromMinutes(6);
        var later = await handler.ValidateTokenAsync(token, Parameters(_key));

        // Checked again (the library's own clock still finds it valid): a new parse, not the remembered one.
        Assert.True(later.IsValid);
        Assert.NotSame(first.SecurityToken, later.SecurityToken);
    }

    [Fact]
    public async Task The_short_way_recalls_a_token_checked_against_its_own_keys_until_its_expiry_sharing_one_read_only_identity()
    {
        var handler = new RememberedTokenHandler(_clock) { MapInboundClaims = false };
        var scheme = new JwtBearerOptions { TokenValidationParameters = Parameters(_key) };
        var token = Mint(TimeSpan.FromMinutes(5));
        Assert.Null(await handler.RecallAsync(token, scheme));

        // The standard way hands the token handler a copy of the scheme's parameters (same keys).
        var checkedFirst = await handler.ValidateTokenAsync(token, scheme.TokenValidationParameters.Clone());
        var recalled = await handler.RecallAsync(token, scheme);
        var again = await handler.RecallAsync(token, scheme);

        Assert.NotNull(recalled);
        Assert.Same(recalled, again);
        Assert.Throws<NotSupportedException>(() => recalled.AddClaim(new System.Security.Claims.Claim("role", "ADMIN")));
        Assert.Throws<NotSupportedException>(() => recalled.RemoveClaim(recalled.FindFirst("sub")));
        Assert.NotSame(checkedFirst.ClaimsIdentity, recalled);
        Assert.Equal(checkedFirst.ClaimsIdentity.Claims.Select(c => (c.Type, c.Value)), recalled.Claims.Select(c => (c.Type, c.Value)));
        Assert.Null(await handler.RecallAsync(token, new JwtBearerOptions { TokenValidationParameters = Parameters(new SymmetricSecurityKey(RandomNumberGenerator.GetBytes(64))) }));
        Assert.Null(await handler.RecallAsync(Mint(TimeSpan.FromMinutes(5)), scheme));

        _clock.Now += TimeSpan.FromMinutes(6);
        Assert.Null(await handler.RecallAsync(token, scheme));
    }

    private string Mint(TimeSpan lifetime) => TokenCommand.Mint(Options, _key, $"remembered-{Guid.NewGuid():N}", null, "Jane", null, lifetime);

    private static TokenValidationParameters Parameters(SecurityKey key) => new()
    {
        ValidIssuer = Options.Issuer,
        ValidAudience = Options.Audience,
        IssuerSigningKey = key,
        ValidAlgorithms = AccessTokens.SymmetricAlgorithms,
        ValidTypes = AccessTokens.SymmetricTypes,
        RequireExpirationTime = true,
        NameClaimType = "sub",
    };

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
