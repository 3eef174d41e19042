using Maestro.GrainInterfaces.Access;
using Maestro.Grains.Access;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/keys</c>: API key management, admin keys only. A new key is shown once, in the creation answer; listing
/// shows ids, names, roles and dates, never a secret or a hash. Revoking the last valid admin key is refused (409).
/// </summary>
public static class KeysApi
{
    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/keys").WithTags("API keys").RequireAuthorization(MaestroPolicies.Admin)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost(string.Empty, CreateAsync)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key; the answer holds the key, shown this once only")
            .Audited("keys.create", "key:?");

        api.MapGet(string.Empty, ListAsync)
            .WithName("ListApiKeys")
            .WithSummary("Every API key, revoked ones included, without secrets");

        api.MapDelete("/{keyId}", RevokeAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key; it is refused from the next request on")
            .Audited("keys.revoke", "key:{keyId}");

        return app;
    }

    public static async Task<Results<Created<CreatedApiKey>, ValidationProblem>> CreateAsync(
        CreateApiKeyRequest request, IGrainFactory grains, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Trim().Length > ApiKeyDirectoryGrain.MaxNameLength)
        {
            errors["name"] = [$"The name is required: 1 to {ApiKeyDirectoryGrain.MaxNameLength} characters, not blank."];
        }

        if (request.Role is not { } role || !Enum.IsDefined(role))
        {
            errors["role"] = ["The role is required: viewer, operator or admin."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var (key, keyId) = ApiKeyCodec.Generate();
        var creator = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? AuditEntries.Anonymous;
        AuditEntries.SetTarget(context, $"key:{keyId}");
        var summary = await grains.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key)
            .CreateAsync(keyId, request.Name!.Trim(), request.Role!.Value, ApiKeyCodec.Hash(key), creator);
        return TypedResults.Created($"/api/keys/{keyId}", new CreatedApiKey(summary.KeyId, summary.Name, summary.Role, summary.CreatedAt, key));
    }

    public static async Task<Ok<IReadOnlyList<ApiKeySummary>>> ListAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return TypedResults.Ok(await grains.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).ListAsync());
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(string keyId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var outcome = await grains.GetGrain<IApiKeyDirectoryGrain>(IApiKeyDirectoryGrain.Key).RevokeAsync(keyId);
        return outcome switch
        {
            RevokeOutcome.Revoked => TypedResults.NoContent(),
            RevokeOutcome.NotFound => TypedResults.Problem(detail: $"No API key has id '{keyId}'.", statusCode: StatusCodes.Status404NotFound, title: "Unknown API key"),
            RevokeOutcome.AlreadyRevoked => TypedResults.Problem(detail: $"The API key '{keyId}' is revoked already.", statusCode: StatusCodes.Status409Conflict, title: "Already revoked"),
            RevokeOutcome.LastAdmin => TypedResults.Problem(
                detail: $"'{keyId}' is the last valid admin key; create another admin key before revoking it.",
                statusCode: StatusCodes.Status409Conflict,
                title: "Last admin key"),
            _ => throw new InvalidOperationException($"Unknown revoke outcome {outcome}."),
        };
    }
}
