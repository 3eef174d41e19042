using Maestro.Api.Apis;
using Maestro.Api.Auditing;
using Maestro.Api.Model;
using Maestro.Dashboard.Statistics;
using Maestro.Grains.Audit;
using Maestro.Runtime.Hosting;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Statistics;

namespace Maestro.Dashboard;

/// <summary>
/// The JSON the dashboard's pages poll, under <c>/dashboard/api</c>. Cluster figures, reminders and stream queues come
/// from the runtime's statistics grains; Maestro's data through the same handlers and grains as the REST API
/// (<c>api/Maestro.Api</c>), so the dashboard answers the same on a silo and on the gateway, and never differently
/// from <c>/api</c>. Only the log tail and the collector state are this process's own. The audit log needs an admin
/// session, as <c>/api/audit</c>.
/// </summary>
public static class DashboardApi
{
    /// <summary>The most log entries one poll returns.</summary>
    public const int MaxLogEntries = 500;

    public static void Map(RouteGroupBuilder dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var api = dashboard.MapGroup("/api");
        api.MapGet("/me", (HttpContext context, DashboardHost host) => TypedResults.Ok(new
        {
            keyId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            name = context.User.Identity?.Name,
            role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
            host = new { kind = host.Kind, name = host.Name },
        }));
        api.MapGet("/overview", (ClusterStatisticsReader reader, CancellationToken ct) => reader.ReadAsync(ct));
        api.MapGet("/collector", ReadCollector);
        api.MapGet("/reminders", ReadRemindersAsync);
        api.MapGet("/streams", ReadStreamsAsync);
        api.MapGet("/logs", ReadLogs);

        api.MapGet("/services", (IGrainFactory grains, string? status, int? offset, int? limit) =>
            ServicesApi.ListAsync(grains, status: status, offset: offset ?? 0, limit: limit ?? Paging.DefaultLimit));
        api.MapGet("/services/{name}/history", (string name, IGrainFactory grains, int? offset, int? limit) =>
            ServicesApi.HistoryAsync(name, grains, offset ?? 0, limit ?? Paging.MaxLimit));
        api.MapGet("/workflows", (string? status, int? offset, int? limit, IGrainFactory grains) => WorkflowsApi.ListAsync(status, offset, limit, grains));
        api.MapGet("/workflows/{id}", (string id, IGrainFactory grains) => WorkflowsApi.GetAsync(id, grains));
        api.MapGet("/test-runs", (string? suite, string? branch, int? page, int? pageSize, IGrainFactory grains) =>
            TestRunsApi.ListRunsAsync(suite, branch, page, pageSize, grains));
        api.MapGet("/test-runs/{runId}", (string runId, IGrainFactory grains) => TestRunsApi.GetRunAsync(runId, grains));
        api.MapGet("/flaky", (string suite, string? branch, IGrainFactory grains) => AnalyticsApi.GetFlakyTestsAsync(suite, branch, grains));
        api.MapGet("/healing/sessions", (string? suite, int? limit, IGrainFactory grains) => HealingApi.ListAsync(suite, limit, grains));
        api.MapGet("/healing/sessions/{sessionId}", (string sessionId, IGrainFactory grains) => HealingApi.GetAsync(sessionId, grains));
        api.MapGet("/healing/sessions/{sessionId}/screenshots/{which}", (string sessionId, string which, IGrainFactory grains) =>
            HealingApi.GetScreenshotAsync(sessionId, which, grains));
        api.MapPost("/healing/sessions/{sessionId}/review", (string sessionId, ReviewHealRequest request, IGrainFactory grains, HttpContext context, TimeProvider time) =>
                HealingApi.ReviewAsync(sessionId, request, grains, context, time))
            .RequireAuthorization(DashboardPaths.OperatorPolicy).Audited("healing.review", "healing-session:{sessionId}");
        api.MapGet("/audit", (IAuditLog auditLog, string? actor, string? target, string? action, DateTimeOffset? from, DateTimeOffset? to, int? offset, int? limit) =>
                AuditApi.QueryAsync(auditLog, actor, target, action, from, to, offset ?? 0, limit ?? Paging.DefaultLimit))
            .RequireAuthorization(DashboardPaths.AdminPolicy);
    }

    /// <summary>Whether this silo counts calls now (reading it does not switch counting on); a gateway counts no calls, so it answers 404.</summary>
    public static IResult ReadCollector(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<GrainCallStatistics>() is { } statistics && services.GetService<ISiloStatus>() is { } status
            ? TypedResults.Ok(new CollectorState(status.SiloName, statistics.IsCollecting))
            : TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "Not a silo",
                detail: "Only a silo counts grain calls; ask a silo's /dashboard/api/collector. The overview shows every silo's state.");
    }

    public static async Task<IResult> ReadRemindersAsync(ClusterStatisticsReader reader, int? offset, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var (from, count) = (offset ?? 0, limit ?? 25);
        if (from < 0)
        {
            errors["offset"] = ["offset must be 0 or more."];
        }

        if (count is < 1 or > ReminderListing.MaxLimit)
        {
            errors["limit"] = [$"limit must be between 1 and {ReminderListing.MaxLimit}."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return TypedResults.Ok(await reader.ReadRemindersAsync(from, count, cancellationToken));
    }

    public static async Task<IResult> ReadStreamsAsync(ClusterStatisticsReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return TypedResults.Ok(await reader.ReadStreamsAsync(cancellationToken));
    }

    public static IResult ReadLogs(DashboardLogBuffer buffer, long? after, string? filter, int? limit)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        var count = limit ?? 200;
        if (count is < 1 or > MaxLogEntries)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit must be between 1 and {MaxLogEntries}."] });
        }

        if (filter is { Length: > 200 })
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["filter"] = ["filter must be at most 200 characters."] });
        }

        return TypedResults.Ok(buffer.Read(after ?? 0, filter, count));
    }
}
