using Maestro.GrainInterfaces.Access;
using Microsoft.AspNetCore.Authorization;

namespace Maestro.Api.Access;

/// <summary>
/// Wires API-key authentication, the role policies and audited denials into a host of the REST API (the silo or the
/// gateway). The first admin key is the silo's job (<c>InitialApiKeyAnnouncer</c> there): it owns the key grains' storage.
/// </summary>
public static class AccessHosting
{
    public static IServiceCollection AddMaestroAccess(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The core services only: AddAuthentication would also add data protection, which this scheme does not use and
        // which would write a key ring under the user's home folder.
        services.AddWebEncoders();
        services.AddAuthenticationCore(o =>
        {
            o.DefaultScheme = ApiKeyAuthenticationHandler.SchemeName;
            o.AddScheme<ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, ApiKeyAuthenticationHandler.SchemeName);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(MaestroPolicies.Viewer, p => RequireRole(p, ApiRole.Viewer))
            .AddPolicy(MaestroPolicies.Operator, p => RequireRole(p, ApiRole.Operator))
            .AddPolicy(MaestroPolicies.Admin, p => RequireRole(p, ApiRole.Admin));
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    private static void RequireRole(AuthorizationPolicyBuilder policy, ApiRole minimum) =>
        policy.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireRole(MaestroPolicies.RolesAtLeast(minimum));
}
