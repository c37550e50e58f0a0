namespace TicketPlatform.Api.Auth;

/// <summary>Bound from <c>TicketPlatform:Auth</c>.</summary>
public sealed class AuthOptions
{
    public const string Section = "TicketPlatform:Auth";

    public string Issuer { get; set; } = "ticketplatform";

    public string Audience { get; set; } = "ticketplatform-api";

    /// <summary>An OpenID Connect authority whose JWKS signs tokens (production).</summary>
    public string? Authority { get; set; }

    /// <summary>A base64 symmetric signing key shared by every node (production without an authority).</summary>
    public string? SigningKey { get; set; }

    /// <summary>The JWT claim whose value seeds the first local role.</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>
    /// The longest a node serves a caller's local identity from memory. Changes are pushed to every node at once; this
    /// only bounds how long a push that got lost could leave a node behind.
    /// </summary>
    public TimeSpan IdentityCacheTtl { get; set; } = TimeSpan.FromSeconds(30);
}
