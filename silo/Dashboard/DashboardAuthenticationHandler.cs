using System.Security.Claims;
using System.Text.Encodings.Web;
using Maestro.GrainInterfaces.Access;
using Maestro.Api.Access;
using Microsoft.AspNetCore.Authentication;

namespace Maestro.Silo.Dashboard;

/// <summary>
/// Authenticates dashboard requests by their session cookie. The key behind a session is asked again at most every
/// <see cref="DashboardOptions.KeyRecheckPeriod"/>, so revoking it ends its sessions. Without a session, a page is
/// redirected to the sign-in page and a JSON endpoint answers 401 problem details.
/// </summary>
public sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DashboardSessions sessions,
    IOptions<DashboardOptions> dashboardOptions,
    IGrainFactory grains,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MaestroDashboard";

    public const string CookieName = "maestro_dashboard";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Only the dashboard's policies name this scheme, so it runs for dashboard endpoints alone.
        if (!Request.Cookies.TryGetValue(CookieName, out var id) || string.IsNullOrEmpty(id))
        {
            return AuthenticateResult.NoResult();
        }

        if (sessions.Find(id) is not { } session)
        {
            return AuthenticateResult.Fail("The dashboard session has ended; sign in again.");
        }

        var identity = session.Identity;
        if (TimeProvider.GetUtcNow() - session.CheckedAt >= dashboardOptions.Value.KeyRecheckPeriod)
        {
            if (await grains.GetGrain<IApiKeyGrain>(identity.KeyId).AuthenticateAsync(session.KeyHash) is not { } current)
            {
                sessions.Remove(id);
                return AuthenticateResult.Fail("The API key of this dashboard session was revoked.");
            }

            sessions.Confirm(id, current);
            identity = current;
        }

        var claims = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, identity.KeyId),
                new Claim(ClaimTypes.Name, identity.Name),
                new Claim(ClaimTypes.Role, MaestroPolicies.RoleName(identity.Role)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(claims), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (!DashboardPaths.IsJsonApi(Request.Path))
        {
            Response.Redirect(DashboardPaths.SignIn);
            return Task.CompletedTask;
        }

        Response.StatusCode = StatusCodes.Status401Unauthorized;
        return WriteProblemAsync("Sign-in required", $"Sign in at {DashboardPaths.SignIn} with an API key.");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Forbidden", "This page needs an admin key; sign in with one to see it.");
    }

    private Task WriteProblemAsync(string title, string detail) =>
        problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}
