using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>Cancelling runs on a real silo: real processes killed, finished shards kept, a cancel that survives a crash.</summary>
public sealed class CancelRunTests : IAsyncLifetime
{
    private ExecutionCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await ExecutionCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_cancelled_run_kills_its_command_tree_records_nothing_and_stays_cancelled_after_a_crash()
    {
        cluster.Workspace.Write("slow/tree.py", Scripts.SleepingTree);
        var pidFile = Path.Combine(cluster.Workspace.Root, "slow", "child.pid");
        var suite = new TestSuiteSpec("slow", JUnitCommandAdapter.AdapterName, null, ["python3", "tree.py", "child.pid"], "slow", "results.xml", null, null, 300);
        await cluster.StartRunAsync("cancel-1", suite);
        var child = await Eventually.WaitForAsync(() => Task.FromResult(ReadPid(pidFile)), pid => pid is not null, "the command to start its child");
        var run = cluster.Grains.GetGrain<ITestRunExecutionGrain>("cancel-1");

        var cancelled = (await run.Cancel("cancelled by the test"))!;

        Assert.Equal((TestRunExecutionStatus.Cancelled, "cancelled by the test"), (cancelled.Status, cancelled.Error));
        Assert.NotNull(cancelled.FinishedAt);
        Assert.Equal(TestShardStatus.Cancelled, Assert.Single(cancelled.Shards).Status);
        await Eventually.WaitForAsync(() => Task.FromResult(LinuxProcesses.IsRunning(child!.Value)), running => !running, "the command's child process to be killed");
        Assert.Null(await cluster.Grains.GetGrain<ITestRunGrain>("cancel-1").GetReport());

        // Cancelling again changes nothing.
        var again = (await run.Cancel("a second cancel"))!;
        Assert.Equal((TestRunExecutionStatus.Cancelled, "cancelled by the test", cancelled.FinishedAt), (again.Status, again.Error, again.FinishedAt));

        // After a crash neither the run nor its shard starts again: the shard was stored as cancelled before it stopped.
        File.Delete(pidFile);
        await cluster.KillAndRestartSiloAsync();
        var afterCrash = (await cluster.Grains.GetGrain<ITestRunExecutionGrain>("cancel-1").GetExecution())!;
        var shard = (await cluster.Grains.GetGrain<ITestShardGrain>(TestShardKey.For("cancel-1", 0)).GetReport())!;
        Assert.Equal((TestRunExecutionStatus.Cancelled, TestShardStatus.Cancelled), (afterCrash.Status, shard.Status));
        Assert.Equal(0, shard.AttemptsRun);
        Assert.False(File.Exists(pidFile));
    }

    [Fact]
    public async Task Cancelling_a_sharded_run_keeps_the_results_of_the_shards_that_had_ended()
    {
        cluster.Workspace.Write("mixed/a_quick.py", "print('quick')\n");
        cluster.Workspace.Write("mixed/b_waits.py", Scripts.WaitsForGate);
        var suite = new TestSuiteSpec("mixed", ScriptFolderAdapter.AdapterName, null, null, "mixed", null, null, null, 300);
        await cluster.StartRunAsync("cancel-2", suite, shards: 2);
        var run = cluster.Grains.GetGrain<ITestRunExecutionGrain>("cancel-2");
        await Eventually.WaitForAsync(
            async () => (await run.GetExecution())!,
            e => e.Shards.Count == 2 && e.Shards.Any(s => s.Status == TestShardStatus.Completed) && e.Shards.Any(s => s.Status == TestShardStatus.Running),
            "one shard to complete while the other runs");
        await Eventually.WaitForAsync(() => Task.FromResult(File.Exists(Path.Combine(cluster.Workspace.Root, "mixed", "starts.log"))), started => started, "the waiting test to start");

        var cancelled = (await run.Cancel("cancelled by the test"))!;

        Assert.Equal(TestRunExecutionStatus.Cancelled, cancelled.Status);
        Assert.Equal(
            [(TestShardStatus.Completed, (IReadOnlyList<string>?)["a_quick"]), (TestShardStatus.Cancelled, ["b_waits"])],
            cancelled.Shards.OrderBy(s => s.Status).Select(s => (s.Status, s.TestIds)));
        Assert.Equal((1, 1), (cancelled.Totals!.Total, cancelled.Totals.Passed));
        var recorded = Assert.Single((await cluster.ReportAsync("cancel-2")).Tests);
        Assert.Equal("a_quick", recorded.TestId);
    }

    [Fact]
    public async Task Cancel_answers_null_for_an_unknown_run_and_leaves_an_ended_run_as_it_was()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "TestRuns", "Fixtures", "surefire-reruns.xml");
        Directory.CreateDirectory(Path.Combine(cluster.Workspace.Root, "done"));
        var suite = new TestSuiteSpec("done", JUnitCommandAdapter.AdapterName, null, ["/bin/cp", fixture, "TEST-done.xml"], "done", "TEST-done.xml", null, null, 60);
        await cluster.StartRunAsync("ended-1", suite);
        var ended = await cluster.WaitForEndAsync("ended-1");

        var cancelled = await cluster.Grains.GetGrain<ITestRunExecutionGrain>("ended-1").Cancel("too late");

        Assert.Null(await cluster.Grains.GetGrain<ITestRunExecutionGrain>("never-started").Cancel("nothing to cancel"));
        Assert.Equal((TestRunExecutionStatus.Completed, null, ended.FinishedAt, ended.Totals), (cancelled!.Status, cancelled.Error, cancelled.FinishedAt, cancelled.Totals));
        Assert.Null(await cluster.Grains.GetGrain<ITestRunExecutionGrain>("never-started").GetExecution());
    }

    private static int? ReadPid(string file) =>
        File.Exists(file) && int.TryParse(File.ReadAllText(file), out var pid) ? pid : null;
}
