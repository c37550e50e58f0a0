using System.Globalization;
using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Api.Auth;
using TicketPlatform.Api.Hosting;
using TicketPlatform.Hosting;

namespace TicketPlatform.Api.Commands;

/// <summary>
/// <c>token --sub alice [--role ADMIN] [--name "Alice"] [--email a@x.io] [--minutes 60]</c>: prints a JWT that the
/// service started with the same data directory (or the same configured key) accepts. Only the token goes to stdout.
/// Lifetimes go up to <see cref="AccessTokens.MaxMinutes"/>.
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

    public static int Run(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var configuration = CommandConfiguration.Build(args, Switches);
        var subject = configuration["sub"];
        if (string.IsNullOrWhiteSpace(subject))
        {
            error.WriteLine($"usage: token --sub SUBJECT [--role USER|AGENT|ADMIN] [--name NAME] [--email EMAIL] [--minutes 1..{AccessTokens.MaxMinutes}]");
            return 2;
        }

        if (!int.TryParse(configuration["minutes"] ?? "60", NumberStyles.None, CultureInfo.InvariantCulture, out var minutes)
            || minutes is < 1 or > AccessTokens.MaxMinutes)
        {
            error.WriteLine($"--minutes must be a whole number from 1 to {AccessTokens.MaxMinutes}.");
            return 2;
        }

        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        try
        {
            var key = SigningKeys.Resolve(options, configuration);
            output.WriteLine(Mint(options, key, subject, configuration["role"], configuration["name"], configuration["email"], TimeSpan.FromMinutes(minutes)));
            return 0;
        }
        catch (StartupRefusedException refused)
        {
            error.WriteLine(refused.Message);
            return 1;
        }
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
            TokenType = AccessTokens.Type,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
