using System.Text.Json;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.Grains.Tests.Events;
using Maestro.Grains.Tests.Infrastructure;
using Maestro.Runtime;
using Xunit;

namespace Maestro.Grains.Tests.AutoRepair;

/// <summary>
/// The repair pipeline on a real silo, a real git repository and a real test command: a failure is detected once,
/// fixed, validated by re-running the failed test, committed (or rolled back), and reported on the results stream.
/// </summary>
public sealed class AutoRepairPipelineTests
{
    [Fact]
    public async Task A_failure_is_detected_once_fixed_validated_and_committed_with_its_hash_recorded()
    {
        using var project = new ShopProject();
        var planner = new TextReplacementPlanner();
        var results = new ResultLog();
        await using var cluster = await AutomationCluster.StartAsync(project, planner, results);
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        await automation.Start(AutomationCluster.Config(project));

        // Three rounds before the repair ends would have queued it three times in the original.
        await automation.RunMonitorsNow();
        await automation.RunMonitorsNow();
        var repair = await WaitForFinalAsync(automation);
        await automation.RunMonitorsNow();

        Assert.Equal(RepairStatus.Committed, repair.Status);
        Assert.Equal(ShopProject.PriceTest, repair.Finding.Code);
        Assert.Equal("total=30\n", project.Read("price.txt"));
        Assert.Equal(repair.CommitHash, project.Git("rev-parse", "HEAD").Trim());
        var message = project.Git("log", "-1", "--format=%B");
        Assert.Contains("Maestro-Repair: shop/" + repair.Id, message, StringComparison.Ordinal);
        Assert.Equal("price.txt", project.Git("show", "--name-only", "--format=", "HEAD").Trim());
        Assert.Contains("-total=25", repair.Patch, StringComparison.Ordinal);
        Assert.Contains("+total=30", repair.Patch, StringComparison.Ordinal);

        var history = await automation.GetHistory(50);
        Assert.Single(history);
        var status = await automation.GetStatus();
        Assert.Equal(1, status.Statistics.SuccessfulRepairs);
        Assert.Equal(0, status.Monitors.Single().LastFindings);
        Assert.Equal(1, planner.Calls);

        var published = await Eventually.WaitForAsync(
            () => Task.FromResult(results.Events.Where(e => e.Event.Type == ResultEventTypes.RepairResult).ToList()),
            events => events.Count > 0,
            "the repair result on the results stream");
        var reported = JsonSerializer.Deserialize<RepairRecord>(Assert.Single(published).Event.Result!)!;
        Assert.Equal((repair.Id, RepairStatus.Committed, repair.CommitHash), (reported.Id, reported.Status, reported.CommitHash));
    }

    [Fact]
    public async Task A_fix_that_fails_validation_is_rolled_back_and_nothing_is_committed()
    {
        using var project = new ShopProject();
        var planner = new TextReplacementPlanner { Replacement = "total=29\n" };
        await using var cluster = await AutomationCluster.StartAsync(project, planner, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        var head = project.Git("rev-parse", "HEAD");
        await automation.Start(AutomationCluster.Config(project));

        await automation.RunMonitorsNow();
        var repair = await WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.RolledBack, repair.Status);
        Assert.Contains("still fails", repair.Reason, StringComparison.Ordinal);
        Assert.Contains("expected total=30, found total=29", repair.Reason, StringComparison.Ordinal);
        Assert.Equal("total=25\n", project.Read("price.txt"));
        Assert.Equal(head, project.Git("rev-parse", "HEAD"));
        Assert.Empty(project.Git("status", "--porcelain"));
        Assert.Null(repair.CommitHash);
        Assert.Equal(1, (await automation.GetStatus()).Statistics.FailedRepairs);
    }

