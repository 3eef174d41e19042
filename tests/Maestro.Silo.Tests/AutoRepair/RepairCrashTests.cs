using System.Net.Http.Json;
using Maestro.Grains.Tests.AutoRepair;
using Maestro.Grains.Tests.Healing;
using Maestro.Grains.Tests.Infrastructure;
using Maestro.Silo.Tests.Api;

namespace Maestro.Silo.Tests.AutoRepair;

/// <summary>
/// The silo process killed with SIGKILL in the middle of a journey repair, then started again on the same data: the
/// repair is finished, committed exactly once, and the history holds it once. Everything goes through REST against a
/// real silo process, over a git project in its workspace root whose journeys file checks a page served here, run by
/// the silo's Playwright adapter in Chromium with locator healing.
/// </summary>
public sealed class RepairCrashTests : IAsyncLifetime
{
    private const string RepairTrailer = "Maestro-Repair:";

    /// <summary>Bounds the wait for the silo to finish a repair by itself (the starting silo wakes the project; failing that, its reminder ticks once a minute).</summary>
    private static readonly TimeSpan RepairPatience = TimeSpan.FromMinutes(3);

    private readonly HtmlPageServer server = new();
    private readonly SecuredSilo silo = new();
    private readonly string id = ApiJson.UniqueName("shop");
    private ShopProject project = null!;

    /// <summary>The project's commits before the test: the journeys file is committed on top of the shop.</summary>
    private int commits;

    public async ValueTask InitializeAsync()
    {
        server.Set("/", CheckoutPage.Html("place-order", "Order placed"));
        await silo.InitializeAsync();
        var root = Path.Combine(silo.DataDirectory, "workspaces");
        Directory.CreateDirectory(root);
        project = new ShopProject(workspaceRoot: root);
        project.Commit("journeys.yaml", CheckoutPage.Journeys, "The checkout journey");
        commits = CommitCount();
    }

    public async ValueTask DisposeAsync()
    {
        project?.Dispose();
        await silo.DisposeAsync();
        server.Dispose();
    }

    /// <param name="projectStoppedFirst">
    /// The project is stopped while its fix waits for approval, then the fix is approved: no monitor runs any more, and
    /// the repair alone must bring the project back after the restart.
    /// </param>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_silo_killed_while_validating_a_repair_validates_it_again_after_restart_and_commits_it_once(bool projectStoppedFirst)
    {
        var ct = TestContext.Current.CancellationToken;
        var waiting = await BreakTheJourneyAsync(ct);
        if (projectStoppedFirst)
        {
            using var stop = await silo.Operator.PostAsync($"/api/automation/stop?orchestratorId={id}", null, ct);
            Assert.Equal(HttpStatusCode.OK, stop.StatusCode);
        }

        // The page stops answering, so the validation's re-run of the journey is caught loading it.
        server.Hold();
        await ApproveAsync(waiting, ct);
        await WaitForRepairAsync(r => Status(r) == "validating", "the repair to be validating", Eventually.Patience, ct);
        await silo.KillAsync(ct);
        server.Release();

        // The fix was written and not committed when the silo died; the browser it was validating in dies with it.
        Assert.Equal(CheckoutPage.Repaired, project.Read("journeys.yaml"));
        Assert.Equal(commits, CommitCount());
        await OrphansExitAsync();

        // Nothing calls the project after the restart: the starting silo wakes it (its keep-alive reminder would too) to finish the repair.
        await silo.RestartAsync(ct);
        await Eventually.WaitForAsync(() => Task.FromResult(RepairCommits()), c => c.Count == 1, "the repair's commit after the restart", RepairPatience);
        var repair = await WaitForRepairAsync(r => Status(r) == "committed", "the repair to be committed", Eventually.Patience, ct);

        AssertCommittedOnce(repair);
    }

