using TicketPlatform.Users;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Commands;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Auth;

public abstract class TokenValidationTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    public static TheoryData<string> BadTokens => new()
    {
        "expired", "unsigned", "wrong-key", "wrong-issuer", "wrong-audience", "garbage", "no-subject",
        "hs384", "hs512", "rs256", "typ-JWT", "typ-id+jwt", "no-typ",
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_is_401_and_creates_nothing(string kind)
    {
        var subject = $"bad-token-{Guid.NewGuid():N}";
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", BadToken(kind, subject));

        var response = await client.PostJson("/api/tickets", new { title = "Should not exist", description = "x" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(0, await Api.Database.CountRows("users", "subject", subject));
    }

    [Fact]
    public async Task No_token_is_401()
    {
        var response = await Api.CreateClient().GetAsync("/api/tickets");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_valid_token_creates_the_user_once_with_its_claims()
    {
        var subject = $"jit-{Guid.NewGuid():N}";
        var client = Api.ClientFor(subject, name: "Jane Doe");

        var first = await (await client.GetAsync("/api/users/me")).Read<UserView>();
        var second = await (await client.GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal(first.Id, second.Id);
        Assert.Equal("Jane Doe", first.Name);
        Assert.Equal(UserRole.User, first.Role);
        Assert.Equal(1, await Api.Database.CountRows("users", "subject", subject));
    }

    [Fact]
    public async Task The_role_claim_seeds_the_first_role_only()
    {
        var subject = $"seed-{Guid.NewGuid():N}";
        var asUser = await (await Api.ClientFor(subject).GetAsync("/api/users/me")).Read<UserView>();

        var laterAdminClaim = await (await Api.ClientFor(subject, role: "ADMIN").GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal(UserRole.User, asUser.Role);
        Assert.Equal(UserRole.User, laterAdminClaim.Role);
    }

    [Fact]
    public async Task A_configured_bootstrap_subject_becomes_admin()
    {
        var me = await (await Api.ClientFor(ApiFactory.BootstrapAdmin).GetAsync("/api/users/me")).Read<UserView>();

        Assert.Equal(UserRole.Admin, me.Role);
    }

    private string BadToken(string kind, string subject)
    {
        var options = Api.Auth;
        return kind switch
        {
            "expired" => Mint(options, Api.SigningKey, subject, DateTime.UtcNow.AddHours(-2), DateTime.UtcNow.AddHours(-1)),
            "unsigned" => Unsigned(options, subject),
            "wrong-key" => TokenCommand.Mint(options, new SymmetricSecurityKey(new byte[64]), subject, null, null, null, TimeSpan.FromMinutes(5)),
            "wrong-issuer" => TokenCommand.Mint(new AuthOptions { Issuer = "someone-else" }, Api.SigningKey, subject, null, null, null, TimeSpan.FromMinutes(5)),
            "wrong-audience" => TokenCommand.Mint(new AuthOptions { Audience = "another-api" }, Api.SigningKey, subject, null, null, null, TimeSpan.FromMinutes(5)),
            "no-subject" => TokenCommand.Mint(options, Api.SigningKey, "", null, null, null, TimeSpan.FromMinutes(5)),
            "hs384" => Mint(options, Api.SigningKey, subject, algorithm: SecurityAlgorithms.HmacSha384),
            "hs512" => Mint(options, Api.SigningKey, subject, algorithm: SecurityAlgorithms.HmacSha512),
            "rs256" => Mint(options, new RsaSecurityKey(RSA.Create(2048)), subject, algorithm: SecurityAlgorithms.RsaSha256),
            "typ-JWT" => Mint(options, Api.SigningKey, subject, type: "JWT"),
            "typ-id+jwt" => Mint(options, Api.SigningKey, subject, type: "id+jwt"),
            "no-typ" => WithoutType(options, (SymmetricSecurityKey)Api.SigningKey, subject),
            _ => "not.a.jwt",
        };
    }

    /// <summary>A token that is right in everything but what the arguments change.</summary>
    private static string Mint(
        AuthOptions options, SecurityKey key, string subject, DateTime? notBefore = null, DateTime? expires = null,
        string algorithm = SecurityAlgorithms.HmacSha256, string type = AccessTokens.Type) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject },
            IssuedAt = notBefore ?? DateTime.UtcNow,
            NotBefore = notBefore ?? DateTime.UtcNow,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(5),
            TokenType = type,
            SigningCredentials = new SigningCredentials(key, algorithm),
        });

    /// <summary>Correctly signed with the service's key and algorithm, but with no <c>typ</c> in its header.</summary>
    private static string WithoutType(AuthOptions options, SymmetricSecurityKey key, string subject)
    {
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        var content = $"{Part("{\"alg\":\"HS256\"}")}.{Part($"{{\"sub\":\"{subject}\",\"iss\":\"{options.Issuer}\",\"aud\":\"{options.Audience}\",\"exp\":{exp}}}")}";
        var signature = HMACSHA256.HashData(key.Key, Encoding.ASCII.GetBytes(content));
        return $"{content}.{Base64UrlEncoder.Encode(signature)}";
    }

    private static string Part(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    [Fact]
    public async Task The_token_command_mints_the_accepted_algorithm_and_type()
    {
        var client = Api.ClientFor($"typed-{Guid.NewGuid():N}");
        var header = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(client.DefaultRequestHeaders.Authorization!.Parameter);

        var response = await client.GetAsync("/api/users/me");

        Assert.Equal((SecurityAlgorithms.HmacSha256, AccessTokens.Type), (header.Alg, header.Typ));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static string Unsigned(AuthOptions options, string subject)
    {
        var exp = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        return $"{Part("{\"alg\":\"none\",\"typ\":\"JWT\"}")}.{Part($"{{\"sub\":\"{subject}\",\"iss\":\"{options.Issuer}\",\"aud\":\"{options.Audience}\",\"exp\":{exp}}}")}.";
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteTokenValidationTests(SqliteApi fixture) : TokenValidationTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresTokenValidationTests(PostgresApi fixture) : TokenValidationTests(fixture);