    [Fact]
    public async Task A_fix_that_breaks_another_test_is_rolled_back()
    {
        using var project = new ShopProject();

        // The "fix" for the price test rewrites the label file: the price test still fails and the label test breaks.
        var planner = new TextReplacementPlanner { File = "label.txt", Replacement = "Purchase\n" };
        await using var cluster = await AutomationCluster.StartAsync(project, planner, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        var config = AutomationCluster.Config(project) with { Monitors = [AutomationCluster.TestsMonitor() with { RerunCommand = null }] };
        await automation.Start(config);

        await automation.RunMonitorsNow();
        var repair = await WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.RolledBack, repair.Status);
        Assert.Equal("Buy\n", project.Read("label.txt"));
    }

    [Fact]
    public async Task The_same_failure_is_queued_once_while_it_cools_down()
    {
        using var project = new ShopProject();
        var planner = new TextReplacementPlanner { Declines = true };
        await using var cluster = await AutomationCluster.StartAsync(project, planner, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        await automation.Start(AutomationCluster.Config(project));

        for (var round = 0; round < 4; round++)
        {
            await automation.RunMonitorsNow();
        }

        // Four rounds at least: the first tick may have started one more before the calls.
        var status = await Eventually.WaitForAsync(automation.GetStatus, s => s.Statistics.ErrorsDetected >= 4, "four rounds' findings reported back through the errors stream");
        var repair = Assert.Single(await automation.GetHistory(50));
        Assert.Equal(RepairStatus.NoFix, (await WaitForFinalAsync(automation)).Status);
        status = await automation.GetStatus();
        Assert.Equal(status.Statistics.ErrorsDetected - 1, status.Statistics.Deduplicated);
        Assert.Equal(1, planner.Calls);
        Assert.Equal(ShopProject.PriceTest, repair.Finding.Code);
    }

    [Fact]
    public async Task A_fix_waits_for_approval_when_the_project_requires_it_and_a_rejection_leaves_the_files_alone()
    {
        using var project = new ShopProject();
        var planner = new TextReplacementPlanner();
        await using var cluster = await AutomationCluster.StartAsync(project, planner, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        await automation.Start(AutomationCluster.Config(project, requireApproval: true));

        await automation.RunMonitorsNow();
        var waiting = await WaitForStatusAsync(automation, RepairStatus.AwaitingApproval);
        Assert.Equal("total=25\n", project.Read("price.txt"));
        Assert.Equal("total=30\n", Assert.Single(waiting.Fix!.Changes).NewContent);

        var rejected = await automation.Reject(waiting.Id, "alice");

        Assert.Equal(RepairStatus.Rejected, rejected.Status);
        Assert.Equal("rejected by alice", rejected.Reason);
        Assert.Equal("total=25\n", project.Read("price.txt"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => automation.Approve(waiting.Id, "bob"));
    }

    [Fact]
    public async Task An_approved_fix_is_applied_validated_and_committed()
    {
        using var project = new ShopProject();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner(), new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        await automation.Start(AutomationCluster.Config(project, requireApproval: true));
        await automation.RunMonitorsNow();
        var waiting = await WaitForStatusAsync(automation, RepairStatus.AwaitingApproval);

        await automation.Approve(waiting.Id, "alice");
        var repair = await WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.Committed, repair.Status);
        Assert.Equal("total=30\n", project.Read("price.txt"));
    }

    [Fact]
    public async Task A_fix_below_the_confidence_threshold_is_reported_not_applied()
    {
        using var project = new ShopProject();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner { Confidence = 0.5 }, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        await automation.Start(AutomationCluster.Config(project));

        await automation.RunMonitorsNow();
        var repair = await WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.NoFix, repair.Status);
        Assert.Contains("0.50, below the threshold of 0.75", repair.Reason, StringComparison.Ordinal);
        Assert.Equal("total=25\n", project.Read("price.txt"));
    }

    [Fact]
    public async Task Without_auto_commit_a_validated_fix_stays_applied_and_uncommitted()
    {
        using var project = new ShopProject();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner(), new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        var head = project.Git("rev-parse", "HEAD");
        await automation.Start(AutomationCluster.Config(project, autoCommit: false));

        await automation.RunMonitorsNow();
        var repair = await WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.Applied, repair.Status);
        Assert.Equal("total=30\n", project.Read("price.txt"));
        Assert.Equal(head, project.Git("rev-parse", "HEAD"));
        Assert.Equal(" M price.txt", project.Git("status", "--porcelain").TrimEnd());
    }

