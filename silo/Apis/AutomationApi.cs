using System.Globalization;
using System.Security.Claims;
using System.Text;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.AutoRepair;
using Maestro.Grains.AutoRepair.Monitoring;
using Maestro.Grains.Events;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Api.Access;
using Maestro.Api.Auditing;
using Maestro.Silo.Model.Automation;

namespace Maestro.Silo.Apis;

/// <summary>
/// <c>/api/automation</c>: continuous auto-repair with the original's endpoints (start, stop, status, history,
/// statistics, heal, active orchestrators, health) made to work, plus approve and reject; <c>/metrics</c>: the
/// counters in Prometheus text format. The original's "orchestrator id" is the project id.
/// </summary>
public static class AutomationApi
{
    private const int MaxHistory = 500;

    public static IEndpointRouteBuilder MapAutomationApi(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/automation").WithTags("Automation").RequireAuthorization(MaestroPolicies.Viewer);
        api.MapPost("/start", StartAsync).WithName("StartAutomation").WithSummary("Watch and repair a project")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("automation.start", "automation:{projectId}");
        api.MapPost("/stop", StopAsync).WithName("StopAutomation").WithSummary("Stop watching one project, or every project")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("automation.stop", "automation:{orchestratorId}");
        api.MapGet("/status", StatusAsync).WithName("GetAutomationStatus").WithSummary("A watched project's monitors, queue and counters");
        api.MapGet("/history", HistoryAsync).WithName("GetRepairHistory").WithSummary("Repairs, newest first, of one project or all");
        api.MapGet("/statistics", StatisticsAsync).WithName("GetAutomationStatistics").WithSummary("Counters of one project, or summed over all");
        api.MapPost("/heal", HealAsync).WithName("HealFailure").WithSummary("Queue a failure for repair")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("automation.heal", "automation:{orchestratorId}");
        api.MapPost("/projects/{projectId}/repairs/{repairId}/approve", (string projectId, string repairId, ClaimsPrincipal user, IGrainFactory grains) =>
                DecideAsync(projectId, grains, g => g.Approve(repairId, AuditEntries.Actor(user)))).WithName("ApproveRepair").WithSummary("Apply a fix that waits for approval")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("automation.approve", "automation:{projectId}/repair:{repairId}");
        api.MapPost("/projects/{projectId}/repairs/{repairId}/reject", (string projectId, string repairId, ClaimsPrincipal user, IGrainFactory grains) =>
                DecideAsync(projectId, grains, g => g.Reject(repairId, AuditEntries.Actor(user)))).WithName("RejectRepair").WithSummary("Drop a fix that waits for approval")
            .RequireAuthorization(MaestroPolicies.Operator).Audited("automation.reject", "automation:{projectId}/repair:{repairId}");
        api.MapGet("/active-orchestrators", ActiveAsync).WithName("GetActiveOrchestrators").WithSummary("Every running project");
        api.MapGet("/health", async (IGrainFactory grains) => TypedResults.Ok(new AutomationHealth("healthy", "maestro-automation", (await RunningAsync(grains)).Count)))
            .WithName("GetAutomationHealth").AllowAnonymous();

        app.MapGet("/metrics", MetricsAsync).WithTags("Automation").WithName("GetMetrics").WithSummary("Auto-repair counters in Prometheus text format")
            .RequireAuthorization(MaestroPolicies.Viewer);
        return app;
    }

