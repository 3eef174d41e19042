using System.Net.Http.Json;
using Maestro.Grains.Tests.AutoRepair;

namespace Maestro.Silo.Tests.Api;

/// <summary>
/// Continuous auto-repair through REST on a real silo process, over a real git project under the silo's workspace
/// root: start, monitors on their interval, a failure queued once, heal requests, stop, history, statistics,
/// Prometheus metrics, and each role's allowed and denied calls.
/// </summary>
public sealed class AutomationApiTests(SecuredSilo silo) : IClassFixture<SecuredSilo>
{
    [Fact]
    public async Task A_started_project_is_monitored_its_failure_queued_once_and_reported_everywhere()
    {
        var ct = TestContext.Current.CancellationToken;
        using var project = NewProject();
        var id = ApiJson.UniqueName("shop");

        using var start = await silo.Operator.PostAsJsonAsync("/api/automation/start", StartBody(id, project), ct);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        Assert.Equal(id, (await start.JsonAsync(ct)).GetProperty("orchestratorId").GetString());

        // Monitors run every second; without a repair strategy for this failure, its one repair ends with no fix.
        var history = await PollAsync(
            () => silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/history?orchestratorId={id}", ct),
            h => h.GetProperty("repairs").GetArrayLength() == 1 && h.GetProperty("repairs")[0].GetProperty("status").GetString() == "noFix");
        var status = await PollAsync(
            () => silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/status?orchestratorId={id}", ct),
            s => s.GetProperty("statistics").GetProperty("deduplicated").GetInt64() >= 2);

        var repair = history.GetProperty("repairs")[0];
        Assert.Equal(ShopProject.PriceTest, repair.GetProperty("finding").GetProperty("code").GetString());
        Assert.Equal("expected total=30, found total=25", repair.GetProperty("finding").GetProperty("message").GetString());
        Assert.Equal(1, status.GetProperty("statistics").GetProperty("repairsAttempted").GetInt64());
        Assert.True(status.GetProperty("monitors")[0].GetProperty("runs").GetInt64() >= 3);

        var active = await silo.Viewer.GetFromJsonAsync<JsonElement>("/api/automation/active-orchestrators", ct);
        Assert.Contains(active.GetProperty("orchestrators").EnumerateArray(), o => o.GetProperty("projectId").GetString() == id);
        var metrics = await silo.Viewer.GetStringAsync("/metrics", ct);
        Assert.Contains($"maestro_automation_repairs_skipped_total{{project=\"{id}\"}} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("# TYPE maestro_automation_errors_detected_total counter", metrics, StringComparison.Ordinal);

        using var stop = await silo.Operator.PostAsync($"/api/automation/stop?orchestratorId={id}", null, ct);
        Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        Assert.False((await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/status?orchestratorId={id}", ct)).GetProperty("isRunning").GetBoolean());
        var audit = await ApiJson.AuditAsync(silo.Admin, $"target=automation:{id}", ct);
        Assert.Equal(["automation.start", "automation.stop"], audit.Select(r => r.GetProperty("entry").GetProperty("action").GetString()));
        Assert.Contains("check.py", audit[0].GetProperty("entry").GetProperty("parameters").GetProperty("body").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_heal_request_is_queued_once_and_a_repeat_is_refused_while_it_cools_down()
    {
        var ct = TestContext.Current.CancellationToken;
        using var project = NewProject();
        var id = ApiJson.UniqueName("heal");
        (await silo.Operator.PostAsJsonAsync("/api/automation/start", StartBody(id, project, intervalSeconds: 3600), ct)).Dispose();
        var heal = new { orchestratorId = id, errorType = "test_failure", errorMessage = "element #buy not found", testId = "shop.CartTests.buy" };

        using var first = await silo.Operator.PostAsJsonAsync("/api/automation/heal", heal, ct);
        using var again = await silo.Operator.PostAsJsonAsync("/api/automation/heal", heal, ct);
        using var unknownType = await silo.Operator.PostAsJsonAsync("/api/automation/heal", heal with { errorType = "syntax" }, ct);
        using var unknownProject = await silo.Operator.PostAsJsonAsync("/api/automation/heal", heal with { orchestratorId = "nobody" }, ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("heal-request", (await first.JsonAsync(ct)).GetProperty("repair").GetProperty("monitor").GetString());
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False((await again.JsonAsync(ct)).GetProperty("success").GetBoolean());
        Assert.Equal(HttpStatusCode.BadRequest, unknownType.StatusCode);
        Assert.Contains("Unknown error type 'syntax'", (await unknownType.JsonAsync(ct)).GetProperty("errors").GetProperty("errorType")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownProject.StatusCode);
    }

    [Fact]
    public async Task Bad_configurations_are_refused_with_the_field_that_is_wrong()
    {
        var ct = TestContext.Current.CancellationToken;
        using var project = NewProject();
        using var outside = new ShopProject();
        var monitor = new { name = "tests", kind = "testFailure", command = Array.Empty<string>(), output = "jUnit", resultFile = "/etc/passwd", intervalSeconds = 0, timeoutSeconds = 60 };

        using var escape = await silo.Operator.PostAsJsonAsync("/api/automation/start", new { projectId = "x1", projectPath = outside.Folder }, ct);
        using var badMonitor = await silo.Operator.PostAsJsonAsync("/api/automation/start", new { projectId = "x2", projectPath = project.Folder, monitors = new[] { monitor } }, ct);
        using var badId = await silo.Operator.PostAsJsonAsync("/api/automation/start", new { projectId = "../x", projectPath = project.Folder }, ct);
        using var nothingDetected = await silo.Operator.PostAsJsonAsync("/api/automation/start", new { projectId = "x3", projectPath = project.Folder }, ct);

        var errors = (await badMonitor.JsonAsync(ct)).GetProperty("errors");
        Assert.Contains("outside the workspace root", (await escape.JsonAsync(ct)).GetProperty("errors").GetProperty("projectPath")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("monitors[0].command", out _));
        Assert.True(errors.TryGetProperty("monitors[0].resultFile", out _));
        Assert.True(errors.TryGetProperty("monitors[0].intervalSeconds", out _));
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.True((await nothingDetected.JsonAsync(ct)).GetProperty("errors").TryGetProperty("monitors", out _));
    }

    [Fact]
    public async Task Viewers_read_operators_act_and_anonymous_callers_only_see_health()
    {
        var ct = TestContext.Current.CancellationToken;
        using var project = NewProject();

        using var viewerStart = await silo.Viewer.PostAsJsonAsync("/api/automation/start", StartBody("denied", project), ct);
        using var anonymousStatus = await silo.Anonymous.GetAsync("/api/automation/statistics", ct);
        using var anonymousMetrics = await silo.Anonymous.GetAsync("/metrics", ct);
        using var anonymousHealth = await silo.Anonymous.GetAsync("/api/automation/health", ct);
        using var viewerStatistics = await silo.Viewer.GetAsync("/api/automation/statistics", ct);

        Assert.Equal(HttpStatusCode.Forbidden, viewerStart.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousMetrics.StatusCode);
        Assert.Equal(HttpStatusCode.OK, anonymousHealth.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewerStatistics.StatusCode);
    }

    private ShopProject NewProject()
    {
        var root = Path.Combine(silo.DataDirectory, "workspaces");
        Directory.CreateDirectory(root);
        return new ShopProject(workspaceRoot: root);
    }

    /// <summary>Starts watching <paramref name="project"/> with one monitor: its python check writing <c>.maestro/results.xml</c> as JUnit.</summary>
    internal static object StartBody(string id, ShopProject project, int intervalSeconds = 1) => new
    {
        projectId = id,
        projectPath = project.Folder,
        monitors = new[]
        {
            new
            {
                name = "tests",
                kind = "testFailure",
                command = new[] { "python3", "check.py" },
                output = "jUnit",
                resultFile = ".maestro/results.xml",
                intervalSeconds,
                timeoutSeconds = 60,
            },
        },
    };

    private static async Task<JsonElement> PollAsync(Func<Task<JsonElement>> read, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        var last = await read();
        while (!condition(last))
        {
            Assert.True(DateTime.UtcNow < deadline, $"Timed out; last answer: {last}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
            last = await read();
        }

        return last;
    }
}
