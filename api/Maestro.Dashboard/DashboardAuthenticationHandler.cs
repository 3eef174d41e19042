using System.Text.Encodings.Web;
using Maestro.Api.Access;
using Microsoft.AspNetCore.Authentication;

namespace Maestro.Dashboard;

/// <summary>
/// Authenticates dashboard requests by their session cookie, through the session's grain (<see cref="DashboardSessions"/>),
/// so a cookie issued by any silo or gateway works here. The key behind a session is asked again at most every
/// <see cref="DashboardOptions.KeyRecheckPeriod"/>, so revoking it ends its sessions. Without a session, a page is
/// redirected to the sign-in page and a JSON endpoint answers 401 problem details.
/// </summary>
public sealed class DashboardAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    DashboardSessions sessions,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "MaestroDashboard";

    public const string CookieName = "maestro_dashboard";

    /// <summary>The length of a session id: 32 random bytes in base64url without padding.</summary>
    public const int SessionIdLength = 43;

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // Only the dashboard's policies name this scheme, so it runs for dashboard endpoints alone.
        if (!Request.Cookies.TryGetValue(CookieName, out var id) || string.IsNullOrEmpty(id))
        {
            return AuthenticateResult.NoResult();
        }

        // Anything but an id this dashboard could have issued is refused before it reaches a grain.
        if (id.Length != SessionIdLength || await sessions.ResumeAsync(id) is not { } identity)
        {
            return AuthenticateResult.Fail("The dashboard session has ended; sign in again.");
        }

        return ApiKeyPrincipal.Authenticated(identity, SchemeName);
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
