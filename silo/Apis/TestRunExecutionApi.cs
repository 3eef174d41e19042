using System.Security.Claims;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Api.Access;
using Maestro.Api.Auditing;

namespace Maestro.Silo.Apis;

/// <summary>
/// <c>/api/test-runs/{runId}/execution</c>: run a suite through a registered adapter (sharded, with retries) and follow
/// it. A request that does not validate answers 400 problem details naming the field (an unknown adapter lists the
/// known ones); a run id already used by another request, or holding imported results, answers 409. <c>POST
/// .../execution/cancel</c> stops a run that has not ended; a run that had ended is answered as it is.
/// </summary>
public static class TestRunExecutionApi
{
    private const int MaxRunIdLength = 128;

    public static IEndpointRouteBuilder MapTestRunExecutionApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/test-runs").WithTags("Test runs").RequireAuthorization(MaestroPolicies.Viewer);
        api.MapPost("/{runId}/execution", StartAsync)
            .WithName("StartTestRun")
            .WithSummary("Run a suite: list its tests, shard them longest first over the silos, retry failures, record every attempt")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("test-runs.start", "test-run:{runId}");
        api.MapGet("/{runId}/execution", GetAsync)
            .WithName("GetTestRunExecution")
            .WithSummary("A started run: status, shards (status, silo, tests, attempts) and, once done, its totals");
        api.MapPost("/{runId}/execution/cancel", CancelAsync)
            .WithName("CancelTestRun")
            .WithSummary("Stop a run: shards not yet ended are stopped (their processes killed) and record nothing; ended shards keep their results")
            .RequireAuthorization(MaestroPolicies.Operator)
            .Audited("test-runs.cancel", "test-run:{runId}");
        return app;
    }

    public static async Task<Results<Accepted<TestRunExecution>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string runId,
        StartTestRunRequest body,
        IGrainFactory grains,
        TestAdapterRegistry adapters,
        IOptions<TestExecutionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(adapters);
        ArgumentNullException.ThrowIfNull(options);
        if (CheckRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        var request = new TestRunStartRequest(body.Suite!, body.Branch ?? string.Empty, body.Commit ?? string.Empty, body.Environment ?? string.Empty, body.Shards ?? 1, body.RetriesPerTest ?? 0);
        try
        {
            // Checked here too, so the answer names the field before any grain is called.
            TestRunRequestValidator.Validate(request, options.Value, adapters);
            var started = await grains.GetGrain<ITestRunExecutionGrain>(runId).Start(request);
            return TypedResults.Accepted($"/api/test-runs/{Uri.EscapeDataString(runId)}/execution", started);
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ex.ParamName ?? "body"] = [TestRunRequestValidator.MessageOf(ex)] },
                title: "The test run request is invalid");
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The run id is taken", detail: ex.Message);
        }
    }

    public static async Task<Results<Ok<TestRunExecution>, NotFound, ProblemHttpResult>> GetAsync(string runId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (CheckRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        return await grains.GetGrain<ITestRunExecutionGrain>(runId).GetExecution() is { } execution ? TypedResults.Ok(execution) : TypedResults.NotFound();
    }

    public static async Task<Results<Ok<TestRunExecution>, NotFound, ProblemHttpResult>> CancelAsync(string runId, ClaimsPrincipal user, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (CheckRunId(runId) is { } badRunId)
        {
            return badRunId;
        }

        return await grains.GetGrain<ITestRunExecutionGrain>(runId).Cancel($"cancelled by {AuditEntries.Actor(user)}") is { } execution
            ? TypedResults.Ok(execution)
            : TypedResults.NotFound();
    }

    private static ProblemHttpResult? CheckRunId(string runId) =>
        runId.Length is > 0 and <= MaxRunIdLength && runId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')
            ? null
            : TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid run id", detail: $"A run id is 1 to {MaxRunIdLength} letters, digits, '.', '_' or '-'.");
}
