using System.Security.Claims;
using Maestro.GrainInterfaces.Healing;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Api.Apis;

/// <summary>
/// <c>/api/healing</c>: healing sessions (the failure, its classification, every candidate with its score and reasons,
/// the decision, the validation, the outcome, the patch and the screenshots), people's reviews, and the trust locator
/// scoring learned from them. Opening a session, recording a validation and reviewing need an operator key and are audited.
/// </summary>
public static class HealingApi
{
    private const int MaxKeyLength = 256;
    private const int MaxMessageLength = 64 * 1024;
    private const int MaxDefinitionLength = 512 * 1024;

    public static IEndpointRouteBuilder MapHealingApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/healing").WithTags("Healing").RequireAuthorization(MaestroPolicies.Viewer)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/sessions", AnalyseAsync)
            .WithName("AnalyseFailure")
            .WithSummary("Open a healing session for a failure: classify it, run the strategy that answers it, decide by the confidence policy")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("healing.analyse", "healing-session:?");
        api.MapGet("/sessions", ListAsync)
            .WithName("ListHealingSessions")
            .WithSummary("A suite's healing sessions, newest first (?suite=...&limit=50, limit up to 1000): test, kind, strategy, confidence, decision, outcome");
        api.MapGet("/sessions/{sessionId}", GetAsync)
            .WithName("GetHealingSession")
            .WithSummary("A session: failure, classification, candidates with scores and reasons, fix and patch, decision, validation, outcome, reviews");
        api.MapGet("/sessions/{sessionId}/screenshots/{which}", GetScreenshotAsync)
            .WithName("GetHealingScreenshot")
            .WithSummary("The PNG taken before the heal (which=before) or after it, with the healed element outlined (which=after)");
        api.MapPost("/sessions/{sessionId}/validation", RecordValidationAsync)
            .WithName("RecordHealValidation")
            .WithSummary("Record the re-run of an applied fix: healed when it passed, rolled back when it failed")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("healing.validate", "healing-session:{sessionId}");
        api.MapPost("/sessions/{sessionId}/review", ReviewAsync)
            .WithName("ReviewHeal")
            .WithSummary("Approve or reject the session's fix; locator scoring learns from it and a rejected locator is never proposed again")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("healing.review", "healing-session:{sessionId}");
        api.MapGet("/trust/{suite}", GetTrustAsync)
            .WithName("GetHealingTrust")
            .WithSummary("The multiplier per locator score term that the suite's reviews taught (1 when nothing was learned)");
        return app;
    }

    public static async Task<Results<Created<HealingSessionSnapshot>, ValidationProblem>> AnalyseAsync(AnalyseFailureRequest request, IGrainFactory grains, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(context);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, "suite", request.Suite, MaxKeyLength);
        Require(errors, "testId", request.TestId, MaxKeyLength);
        Require(errors, "errorMessage", request.ErrorMessage, MaxMessageLength);
        Limit(errors, "stackTrace", request.StackTrace, MaxMessageLength);
        Limit(errors, "definition", request.Definition, MaxDefinitionLength);
        Limit(errors, "service", request.Service, MaxKeyLength);
        Limit(errors, "runId", request.RunId, MaxKeyLength);
        if (request.Observed is { } observed)
        {
            if (observed.Values.Any(v => v is null))
            {
                errors["observed"] = ["Every value must be a string (e.g. \"response\": the JSON body as text)."];
            }
            else if (observed.Sum(kv => kv.Key.Length + kv.Value.Length) > MaxDefinitionLength)
            {
                errors["observed"] = [$"At most {MaxDefinitionLength} characters in all."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var sessionId = Guid.NewGuid().ToString("N");
        AuditEntries.SetTarget(context, $"healing-session:{sessionId}");
        var session = await grains.GetGrain<IHealingSessionGrain>(sessionId).AnalyseAsync(new HealingFailure(
            request.Suite!.Trim(), request.TestId!.Trim(), request.ErrorMessage!, request.StackTrace,
            Definition: request.Definition, Service: Blank(request.Service), Observed: request.Observed, RunId: Blank(request.RunId)));
        return TypedResults.Created($"/api/healing/sessions/{sessionId}", session);
    }

    public static async Task<Results<Ok<IReadOnlyList<HealingSessionSummary>>, ValidationProblem>> ListAsync(string? suite, int? limit, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Require(errors, "suite", suite, MaxKeyLength);
        if (limit is < 1 or > Grains.Healing.HealingSessionIndexGrain.MaxSessions)
        {
            errors["limit"] = [$"Between 1 and {Grains.Healing.HealingSessionIndexGrain.MaxSessions}; got {limit}."];
        }

        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors)
            : TypedResults.Ok(await grains.GetGrain<IHealingSessionIndexGrain>(suite!.Trim()).ListAsync(limit ?? 50));
    }

    public static async Task<Results<Ok<HealingSessionSnapshot>, ProblemHttpResult>> GetAsync(string sessionId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return await grains.GetGrain<IHealingSessionGrain>(sessionId).GetAsync() is { } session ? TypedResults.Ok(session) : NotFound(sessionId);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetScreenshotAsync(string sessionId, string which, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (which is not ("before" or "after"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown screenshot", detail: $"which must be 'before' or 'after'; got '{which}'.");
        }

        var session = grains.GetGrain<IHealingSessionGrain>(sessionId);
        if (await session.GetAsync() is null)
        {
            return NotFound(sessionId);
        }

        return await session.GetScreenshotAsync(which) is { } png
            ? TypedResults.File(png, "image/png", $"{sessionId}-{which}.png")
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No screenshot", detail: $"Session {sessionId} has no '{which}' screenshot.");
    }

    public static async Task<Results<Ok<HealingSessionSnapshot>, ValidationProblem, ProblemHttpResult>> RecordValidationAsync(string sessionId, RecordValidationRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        if (request.Passed is not { } passed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["passed"] = ["Required: true when the re-run passed, false when it failed."] });
        }

        return await CallAsync(sessionId, grains, s => s.RecordValidationAsync(new HealValidation(passed, request.Evidence ?? [], request.DurationMs ?? 0)));
    }

    public static async Task<Results<Ok<HealingSessionSnapshot>, ValidationProblem, ProblemHttpResult>> ReviewAsync(string sessionId, ReviewHealRequest request, IGrainFactory grains, HttpContext context, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(time);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (request.Approved is null)
        {
            errors["approved"] = ["Required: true to approve the fix, false to reject it."];
        }

        Limit(errors, "comment", request.Comment, 4096);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var reviewer = context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? AuditEntries.Anonymous;
        return await CallAsync(sessionId, grains, s => s.ReviewAsync(new HealingReview(request.Approved!.Value, reviewer, Blank(request.Comment), time.GetUtcNow())));
    }

    public static async Task<Ok<IReadOnlyDictionary<string, double>>> GetTrustAsync(string suite, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return TypedResults.Ok(await grains.GetGrain<IHealingTrustGrain>(suite).GetTrustAsync());
    }

    private static async Task<Results<Ok<HealingSessionSnapshot>, ValidationProblem, ProblemHttpResult>> CallAsync(
        string sessionId, IGrainFactory grains, Func<IHealingSessionGrain, Task<HealingSessionSnapshot>> call)
    {
        try
        {
            return TypedResults.Ok(await call(grains.GetGrain<IHealingSessionGrain>(sessionId)));
        }
        catch (KeyNotFoundException)
        {
            return NotFound(sessionId);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not possible in the session's current state", detail: ex.Message);
        }
    }

    private static void Require(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = ["Required, not blank."];
        }
        else
        {
            Limit(errors, field, value, maxLength);
        }
    }

    private static void Limit(Dictionary<string, string[]> errors, string field, string? value, int maxLength)
    {
        if (value is not null && value.Length > maxLength)
        {
            errors[field] = [$"At most {maxLength} characters; got {value.Length}."];
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static ProblemHttpResult NotFound(string sessionId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown healing session", detail: $"No healing session has id '{sessionId}'.");
}
