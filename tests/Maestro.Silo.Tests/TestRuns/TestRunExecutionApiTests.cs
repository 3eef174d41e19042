using System.Net.Http.Json;
using Maestro.Silo.Tests.Api;

namespace Maestro.Silo.Tests.TestRuns;

/// <summary>/api/test-runs/{runId}/execution on a real silo process: starting a run by role, following it, and refusals as problem+json.</summary>
public sealed class TestRunExecutionApiTests(SecuredSilo silo) : IClassFixture<SecuredSilo>
{
    private static readonly string Fixture = Path.Combine(SiloPaths.RepositoryRoot, "tests", "Maestro.Grains.Tests", "TestRuns", "Fixtures", "surefire-reruns.xml");

    [Fact]
    public async Task An_operator_starts_a_run_a_viewer_follows_it_to_its_totals_and_the_start_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runId, suite) = NewSuite();

        using var started = await silo.Operator.PostAsJsonAsync($"/api/test-runs/{runId}/execution", Request(suite), ct);

        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        Assert.Equal($"/api/test-runs/{runId}/execution", started.Headers.Location?.OriginalString);
        Assert.Equal("queued", (await started.JsonAsync(ct)).GetProperty("status").GetString());
        var done = await WaitForEndAsync(runId, ct);
        Assert.Equal("completed", done.GetProperty("status").GetString());
        var shard = Assert.Single(done.GetProperty("shards").EnumerateArray());
        Assert.Equal("completed", shard.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(shard.GetProperty("silo").GetString()));
        var totals = done.GetProperty("totals");
        Assert.Equal((6, 2, 1), (totals.GetProperty("total").GetInt32(), totals.GetProperty("flaky").GetInt32(), totals.GetProperty("failed").GetInt32()));

        // The results are the run's, as if imported: every attempt is readable at the import API's address.
        var run = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/test-runs/{runId}", ct);
        Assert.Equal("junit-command", run.GetProperty("metadata").GetProperty("source").GetString());
        var record = Assert.Single(await ApiJson.AuditAsync(silo.Admin, $"target=test-run:{runId}", ct));
        Assert.Equal(("test-runs.start", "succeeded", 202, silo.OperatorKeyId), (
            record.GetProperty("entry").GetProperty("action").GetString(),
            record.GetProperty("entry").GetProperty("outcome").GetString(),
            record.GetProperty("entry").GetProperty("statusCode").GetInt32(),
            record.GetProperty("entry").GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task Starting_needs_an_operator_key_and_reading_a_viewer_key()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runId, suite) = Names();

        using var anonymous = await silo.Anonymous.PostAsJsonAsync($"/api/test-runs/{runId}/execution", Request(suite), ct);
        using var viewer = await silo.Viewer.PostAsJsonAsync($"/api/test-runs/{runId}/execution", Request(suite), ct);
        using var unknown = await silo.Viewer.GetAsync($"/api/test-runs/{runId}/execution", ct);
        using var anonymousRead = await silo.Anonymous.GetAsync($"/api/test-runs/{runId}/execution", ct);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousRead.StatusCode);
    }

    [Fact]
    public async Task Invalid_requests_are_400_problems_naming_the_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runId, suite) = NewSuite();

        var unknownAdapter = await ProblemAsync(runId, new { suite = new { name = suite, adapter = "cypress", command = new[] { "npx", "cypress", "run" } } }, ct);
        var outside = await ProblemAsync(runId, new { suite = new { name = suite, adapter = "junit-command", command = new[] { "/bin/true" }, workingDirectory = "../..", resultFile = "r.xml" } }, ct);
        var shards = await ProblemAsync(runId, Request(suite, shards: 0), ct);
        var noSuite = await ProblemAsync(runId, new { branch = "main" }, ct);

        Assert.Equal("adapter 'cypress' is not registered; known adapters: dotnet-test, junit-command, playwright, playwright-json-command, selenium", Error(unknownAdapter, "suite.adapter"));
        Assert.Contains("outside the workspace root", Error(outside, "suite.workingDirectory"), StringComparison.Ordinal);
        Assert.Equal("shards must be from 1 to 64, not 0", Error(shards, "shards"));
        Assert.Equal("suite is required", Error(noSuite, "suite"));
        using var never = await silo.Viewer.GetAsync($"/api/test-runs/{runId}/execution", ct);
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }

    [Fact]
    public async Task A_run_id_taken_by_another_request_is_a_409_and_the_same_request_again_is_accepted()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runId, suite) = NewSuite();
        using var first = await silo.Operator.PostAsJsonAsync($"/api/test-runs/{runId}/execution", Request(suite), ct);

        using var again = await silo.Operator.PostAsJsonAsync($"/api/test-runs/{runId}/execution", Request(suite), ct);
        using var other = await silo.Operator.PostAsJsonAsync($"/api/test-runs/{runId}/execution", Request(suite, shards: 2), ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Contains("already started with another request", (await other.JsonAsync(ct)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await WaitForEndAsync(runId, ct);
    }

    [Fact]
    public async Task An_operator_cancels_a_running_run_a_viewer_cannot_and_the_cancel_is_audited()
    {
        var ct = TestContext.Current.CancellationToken;
        var (runId, suite) = NewSuite();
        var sleeps = new
        {
            suite = new { name = suite, adapter = "junit-command", command = new[] { "/bin/sleep", "300" }, workingDirectory = suite, resultFile = "TEST-results.xml", timeoutSeconds = 600 },
        };
        using (var started = await silo.Operator.PostAsJsonAsync($"/api/test-runs/{runId}/execution", sleeps, ct))
        {
            Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        }

        await WaitForAsync(runId, r => r.GetProperty("shards").EnumerateArray().Any(s => s.GetProperty("status").GetString() == "running"), ct);

        using var byViewer = await silo.Viewer.PostAsync($"/api/test-runs/{runId}/execution/cancel", null, ct);
        using var unknown = await silo.Operator.PostAsync($"/api/test-runs/run-{Guid.NewGuid():N}/execution/cancel", null, ct);
        using var badId = await silo.Operator.PostAsync("/api/test-runs/not%20a%20run/execution/cancel", null, ct);
        using var cancelled = await silo.Operator.PostAsync($"/api/test-runs/{runId}/execution/cancel", null, ct);

        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var run = await cancelled.JsonAsync(ct);
        Assert.Equal(("cancelled", "cancelled by test operator"), (run.GetProperty("status").GetString(), run.GetProperty("error").GetString()));
        Assert.Equal("cancelled", Assert.Single(run.GetProperty("shards").EnumerateArray()).GetProperty("status").GetString());
        var read = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/test-runs/{runId}/execution", ct);
        Assert.Equal("cancelled", read.GetProperty("status").GetString());
        var audit = await ApiJson.AuditAsync(silo.Admin, $"target=test-run:{runId}", ct);
        Assert.Equal(
            [("test-runs.start", 202, silo.OperatorKeyId), ("test-runs.cancel", 200, silo.OperatorKeyId)],
            audit.Select(r => (
                r.GetProperty("entry").GetProperty("action").GetString(),
                r.GetProperty("entry").GetProperty("statusCode").GetInt32(),
                r.GetProperty("entry").GetProperty("actor").GetString())));
    }

    private static object Request(string suite, int shards = 1) => new
    {
        suite = new { name = suite, adapter = "junit-command", command = new[] { "/bin/cp", Fixture, "TEST-results.xml" }, workingDirectory = suite, resultFile = "TEST-results.xml", timeoutSeconds = 60 },
        branch = "main",
        commit = "abc123",
        environment = "ci",
        shards,
        retriesPerTest = 1,
    };

    private async Task<JsonElement> ProblemAsync(string runId, object body, CancellationToken ct)
    {
        using var response = await silo.Operator.PostAsJsonAsync($"/api/test-runs/{runId}/execution", body, ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.JsonAsync(ct);
    }

    private static string Error(JsonElement problem, string field) =>
        Assert.Single(problem.GetProperty("errors").GetProperty(field).EnumerateArray()).GetString()!;

    private Task<JsonElement> WaitForEndAsync(string runId, CancellationToken ct) =>
        WaitForAsync(runId, r => r.GetProperty("status").GetString() is "completed" or "failed", ct);

    private async Task<JsonElement> WaitForAsync(string runId, Func<JsonElement, bool> condition, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var run = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/test-runs/{runId}/execution", ct);
            if (condition(run))
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} did not get there within 60 s: {run}");
            await Task.Delay(100, ct);
        }
    }

    private static (string RunId, string Suite) Names() => ($"run-{Guid.NewGuid():N}", $"suite-{Guid.NewGuid():N}"[..14]);

    /// <summary>New names, and the suite's folder under the silo's workspace root (its data folder's <c>workspaces</c>).</summary>
    private (string RunId, string Suite) NewSuite()
    {
        var (runId, suite) = Names();
        Directory.CreateDirectory(Path.Combine(silo.DataDirectory, "workspaces", suite));
        return (runId, suite);
    }
}
