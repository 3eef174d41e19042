using System.Security.Claims;
using Maestro.GrainInterfaces.Access;
using Microsoft.AspNetCore.Authentication;

namespace Maestro.Api.Access;

/// <summary>
/// Turns the key grain's answer into the signed-in user, for every scheme that authenticates by an API key (the
/// <c>X-Api-Key</c> header, the dashboard's session cookie), so the role policies and the audit log read the same claims.
/// </summary>
public static class ApiKeyPrincipal
{
    /// <summary>A successful result for <paramref name="identity"/>: its key id, name and role as claims of <paramref name="scheme"/>.</summary>
    public static AuthenticateResult Authenticated(ApiKeyIdentity identity, string scheme)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        var claims = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, identity.KeyId),
                new Claim(ClaimTypes.Name, identity.Name),
                new Claim(ClaimTypes.Role, MaestroPolicies.RoleName(identity.Role)),
            ],
            scheme);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), scheme));
    }
}
