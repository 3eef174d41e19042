using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns.Execution;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Parsing;

namespace Maestro.Grains.Tests.TestRuns.Execution;

/// <summary>Runs started on a real silo through the command adapters, with real processes writing real result files.</summary>
public sealed class CommandRunTests : IAsyncLifetime
{
    private ExecutionCluster cluster = null!;

    public async ValueTask InitializeAsync() => cluster = await ExecutionCluster.StartAsync();

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_junit_command_run_records_the_file_it_wrote_with_its_log_attached()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "TestRuns", "Fixtures", "surefire-reruns.xml");
        Directory.CreateDirectory(Path.Combine(cluster.Workspace.Root, "checkout"));
        var suite = new TestSuiteSpec("checkout", "junit-command", null, ["/bin/cp", fixture, "target/TEST-checkout.xml"], "checkout", "target/TEST-checkout.xml", null, null, 60);
        Directory.CreateDirectory(Path.Combine(cluster.Workspace.Root, "checkout", "target"));

        var started = await cluster.StartRunAsync("junit-1", suite);
        var done = await cluster.WaitForEndAsync("junit-1");

        Assert.Equal(TestRunExecutionStatus.Queued, started.Status);
        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        var shard = Assert.Single(done.Shards);
        Assert.Null(shard.TestIds);
        Assert.Equal((TestShardStatus.Completed, 1, 6), (shard.Status, shard.AttemptsRun, shard.Tests));
        Assert.False(string.IsNullOrEmpty(shard.Silo));

        // The fixture's own counts, as the import of the same file gives them.
        Assert.Equal(new TestRunTotals(6, 1, 1, 2, 1, 1, 12, 3.0 / 5), done.Totals);
        var report = await cluster.ReportAsync("junit-1");
        Assert.Equal(new TestRunMetadata("checkout", "junit-command", "ci", "main", "c0ffee"), report.Metadata);
        Assert.Equal(["shard-0"], report.Files);
        var attachments = report.Tests.SelectMany(t => t.Attempts).Select(a => a.Attachments).ToList();
        var log = Path.Combine(cluster.Workspace.Artifacts, "junit-1", "shard-0", "attempt-1", ResultFileCommandAdapter.LogFileName);
        Assert.All(attachments, a => Assert.Contains(log, a));
        Assert.All(attachments, a => Assert.Contains(Path.Combine(cluster.Workspace.Artifacts, "junit-1", "shard-0", "attempt-1", "TEST-checkout.xml"), a));
        Assert.True(File.Exists(log));
    }

    [Fact]
    public async Task A_test_that_fails_once_then_passes_keeps_both_attempts_and_ends_flaky()
    {
        cluster.Workspace.Write("calc/fails_once.py", Scripts.FailsOnceJUnit);
        var suite = new TestSuiteSpec("calc", "junit-command", null, ["python3", "fails_once.py", "results.xml"], "calc", "results.xml", null, null, 60);

        await cluster.StartRunAsync("flaky-1", suite, retries: 2);
        var done = await cluster.WaitForEndAsync("flaky-1");

        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        Assert.Equal(2, Assert.Single(done.Shards).AttemptsRun);
        Assert.Equal(new TestRunTotals(2, 1, 0, 1, 0, 0, 3, 1.0), done.Totals);
        var report = await cluster.ReportAsync("flaky-1");
        var adds = report.Tests.Single(t => t.TestId == "calc.MathTest.adds");
        Assert.Equal(TestStatus.Flaky, adds.Status);
        Assert.Equal([TestOutcome.Failed, TestOutcome.Passed], adds.Attempts.Select(a => a.Outcome));
        Assert.Equal("expected 4 but was 5", adds.Attempts[0].Message);
        Assert.Contains(adds.Attempts[0].Attachments, a => a.EndsWith(Path.Combine("attempt-1", ResultFileCommandAdapter.LogFileName), StringComparison.Ordinal));
        Assert.Contains(adds.Attempts[1].Attachments, a => a.EndsWith(Path.Combine("attempt-2", ResultFileCommandAdapter.LogFileName), StringComparison.Ordinal));
        var subtracts = report.Tests.Single(t => t.TestId == "calc.MathTest.subtracts");
        Assert.Equal((TestStatus.Passed, 1), (subtracts.Status, subtracts.Attempts.Count));

        // The retry ran only the failed test: the second log names it alone.
        var secondLog = await File.ReadAllTextAsync(Path.Combine(cluster.Workspace.Artifacts, "flaky-1", "shard-0", "attempt-2", ResultFileCommandAdapter.LogFileName), TestContext.Current.CancellationToken);
        Assert.Equal("ran calc.MathTest.adds", secondLog.Trim());

        // Through the import path, so the analytics have it.
        var history = await cluster.Grains.GetGrain<ITestHistoryGrain>(TestHistoryKey.For("calc", "calc.MathTest.adds")).GetReport(null);
        Assert.Equal(TestStatus.Flaky, Assert.Single(history.Entries).Status);
    }

    [Fact]
    public async Task A_missing_or_malformed_result_file_is_an_error_result_that_says_so()
    {
        cluster.Workspace.Write("broken/exit.py", "import sys\nprint('no results today')\nsys.exit(3)\n");
        cluster.Workspace.Write("half/half.py", "import sys\nopen(sys.argv[1], 'w').write('<testsuite><testcase name=\"a\">')\n");
        var missing = new TestSuiteSpec("broken", "junit-command", null, ["python3", "exit.py"], "broken", "out.xml", null, null, 60);
        var malformed = missing with { Command = ["python3", "half.py", "out.xml"], WorkingDirectory = "half" };

        await cluster.StartRunAsync("missing-1", missing, retries: 1);
        await cluster.StartRunAsync("malformed-1", malformed);
        var missingRun = await cluster.WaitForEndAsync("missing-1");
        var malformedRun = await cluster.WaitForEndAsync("malformed-1");

        Assert.Equal(TestRunExecutionStatus.Completed, missingRun.Status);
        var missingTest = Assert.Single((await cluster.ReportAsync("missing-1")).Tests);
        Assert.Equal(("broken", TestStatus.Error), (missingTest.TestId, missingTest.Status));
        var attempt = Assert.Single(missingTest.Attempts);
        Assert.Contains("exited with code 3 and wrote no result file", attempt.Message, StringComparison.Ordinal);
        Assert.Contains("no results today", attempt.StackTrace, StringComparison.Ordinal);
        Assert.Equal(1, missingRun.Shards[0].AttemptsRun);

        var malformedTest = Assert.Single((await cluster.ReportAsync("malformed-1")).Tests);
        Assert.Equal(TestStatus.Error, malformedTest.Status);
        Assert.Contains("is malformed", malformedTest.Attempts[0].Message, StringComparison.Ordinal);
        Assert.Contains("line 1", malformedTest.Attempts[0].Message, StringComparison.Ordinal);
        Assert.Equal(new TestRunTotals(1, 0, 0, 0, 0, 1, 1, 0), malformedRun.Totals);
    }

    [Fact]
    public async Task A_playwright_json_command_run_gives_the_statuses_an_import_of_the_same_report_gives()
    {
        var fixture = Path.Combine(AppContext.BaseDirectory, "TestRuns", "Fixtures", "playwright-report.json");
        Directory.CreateDirectory(Path.Combine(cluster.Workspace.Root, "web"));
        var suite = new TestSuiteSpec("web", PlaywrightJsonCommandAdapter.AdapterName, null, ["/bin/cp", fixture, "report.json"], "web", "report.json", null, null, 60);
        var imported = ResultFileParser.Parse(await File.ReadAllBytesAsync(fixture, TestContext.Current.CancellationToken), ResultFormat.Playwright, new ResultParserLimits());

        await cluster.StartRunAsync("pw-1", suite);
        var done = await cluster.WaitForEndAsync("pw-1");

        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        var report = await cluster.ReportAsync("pw-1");
        Assert.Equal(
            imported.Select(t => (t.TestId, TestStatusRules.StatusOf(t.Attempts), t.Attempts.Count)),
            report.Tests.Select(t => (t.TestId, t.Status, t.Attempts.Count)));
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_and_its_tests_are_an_error_that_says_so()
    {
        cluster.Workspace.Write("slow/tree.py", Scripts.SleepingTree);
        var suite = new TestSuiteSpec("slow", JUnitCommandAdapter.AdapterName, null, ["python3", "tree.py", "child.pid"], "slow", "results.xml", null, null, 2);

        await cluster.StartRunAsync("slow-1", suite);
        var done = await cluster.WaitForEndAsync("slow-1");

        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        var test = Assert.Single((await cluster.ReportAsync("slow-1")).Tests);
        Assert.Equal(TestStatus.Error, test.Status);
        Assert.Contains("was killed after its timeout of 2 s and wrote no result file", test.Attempts[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_shard_whose_silo_died_mid_round_runs_the_round_again_on_the_next_silo_and_completes()
    {
        cluster.Workspace.Write("resumed/waits.py", Scripts.WaitsForGate);
        var folder = Path.Combine(cluster.Workspace.Root, "resumed");
        var suite = new TestSuiteSpec("resumed", JUnitCommandAdapter.AdapterName, null, ["python3", "waits.py", "results.xml"], "resumed", "results.xml", null, null, 300);
        await cluster.StartRunAsync("resumed-1", suite);
        await Eventually.WaitForAsync(() => Task.FromResult(Starts(folder)), n => n == 1, "the command to start");

        await cluster.KillAndRestartSiloAsync();

        // Reading the run activates it again; its shard check wakes the shard, which runs its unfinished round again.
        await cluster.Grains.GetGrain<ITestRunExecutionGrain>("resumed-1").GetExecution();
        await Eventually.WaitForAsync(() => Task.FromResult(Starts(folder)), n => n == 2, "the command to start again");
        await File.WriteAllTextAsync(Path.Combine(folder, "gate"), string.Empty, TestContext.Current.CancellationToken);
        var done = await cluster.WaitForEndAsync("resumed-1");

        Assert.Equal(TestRunExecutionStatus.Completed, done.Status);
        Assert.Equal((TestShardStatus.Completed, 1), (done.Shards[0].Status, done.Shards[0].AttemptsRun));
        var test = Assert.Single((await cluster.ReportAsync("resumed-1")).Tests);
        Assert.Equal(("resumed.Test.waits", TestStatus.Passed, 1), (test.TestId, test.Status, test.Attempts.Count));
    }

    [Fact]
    public async Task A_suite_naming_an_unregistered_adapter_is_refused_with_the_known_ones()
    {
        var suite = new TestSuiteSpec("x", "cypress", null, ["npx", "cypress", "run"], null, null, null, null, null);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => cluster.StartRunAsync("unknown-adapter", suite));

        Assert.Contains("adapter 'cypress' is not registered; known adapters: dotnet-test, junit-command, playwright-json-command, script-folder", refused.Message, StringComparison.Ordinal);
        Assert.Null(await cluster.Grains.GetGrain<ITestRunExecutionGrain>("unknown-adapter").GetExecution());
    }

    [Fact]
    public async Task A_working_directory_outside_the_root_is_refused_before_anything_is_stored()
    {
        var suite = new TestSuiteSpec("x", "junit-command", null, ["/usr/bin/touch", "out.xml"], "../outside", "out.xml", null, null, null);

        var refused = await Assert.ThrowsAsync<ArgumentException>(() => cluster.StartRunAsync("outside-1", suite));

        Assert.Contains("outside the workspace root", refused.Message, StringComparison.Ordinal);
        Assert.Null(await cluster.Grains.GetGrain<ITestRunExecutionGrain>("outside-1").GetExecution());
    }

    private static int Starts(string folder)
    {
        var log = Path.Combine(folder, "starts.log");
        return File.Exists(log) ? File.ReadAllLines(log).Length : 0;
    }
}