    public static async Task<Results<Ok<StartAutomationResponse>, ValidationProblem>> StartAsync(
        StartAutomationRequest request, IGrainFactory grains, IOptions<TestExecutionOptions> execution, IOptions<AutoRepairOptions> options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        if (!AutomationConfigValidator.IsValidProjectId(request.ProjectId))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["projectId"] = ["must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit"] });
        }

        var monitors = request.Monitors;
        if (monitors is null)
        {
            try
            {
                monitors = MonitorDetector.Detect(WorkspacePathGuard.ResolveWorkingDirectory(execution.Value.WorkspaceRoot, request.ProjectPath));
            }
            catch (ArgumentException ex)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["projectPath"] = [ex.Message.Replace("workingDirectory", "projectPath", StringComparison.Ordinal)] });
            }

            if (monitors.Count == 0)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["monitors"] = ["none were given and none could be chosen: the project has no .sln/.csproj, package.json, tsconfig.json, ESLint configuration or pytest configuration at its root"],
                });
            }
        }

        var config = new AutomationProjectConfig(
            request.ProjectPath, monitors, request.AutoFix, request.RequireApproval, request.ConfidenceThreshold, request.AutoCommit, request.MaxConcurrentRepairs, request.CoolDownMinutes);
        var errors = AutomationConfigValidator.Validate(config, execution.Value.WorkspaceRoot, options.Value);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        try
        {
            var status = await grains.GetGrain<IProjectAutomationGrain>(request.ProjectId).Start(config);
            return TypedResults.Ok(new StartAutomationResponse(true, request.ProjectId, $"Watching {status.Config!.Monitors.Count} monitors of '{request.ProjectId}'.", status));
        }
        catch (ArgumentException ex)
        {
            // Checks only the grain can make (the project is a git repository when auto-commit is asked for).
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [ex.Message.Split(':')[0]] = [ex.Message] });
        }
    }

    public static async Task<Results<Ok<IReadOnlyList<AutomationStatus>>, ProblemHttpResult>> StopAsync(string? orchestratorId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var ids = orchestratorId is null ? await RunningAsync(grains) : [orchestratorId];
        if (orchestratorId is not null && !await IsKnownAsync(grains, orchestratorId))
        {
            return NotFound(orchestratorId);
        }

        var stopped = new List<AutomationStatus>();
        foreach (var id in ids)
        {
            stopped.Add(await grains.GetGrain<IProjectAutomationGrain>(id).Stop());
        }

        return TypedResults.Ok<IReadOnlyList<AutomationStatus>>(stopped);
    }

    public static async Task<Results<Ok<AutomationStatus>, ProblemHttpResult>> StatusAsync(string orchestratorId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return await IsKnownAsync(grains, orchestratorId)
            ? TypedResults.Ok(await grains.GetGrain<IProjectAutomationGrain>(orchestratorId).GetStatus())
            : NotFound(orchestratorId);
    }

    public static async Task<Results<Ok<RepairHistory>, ProblemHttpResult, ValidationProblem>> HistoryAsync(string? orchestratorId, IGrainFactory grains, int limit = 50)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (limit is < 1 or > MaxHistory)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"must be from 1 to {MaxHistory}"] });
        }

        if (orchestratorId is not null && !await IsKnownAsync(grains, orchestratorId))
        {
            return NotFound(orchestratorId);
        }

        var ids = orchestratorId is null ? (await KnownAsync(grains)).Keys.ToList() : [orchestratorId];
        var repairs = new List<RepairRecord>();
        foreach (var id in ids)
        {
            repairs.AddRange(await grains.GetGrain<IProjectAutomationGrain>(id).GetHistory(MaxHistory));
        }

        var newestFirst = repairs.OrderByDescending(r => r.UpdatedAt).ToList();
        return TypedResults.Ok(new RepairHistory(newestFirst.Take(limit).ToList(), newestFirst.Count));
    }

    public static async Task<Results<Ok<AutomationStatistics>, ProblemHttpResult>> StatisticsAsync(string? orchestratorId, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        if (orchestratorId is not null)
        {
            return await IsKnownAsync(grains, orchestratorId)
                ? TypedResults.Ok((await grains.GetGrain<IProjectAutomationGrain>(orchestratorId).GetStatus()).Statistics)
                : NotFound(orchestratorId);
        }

        var all = await StatusesAsync(grains, (await KnownAsync(grains)).Keys);
        return TypedResults.Ok(all.Select(s => s.Statistics).Aggregate(
            new AutomationStatistics(0, 0, 0, 0, 0, 0),
            (sum, s) => new AutomationStatistics(
                sum.ErrorsDetected + s.ErrorsDetected,
                sum.Deduplicated + s.Deduplicated,
                sum.RepairsAttempted + s.RepairsAttempted,
                sum.SuccessfulRepairs + s.SuccessfulRepairs,
                sum.FailedRepairs + s.FailedRepairs,
                sum.SkippedRepairs + s.SkippedRepairs)));
    }

    public static async Task<Results<Accepted<HealResponse>, Ok<HealResponse>, ProblemHttpResult, ValidationProblem>> HealAsync(HealRequest request, IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(grains);
        MonitorFinding finding;
        try
        {
            var reported = new ErrorReportedEvent(request.ErrorType ?? string.Empty, request.ErrorMessage ?? string.Empty, request.FilePath, DateTimeOffset.UtcNow).ToFinding();
            finding = reported with { Code = request.TestId ?? reported.Code, Line = request.LineNumber };
        }
        catch (ArgumentException ex)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["errorType"] = [ex.Message] });
        }

        if (string.IsNullOrWhiteSpace(request.ErrorMessage))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["errorMessage"] = ["is required"] });
        }

        if (!await IsKnownAsync(grains, request.OrchestratorId))
        {
            return NotFound(request.OrchestratorId);
        }

        var repair = await grains.GetGrain<IProjectAutomationGrain>(request.OrchestratorId).ReportFailure(HealingWorkerGrain.HealRequestMonitor, finding);
        return repair is null
            ? TypedResults.Ok(new HealResponse(false, "The same failure is already queued, being repaired or cooling down; nothing was queued.", null))
            : TypedResults.Accepted($"/api/automation/history?orchestratorId={Uri.EscapeDataString(request.OrchestratorId)}", new HealResponse(true, "Heal request queued", repair));
    }

    public static async Task<Ok<ActiveOrchestrators>> ActiveAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var running = await StatusesAsync(grains, await RunningAsync(grains));
        return TypedResults.Ok(new ActiveOrchestrators(running.Count, running));
    }

    public static async Task<IResult> MetricsAsync(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var known = await KnownAsync(grains);
        var statuses = await StatusesAsync(grains, known.Keys);
        var text = new StringBuilder();
        void Family(string name, string type, string help, IEnumerable<(string Project, double Value)> samples)
        {
            text.Append(CultureInfo.InvariantCulture, $"# HELP {name} {help}\n# TYPE {name} {type}\n");
            foreach (var (project, value) in samples)
            {
                text.Append(CultureInfo.InvariantCulture, $"{name}{{project=\"{Escape(project)}\"}} {value}\n");
            }
        }

        text.Append(CultureInfo.InvariantCulture, $"# HELP maestro_automation_projects_running Watched projects whose monitors run.\n# TYPE maestro_automation_projects_running gauge\nmaestro_automation_projects_running {known.Count(p => p.Value)}\n");
        Family("maestro_automation_errors_detected_total", "counter", "Failures reported by monitors and heal requests.", statuses.Select(s => (s.ProjectId, (double)s.Statistics.ErrorsDetected)));
        Family("maestro_automation_errors_deduplicated_total", "counter", "Failures not queued again within their cool-down.", statuses.Select(s => (s.ProjectId, (double)s.Statistics.Deduplicated)));
        Family("maestro_automation_repairs_attempted_total", "counter", "Repairs that left the queue.", statuses.Select(s => (s.ProjectId, (double)s.Statistics.RepairsAttempted)));
        Family("maestro_automation_repairs_succeeded_total", "counter", "Repairs applied and validated (and committed when asked).", statuses.Select(s => (s.ProjectId, (double)s.Statistics.SuccessfulRepairs)));
        Family("maestro_automation_repairs_failed_total", "counter", "Repairs rolled back or failed.", statuses.Select(s => (s.ProjectId, (double)s.Statistics.FailedRepairs)));
        Family("maestro_automation_repairs_skipped_total", "counter", "Repairs with no fix, or rejected.", statuses.Select(s => (s.ProjectId, (double)s.Statistics.SkippedRepairs)));
        Family("maestro_automation_queue_size", "gauge", "Repairs waiting to start.", statuses.Select(s => (s.ProjectId, (double)s.QueueSize)));
        Family("maestro_automation_active_repairs", "gauge", "Repairs in flight.", statuses.Select(s => (s.ProjectId, (double)s.ActiveRepairs)));
        return Results.Text(text.ToString(), "text/plain; version=0.0.4; charset=utf-8");
    }

    private static async Task<Results<Ok<RepairRecord>, ProblemHttpResult>> DecideAsync(string projectId, IGrainFactory grains, Func<IProjectAutomationGrain, Task<RepairRecord>> decide)
    {
        if (!await IsKnownAsync(grains, projectId))
        {
            return NotFound(projectId);
        }

        try
        {
            return TypedResults.Ok(await decide(grains.GetGrain<IProjectAutomationGrain>(projectId)));
        }
        catch (KeyNotFoundException ex)
        {
            return TypedResults.Problem(title: "Repair not found", detail: ex.Message, statusCode: StatusCodes.Status404NotFound);
        }
        catch (InvalidOperationException ex)
        {
            return TypedResults.Problem(title: "Not possible in the repair's current state", detail: ex.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static Task<IReadOnlyDictionary<string, bool>> KnownAsync(IGrainFactory grains) =>
        grains.GetGrain<IAutomationIndexGrain>(IAutomationIndexGrain.Key).List();

    private static async Task<bool> IsKnownAsync(IGrainFactory grains, string projectId) =>
        AutomationConfigValidator.IsValidProjectId(projectId) && (await KnownAsync(grains)).ContainsKey(projectId);

    private static async Task<IReadOnlyList<string>> RunningAsync(IGrainFactory grains) =>
        (await KnownAsync(grains)).Where(p => p.Value).Select(p => p.Key).ToList();

    private static async Task<IReadOnlyList<AutomationStatus>> StatusesAsync(IGrainFactory grains, IEnumerable<string> ids) =>
        await Task.WhenAll(ids.Select(id => grains.GetGrain<IProjectAutomationGrain>(id).GetStatus()));

    private static string Escape(string label) => label.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);

    private static ProblemHttpResult NotFound(string projectId) =>
        TypedResults.Problem(title: "Project not found", detail: $"No watched project has id '{projectId}'.", statusCode: StatusCodes.Status404NotFound);
}
