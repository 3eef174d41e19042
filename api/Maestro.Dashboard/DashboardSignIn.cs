using System.Net;
using Maestro.GrainInterfaces.Access;
using Maestro.GrainInterfaces.Audit;
using Maestro.Grains.Access;
using Maestro.Grains.Audit;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Dashboard;

/// <summary>
/// The sign-in page (the only part of the dashboard served without a session), the form it posts a key to, and
/// sign-out. A browser cannot send an API key header when it navigates, so the key is exchanged once for a session
/// cookie. Failed sign-ins are audited as <c>auth.denied</c>, successful ones as <c>dashboard.sign-in</c>.
/// </summary>
public static class DashboardSignIn
{
    private const string ErrorPlaceholder = "<!--error-->";

    public static void Map(RouteGroupBuilder dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        dashboard.MapGet("/sign-in", (DashboardAssets assets) => DashboardAssets.Serve(assets.Get("sign-in.html"))).AllowAnonymous();
        dashboard.MapGet("/sign-in.css", (DashboardAssets assets) => DashboardAssets.Serve(assets.Get("sign-in.css"))).AllowAnonymous();
        dashboard.MapPost("/sign-in", SignInAsync).AllowAnonymous().DisableAntiforgery();
        dashboard.MapPost("/sign-out", SignOutAsync).DisableAntiforgery();
    }

    public static async Task<IResult> SignInAsync(
        HttpContext context, IGrainFactory grains, DashboardSessions sessions, DashboardAssets assets, IAuditLog auditLog, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(assets);
        ArgumentNullException.ThrowIfNull(auditLog);
        if (!context.Request.HasFormContentType)
        {
            return Refuse(assets, StatusCodes.Status400BadRequest, "Send the form: field 'key' with an API key.");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        var key = form["key"].ToString().Trim();
        if (key.Length == 0)
        {
            return Refuse(assets, StatusCodes.Status400BadRequest, "Paste an API key into the field.");
        }

        ApiKeyIdentity? identity = null;
        if (ApiKeyCodec.TryGetKeyId(key, out var keyId))
        {
            identity = await grains.GetGrain<IApiKeyGrain>(keyId).AuthenticateAsync(ApiKeyCodec.Hash(key));
            if (identity is null)
            {
                context.Items[ApiKeyAuthenticationHandler.RejectedKeyIdItem] = keyId;
            }
        }

        if (identity is null)
        {
            await auditLog.AppendAsync(AuditEntries.Denial(context, StatusCodes.Status401Unauthorized, timeProvider.GetUtcNow()));
            return Refuse(assets, StatusCodes.Status401Unauthorized, "That key was not accepted: it is malformed, unknown or revoked.");
        }

        var sessionId = await sessions.CreateAsync(identity, ApiKeyCodec.Hash(key));
        context.Response.Cookies.Append(DashboardAuthenticationHandler.CookieName, sessionId, CookieOptions(context));
        await auditLog.AppendAsync(new AuditEntry(
            timeProvider.GetUtcNow(),
            identity.KeyId,
            identity.Name,
            MaestroPolicies.RoleName(identity.Role),
            "dashboard.sign-in",
            "dashboard",
            new Dictionary<string, string>(StringComparer.Ordinal),
            "succeeded",
            StatusCodes.Status303SeeOther,
            AuditEntries.TraceId(context)));
        return SeeOther(DashboardPaths.Root + "/");
    }

    public static async Task<IResult> SignOutAsync(HttpContext context, DashboardSessions sessions)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(sessions);
        if (context.Request.Cookies.TryGetValue(DashboardAuthenticationHandler.CookieName, out var id) && id.Length == DashboardAuthenticationHandler.SessionIdLength)
        {
            await sessions.EndAsync(id);
        }

        context.Response.Cookies.Delete(DashboardAuthenticationHandler.CookieName, CookieOptions(context));
        return SeeOther(DashboardPaths.SignIn);
    }

    private static CookieOptions CookieOptions(HttpContext context) => new()
    {
        HttpOnly = true,
        SameSite = SameSiteMode.Strict,
        Secure = context.Request.IsHttps,
        Path = DashboardPaths.Root,
        IsEssential = true,
    };

    private static IResult Refuse(DashboardAssets assets, int statusCode, string message) =>
        DashboardAssets.Serve(
            assets.Get("sign-in.html"),
            statusCode,
            (ErrorPlaceholder, $"<p class=\"error\" role=\"alert\" data-testid=\"sign-in-error\">{WebUtility.HtmlEncode(message)}</p>"));

    private static IResult SeeOther(string location) => new SeeOtherResult(location);

    /// <summary>303, so the browser follows a POST with a GET and a reload never posts the key again.</summary>
    private sealed class SeeOtherResult(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            ArgumentNullException.ThrowIfNull(httpContext);
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
