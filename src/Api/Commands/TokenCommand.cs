using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Hosting;

namespace TicketPlatform.Api.Commands;

/// <summary>
/// <c>token --sub alice [--role ADMIN] [--name "Alice"] [--email a@x.io] [--minutes 60]</c>: prints a JWT that the
/// service started with the same data directory (or the same configured key) accepts. Only the token goes to stdout.
/// </summary>
public static class TokenCommand
{
    private static readonly Dictionary<string, string> Switches = new(StringComparer.Ordinal)
    {
        ["--sub"] = "sub",
        ["--role"] = "role",
        ["--name"] = "name",
        ["--email"] = "email",
        ["--minutes"] = "minutes",
    };

    public static int Run(string[] args)
    {
        var configuration = CommandConfiguration.Build(args, Switches);
        var subject = configuration["sub"];
        if (string.IsNullOrWhiteSpace(subject))
        {
            Console.Error.WriteLine("usage: token --sub SUBJECT [--role USER|AGENT|ADMIN] [--name NAME] [--email EMAIL] [--minutes 60]");
            return 2;
        }

        if (!int.TryParse(configuration["minutes"] ?? "60", NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) || minutes < 1)
        {
            Console.Error.WriteLine("--minutes must be a positive whole number.");
            return 2;
        }

        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        Console.Out.WriteLine(Mint(options, SigningKeys.Resolve(options, configuration), subject, configuration["role"], configuration["name"], configuration["email"], TimeSpan.FromMinutes(minutes)));
        return 0;
    }

    public static string Mint(AuthOptions options, SecurityKey key, string subject, string? role, string? name, string? email, TimeSpan lifetime)
    {
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, subject), new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")) };
        if (role is { Length: > 0 })
        {
            claims.Add(new Claim(options.RoleClaim, role.ToUpperInvariant()));
        }

        if (name is { Length: > 0 })
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Name, name));
        }

        if (email is { Length: > 0 })
        {
            claims.Add(new Claim(JwtRegisteredClaimNames.Email, email));
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