    [Fact]
    public async Task A_silo_killed_after_git_made_the_commit_finds_that_commit_after_restart_instead_of_committing_again()
    {
        var ct = TestContext.Current.CancellationToken;

        // The commit is made, then its post-commit hook holds git (and the silo waiting for it) while hold-commit exists.
        var hook = Path.Combine(project.Folder, ".git", "hooks", "post-commit");
        File.WriteAllText(hook, "#!/bin/sh\ntouch in-hook\nwhile [ -e hold-commit ]; do sleep 0.05; done\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        project.Write("hold-commit", string.Empty);
        var waiting = await BreakTheJourneyAsync(ct);
        await ApproveAsync(waiting, ct);
        await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(project.Folder, "in-hook"))), made => made, "git to run the post-commit hook");
        var committing = await SingleRepairAsync(ct);
        Assert.Equal(("committing", JsonValueKind.Null), (Status(committing), committing.GetProperty("commitHash").ValueKind));
        await silo.KillAsync(ct);

        // The commit exists, but the silo died before it stored its hash.
        Assert.Single(RepairCommits());
        File.Delete(Path.Combine(project.Folder, "hold-commit"));
        await OrphansExitAsync();
        await silo.RestartAsync(ct);
        var repair = await WaitForRepairAsync(r => Status(r) == "committed", "the repair to be committed", RepairPatience, ct);

        AssertCommittedOnce(repair);
    }

    /// <summary>
    /// Starts watching the project with a journeys monitor, lets one round pass (healing records the journey's
    /// locators), renames the order button, and waits for the repair to wait for approval; returns its id.
    /// </summary>
    private async Task<string> BreakTheJourneyAsync(CancellationToken ct)
    {
        using var start = await silo.Operator.PostAsJsonAsync("/api/automation/start", StartBody(), ct);
        Assert.Equal(HttpStatusCode.OK, start.StatusCode);
        var green = await Eventually.WaitForAsync(() => MonitorAsync(ct), m => m.GetProperty("runs").GetInt64() >= 1, "the first monitor round");
        Assert.Equal((JsonValueKind.Null, 0), (green.GetProperty("lastError").ValueKind, green.GetProperty("lastFindings").GetInt32()));

        server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));
        var waiting = await WaitForRepairAsync(r => Status(r) == "awaitingApproval", "the repair to wait for approval", Eventually.Patience, ct);
        Assert.Equal($"{id}.journeys.checkout", waiting.GetProperty("finding").GetProperty("code").GetString());
        Assert.Equal("locator", waiting.GetProperty("fix").GetProperty("strategy").GetString());
        return waiting.GetProperty("id").GetString()!;
    }

    private async Task ApproveAsync(string repairId, CancellationToken ct)
    {
        using var approve = await silo.Operator.PostAsync($"/api/automation/projects/{id}/repairs/{repairId}/approve", null, ct);
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
    }

    private void AssertCommittedOnce(JsonElement repair)
    {
        var commit = Assert.Single(RepairCommits());
        Assert.Equal(commit, repair.GetProperty("commitHash").GetString());
        Assert.Equal(commit, project.Git("rev-parse", "HEAD").Trim());
        Assert.Contains($"{RepairTrailer} {id}/{repair.GetProperty("id").GetString()}", project.Git("log", "-1", "--format=%B"), StringComparison.Ordinal);
        Assert.Equal(commits + 1, CommitCount());
        Assert.Equal(CheckoutPage.Repaired, project.Read("journeys.yaml"));
        Assert.Equal(CheckoutPage.Repaired, project.Git("show", "HEAD:journeys.yaml"));
        Assert.Empty(project.Git("status", "--porcelain"));
    }

    /// <summary>Waits until every process the killed silo had started (Playwright's driver, Chromium, git) has exited.</summary>
    private Task OrphansExitAsync() =>
        Eventually.WaitForAsync(() => Task.FromResult(silo.RunningOrphans()), running => running.Count == 0, "the killed silo's child processes to exit");

    /// <summary>
    /// A journeys monitor every 2 s. Its timeout (20 s) is shorter than a page load's (30 s): a round caught by the held
    /// page ends with an error, not with a finding that would queue a second repair.
    /// </summary>
    private object StartBody() => new
    {
        projectId = id,
        projectPath = project.Folder,
        autoCommit = true,
        requireApproval = true,
        monitors = new[]
        {
            new
            {
                name = "journeys",
                kind = "testFailure",
                command = new[] { "playwright" },
                output = "journeys",
                resultFile = "journeys.yaml",
                intervalSeconds = 2,
                timeoutSeconds = 20,
                baseUrl = server.BaseUrl + "/",
            },
        },
    };

    private async Task<JsonElement> MonitorAsync(CancellationToken ct) =>
        (await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/status?orchestratorId={id}", ct)).GetProperty("monitors")[0];

    /// <summary>The project's one repair; fails if the history holds none or more than one.</summary>
    private async Task<JsonElement> SingleRepairAsync(CancellationToken ct)
    {
        var history = await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/history?orchestratorId={id}", ct);
        return Assert.Single(history.GetProperty("repairs").EnumerateArray());
    }

    /// <summary>Waits until the history holds exactly one repair and it meets <paramref name="condition"/>; returns it.</summary>
    private async Task<JsonElement> WaitForRepairAsync(
        Func<JsonElement, bool> condition, string what, TimeSpan patience, CancellationToken ct)
    {
        var repairs = await Eventually.WaitForAsync(
            async () => (await silo.Viewer.GetFromJsonAsync<JsonElement>($"/api/automation/history?orchestratorId={id}", ct)).GetProperty("repairs"),
            r => r.GetArrayLength() == 1 && condition(r[0]),
            what,
            patience);
        return repairs[0];
    }

    private static string? Status(JsonElement repair) => repair.GetProperty("status").GetString();

    /// <summary>The hashes of the commits whose message carries a repair trailer.</summary>
    private IReadOnlyList<string> RepairCommits() =>
        project.Git("log", "--fixed-strings", $"--grep={RepairTrailer}", "--format=%H").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private int CommitCount() =>
        int.Parse(project.Git("rev-list", "--count", "HEAD").Trim(), System.Globalization.CultureInfo.InvariantCulture);
}