    [Fact]
    public async Task Monitors_run_on_their_interval_once_started_and_not_after_stop()
    {
        using var project = new ShopProject();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner { Declines = true }, new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");

        await automation.Start(AutomationCluster.Config(project, intervalSeconds: 1));
        await Eventually.WaitForAsync(automation.GetStatus, s => s.Monitors.Single().Runs >= 2, "two monitor rounds on the timer");
        var stopped = await automation.Stop();
        var runs = (await Eventually.WaitForAsync(automation.GetStatus, s => s.Monitors.Single().Runs == stopped.Monitors.Single().Runs, "a round in flight at stop to end")).Monitors.Single().Runs;
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        Assert.False(stopped.IsRunning);
        Assert.Equal(runs, (await automation.GetStatus()).Monitors.Single().Runs);
        var index = await cluster.GrainFactory.GetGrain<IAutomationIndexGrain>(IAutomationIndexGrain.Key).List();
        Assert.Equal(new Dictionary<string, bool> { ["shop"] = false }, index);
    }

    [Fact]
    public async Task A_project_outside_the_workspace_root_and_a_bad_configuration_are_refused_with_the_fields()
    {
        using var project = new ShopProject();
        using var outside = new ShopProject();
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner(), new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");

        var escape = await Assert.ThrowsAsync<ArgumentException>(() => automation.Start(AutomationCluster.Config(project) with { ProjectPath = outside.Folder }));
        var traversal = await Assert.ThrowsAsync<ArgumentException>(() => automation.Start(AutomationCluster.Config(project) with { ProjectPath = "shop/../.." }));
        var monitor = AutomationCluster.TestsMonitor() with { Command = [], ResultFile = null, RerunCommand = ["python3", "check.py"] };
        var broken = await Assert.ThrowsAsync<ArgumentException>(() => automation.Start(AutomationCluster.Config(project) with { Monitors = [monitor], MaxConcurrentRepairs = 0 }));

        Assert.Contains("projectPath", escape.Message, StringComparison.Ordinal);
        Assert.Contains("outside the workspace root", escape.Message, StringComparison.Ordinal);
        Assert.Contains("outside the workspace root", traversal.Message, StringComparison.Ordinal);
        Assert.Contains("monitors[0].command", broken.Message, StringComparison.Ordinal);
        Assert.Contains("monitors[0].resultFile", broken.Message, StringComparison.Ordinal);
        Assert.Contains("monitors[0].rerunCommand: must contain {test}", broken.Message, StringComparison.Ordinal);
        Assert.Contains("maxConcurrentRepairs", broken.Message, StringComparison.Ordinal);
        Assert.False((await automation.GetStatus()).IsRunning);
    }

    [Fact]
    public async Task Auto_commit_needs_a_git_repository()
    {
        using var project = new ShopProject(git: false);
        await using var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner(), new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => automation.Start(AutomationCluster.Config(project)));

        Assert.Contains("autoCommit", error.Message, StringComparison.Ordinal);
        Assert.Contains("not inside a git working tree", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<RepairRecord> WaitForFinalAsync(IProjectAutomationGrain automation)
    {
        var history = await Eventually.WaitForAsync(
            () => automation.GetHistory(50),
            h => h.Count > 0 && h.All(r => r.Status is RepairStatus.Applied or RepairStatus.Committed or RepairStatus.RolledBack or RepairStatus.NoFix or RepairStatus.Rejected or RepairStatus.Failed),
            "every repair to end");
        return history[0];
    }

    internal static async Task<RepairRecord> WaitForStatusAsync(IProjectAutomationGrain automation, RepairStatus status)
    {
        var history = await Eventually.WaitForAsync(() => automation.GetHistory(50), h => h.Count > 0 && h[0].Status == status, $"the repair to be {status}");
        return history[0];
    }
}
