using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using TicketPlatform.Users;

namespace TicketPlatform.Api.Auth;

public static class AuthServiceCollectionExtensions
{
    private static readonly UserRole[] StaffRoles = [UserRole.Agent, UserRole.Admin];
    private static readonly UserRole[] AdminRoles = [UserRole.Admin];

    public static IServiceCollection AddTicketPlatformAuth(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        services.AddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LocalIdentityCache>();

        // Resolved now, not when the first request arrives: a missing, weak or exposed key stops the start.
        var authority = options.Authority is { Length: > 0 } configured ? configured : null;
        var signingKey = authority is null ? SigningKeys.Resolve(options, configuration) : null;

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            jwt.SaveToken = false; // nothing reads the raw token back from the authentication properties
            jwt.Authority = authority;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = options.Issuer,
                ValidAudience = options.Audience,
                ValidateIssuer = true,
                ValidateAudience = true,
                ValidateLifetime = true,
                ValidateIssuerSigningKey = true,
                RequireExpirationTime = true,
                RequireSignedTokens = true,
                IssuerSigningKey = signingKey,
                ValidAlgorithms = authority is null ? AccessTokens.SymmetricAlgorithms : AccessTokens.AuthorityAlgorithms,
                ValidTypes = authority is null ? AccessTokens.SymmetricTypes : AccessTokens.AuthorityTypes,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = "sub",
                RoleClaimType = LocalClaims.IgnoredJwtRole,
            };

            jwt.Events = new JwtBearerEvents
            {
                OnMessageReceived = HubAccessToken.FromQueryString,
                OnTokenValidated = JitUserSync.OnTokenValidated,
            };
        });
        services.AddSingleton<RememberedTokenHandler>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<RememberedTokenHandler>((jwt, tokens) =>
        {
            tokens.MapInboundClaims = jwt.MapInboundClaims;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(tokens);
        });

        // No scheme named: the bearer scheme is the default one, so the authentication middleware has already set the
        // caller; naming it would authenticate every request a second time and merge the result into a new principal.
        // One requirement per policy, an assertion on the local identity: a caller has one only once authenticated, so
        // it stands for "authenticated" too, and every further requirement is evaluated again on every request.
        var activeUser = Asserting(user => user.IsActive());
        services.AddAuthorizationBuilder()
            .SetDefaultPolicy(activeUser)
            .SetFallbackPolicy(activeUser)
            .AddPolicy(Policies.Staff, Asserting(user => user.IsActive() && user.HasLocalRole(StaffRoles)))
            .AddPolicy(Policies.Admin, Asserting(user => user.IsActive() && user.HasLocalRole(AdminRoles)));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        return services;
    }

    private static AuthorizationPolicy Asserting(Func<ClaimsPrincipal, bool> holds) =>
        new AuthorizationPolicyBuilder().RequireAssertion(context => holds(context.User)).Build();
}
