using Maestro.Api.Apis;
using Maestro.Api.Auditing;
using Maestro.Silo.Apis;
using Maestro.Api.Model;
using Maestro.Grains.Audit;
using Maestro.Runtime.Reminders;
using Maestro.Runtime.Statistics;
using Maestro.Runtime.Streams;
using Maestro.Silo.Dashboard.Statistics;

namespace Maestro.Silo.Dashboard;

/// <summary>
/// The JSON the dashboard's pages poll, under <c>/dashboard/api</c>. Cluster figures come from the runtime's
/// statistics grains; Maestro's data through the same handlers and grains as the REST API (<c>silo/Apis</c>), so the
/// dashboard never answers differently from <c>/api</c>. The audit log needs an admin session, as <c>/api/audit</c>.
/// </summary>
public static class DashboardApi
{
    /// <summary>The most log entries one poll returns.</summary>
    public const int MaxLogEntries = 500;

    public static void Map(RouteGroupBuilder dashboard)
    {
        ArgumentNullException.ThrowIfNull(dashboard);
        var api = dashboard.MapGroup("/api");
        api.MapGet("/me", (HttpContext context) => TypedResults.Ok(new
        {
            keyId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value,
            name = context.User.Identity?.Name,
            role = context.User.FindFirst(System.Security.Claims.ClaimTypes.Role)?.Value,
        }));
        api.MapGet("/overview", (ClusterStatisticsReader reader, CancellationToken ct) => reader.ReadAsync(ct));
        api.MapGet("/collector", (GrainCallStatistics statistics, ISiloStatus status) =>
            TypedResults.Ok(new CollectorState(status.SiloName, statistics.IsCollecting)));
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
        api.MapPost("/healing/sessions/{sessionId}/review", HealingApi.ReviewAsync)
            .RequireAuthorization(DashboardPaths.OperatorPolicy).Audited("healing.review", "healing-session:{sessionId}");
        api.MapGet("/audit", (IAuditLog auditLog, string? actor, string? target, string? action, DateTimeOffset? from, DateTimeOffset? to, int? offset, int? limit) =>
                AuditApi.QueryAsync(auditLog, actor, target, action, from, to, offset ?? 0, limit ?? Paging.DefaultLimit))
            .RequireAuthorization(DashboardPaths.AdminPolicy);
    }

    public static async Task<IResult> ReadRemindersAsync(IServiceProvider services, int? offset, int? limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
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

        return services.GetService<ReminderListing>() is { } listing
            ? TypedResults.Ok(await listing.ReadPageAsync(from, count, cancellationToken))
            : TypedResults.Ok(new ReminderPage(0, from, count, []));
    }

    public static async Task<IResult> ReadStreamsAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<StreamQueueListing>() is { } listing
            ? TypedResults.Ok(await listing.ReadAsync(cancellationToken))
            : TypedResults.Ok(Array.Empty<StreamQueueStatus>());
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
