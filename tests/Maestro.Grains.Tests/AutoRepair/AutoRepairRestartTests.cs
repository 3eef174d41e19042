using Maestro.GrainInterfaces.AutoRepair;
using Maestro.Grains.Tests.Events;
using Maestro.Grains.Tests.Infrastructure;
using Xunit;

namespace Maestro.Grains.Tests.AutoRepair;

/// <summary>
/// A silo restarted in the middle of a repair: the repair is neither lost nor done twice. The second silo reads the
/// same stored state (SQLite grain state, streams and reminders) over the same project.
/// </summary>
public sealed class AutoRepairRestartTests
{
    [Fact]
    public async Task A_repair_interrupted_while_validating_is_applied_again_validated_and_committed_once()
    {
        using var project = new ShopProject();
        var data = Path.Combine(project.WorkspaceRoot, "silo-data");
        project.Write("hold", string.Empty);
        var first = new TextReplacementPlanner();
        await using (var cluster = await AutomationCluster.StartAsync(project, first, new ResultLog(), data))
        {
            var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
            await automation.Start(AutomationCluster.Config(project));
            await automation.RunMonitorsNow();
            await AutoRepairPipelineTests.WaitForStatusAsync(automation, RepairStatus.Validating);
            Assert.Equal("total=30\n", project.Read("price.txt"));
        }

        File.Delete(Path.Combine(project.Folder, "hold"));
        var second = new TextReplacementPlanner();
        await using (var cluster = await AutomationCluster.StartAsync(project, second, new ResultLog(), data))
        {
            var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
            var repair = await AutoRepairPipelineTests.WaitForFinalAsync(automation);

            Assert.Equal(RepairStatus.Committed, repair.Status);
            Assert.Single(await automation.GetHistory(50));
            Assert.Equal(0, second.Calls); // the stored fix was applied again, not planned again
        }

        Assert.Equal("2", project.Git("rev-list", "--count", "HEAD").Trim());
        Assert.Equal("total=30\n", project.Read("price.txt"));
    }

    [Fact]
    public async Task A_repair_interrupted_after_its_commit_finds_that_commit_instead_of_committing_again()
    {
        using var project = new ShopProject();
        var data = Path.Combine(project.WorkspaceRoot, "silo-data");

        // The commit is made, then its post-commit hook holds git until the silo is gone: the hash was never stored.
        var hook = Path.Combine(project.Folder, ".git", "hooks", "post-commit");
        File.WriteAllText(hook, "#!/bin/sh\ntouch in-hook\nwhile [ -e hold-commit ]; do sleep 0.05; done\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        project.Write("hold-commit", string.Empty);
        await using (var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner(), new ResultLog(), data))
        {
            var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
            await automation.Start(AutomationCluster.Config(project));
            await automation.RunMonitorsNow();
            await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(project.Folder, "in-hook"))), made => made, "the repair's commit to be made");
            Assert.Equal(RepairStatus.Committing, (await automation.GetHistory(1))[0].Status);
        }

        File.Delete(Path.Combine(project.Folder, "hold-commit"));
        await using (var cluster = await AutomationCluster.StartAsync(project, new TextReplacementPlanner(), new ResultLog(), data))
        {
            var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
            var repair = await AutoRepairPipelineTests.WaitForFinalAsync(automation);

            Assert.Equal(RepairStatus.Committed, repair.Status);
            Assert.Equal(project.Git("rev-parse", "HEAD").Trim(), repair.CommitHash);
        }

        Assert.Equal("2", project.Git("rev-list", "--count", "HEAD").Trim());
    }
}
