using System.Net;
using System.Net.Http.Headers;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Tests.Fixtures;

namespace TicketPlatform.Api.Tests.Auth;

/// <summary>Role policies read the local identity only: no claim a token carries can grant a role.</summary>
public abstract class LocalRoleTests(ApiFixture fixture) : ApiTestBase(fixture)
{
    public static TheoryData<string> ForgedRoleClaims => new()
    {
        LocalClaims.IgnoredJwtRole,
        LocalClaims.Role,
        "role",
        "roles",
        "http://schemas.microsoft.com/ws/2008/06/identity/claims/role",
    };

    [Theory]
    [MemberData(nameof(ForgedRoleClaims))]
    public async Task A_forged_role_claim_on_a_local_user_is_403_on_admin_and_staff_endpoints(string claimType)
    {
        var subject = $"forger-{Guid.NewGuid():N}";
        await NewUser(subject: subject);
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TokenWithClaim(subject, claimType, "ADMIN"));

        await (await client.GetAsync("/api/users")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
        await (await client.GetAsync("/api/users/agents")).Problem(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    private string TokenWithClaim(string subject, string claimType, string value)
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Api.Auth.Issuer,
            Audience = Api.Auth.Audience,
            Claims = new Dictionary<string, object> { ["sub"] = subject, [claimType] = value },
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            TokenType = AccessTokens.Type,
            SigningCredentials = new SigningCredentials(Api.SigningKey, SecurityAlgorithms.HmacSha256),
        });
    }
}

[Collection(nameof(SqliteApi))]
public sealed class SqliteLocalRoleTests(SqliteApi fixture) : LocalRoleTests(fixture);

[Collection(nameof(PostgresApi))]
public sealed class PostgresLocalRoleTests(PostgresApi fixture) : LocalRoleTests(fixture);
