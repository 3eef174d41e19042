using System.Text.Encodings.Web;
using Maestro.GrainInterfaces.Access;
using Maestro.Grains.Access;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Maestro.Api.Access;

/// <summary>
/// Authenticates a request by its API key, from the <c>X-Api-Key</c> header or <c>Authorization: ApiKey &lt;key&gt;</c>.
/// The key's SHA-256 goes to the key's grain, which compares hashes in constant time and knows whether it is revoked,
/// so a revocation holds from the next request on. No key: no identity (the endpoint's policy then challenges).
/// Challenges (401) and refusals (403) are answered as problem details.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IGrainFactory grains,
    IProblemDetailsService problemDetails) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    public const string HeaderName = "X-Api-Key";

    /// <summary>The <see cref="HttpContext.Items"/> key holding the id of a key that was presented but not accepted.</summary>
    public const string RejectedKeyIdItem = "Maestro.RejectedKeyId";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        // A key is checked only where an endpoint needs one: /health, the OpenAPI document and unknown routes never
        // call a grain, so they still answer on a silo the cluster has declared dead.
        var endpoint = Context.GetEndpoint();
        if (endpoint?.Metadata.GetMetadata<IAuthorizeData>() is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return AuthenticateResult.NoResult();
        }

        var key = ReadKey(Request);
        if (key is null)
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKeyCodec.TryGetKeyId(key, out var keyId))
        {
            return AuthenticateResult.Fail("The API key is malformed.");
        }

        var identity = await grains.GetGrain<IApiKeyGrain>(keyId).AuthenticateAsync(ApiKeyCodec.Hash(key));
        if (identity is null)
        {
            Context.Items[RejectedKeyIdItem] = keyId;
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        return ApiKeyPrincipal.Authenticated(identity, SchemeName);
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName} header=\"{HeaderName}\"";
        var result = await HandleAuthenticateOnceSafeAsync();
        await WriteProblemAsync(
            "Authentication required",
            result.Failure?.Message ?? $"Send an API key in the {HeaderName} header (or Authorization: {SchemeName} <key>).");
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return WriteProblemAsync("Forbidden", "This API key's role does not allow this request.");
    }

    private static string? ReadKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header))
        {
            return header.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        const string prefix = SchemeName + " ";
        return authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? authorization[prefix.Length..].Trim() : null;
    }

    private Task WriteProblemAsync(string title, string detail) =>
        problemDetails.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails = { Status = Response.StatusCode, Title = title, Detail = detail },
        }).AsTask();
}
