using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Persistence;

namespace TicketPlatform.Api.Auth;

public static class SigningKeys
{
    /// <summary>The configured shared key, else the embedded profile's key from the data directory.</summary>
    public static SymmetricSecurityKey Resolve(AuthOptions options, IConfiguration configuration) => new(
        options.SigningKey is { Length: > 0 } configured
            ? Convert.FromBase64String(configured)
            : DevelopmentSigningKey.LoadOrCreate(DatabaseOptionsFactory.DataDirectory(configuration)));
}
