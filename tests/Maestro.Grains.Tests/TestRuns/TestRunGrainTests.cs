using Maestro.GrainInterfaces.Analytics;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.TestRuns;
using Maestro.Grains.TestRuns.Parsing;
using Maestro.Runtime.TestingHost;
using Xunit;

namespace Maestro.Grains.Tests.TestRuns;

/// <summary>The run grain on a real silo with SQLite storage: imports, statuses, merging, and state across restarts.</summary>
public sealed class TestRunGrainTests
{
    private static readonly ResultParserLimits Limits = new();

    [Fact]
    public async Task An_imported_run_keeps_every_attempt_and_its_totals_across_a_silo_restart()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var import = Import("checkout", "surefire-reruns.xml", ResultFormat.JUnit);

        var imported = await cluster.Client.GetGrain<ITestRunGrain>("run-1").Import(import);

        Assert.Equal(new TestRunTotals(6, 1, 1, 2, 1, 1, 12, 3.0 / 5), imported.Totals);
        Assert.False(imported.InfrastructureFailure);
        await cluster.RestartSiloAsync();
        var report = await cluster.Client.GetGrain<ITestRunGrain>("run-1").GetReport();
        Assert.NotNull(report);
        Assert.Equal(imported.Totals, report.Totals);
        Assert.Equal(new TestRunMetadata("checkout", "junit-import", "ci", "main", "abc123"), report.Metadata);
        Assert.Equal(["surefire-reruns.xml"], report.Files);
        var coupon = report.Tests.Single(t => t.TestId == "com.acme.CheckoutTest.appliesCoupon");
        Assert.Equal(TestStatus.Flaky, coupon.Status);
        Assert.Equal([TestOutcome.Failed, TestOutcome.Passed], coupon.Attempts.Select(a => a.Outcome));
        Assert.Equal("expected: <10> but was: <9>", coupon.Attempts[0].Message);
        Assert.NotNull(report.Comparison);
        Assert.Null(report.Comparison.PreviousRunId);
        Assert.Equal(["com.acme.CheckoutTest.cancelsOrder", "com.acme.CheckoutTest.emailsReceipt"], report.Comparison.NewlyFailing);
        Assert.Empty(report.Comparison.Fixed);
    }

    [Fact]
    public async Task Files_imported_into_one_run_are_merged_and_a_test_seen_again_gets_more_attempts()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<ITestRunGrain>("run-merge");
        await run.Import(Import("shop", "junit-nested.xml", ResultFormat.JUnit));
        var retry = new TestCaseResult("ui.LoginTest.logs out", [new TestAttempt(TestOutcome.Passed, 900, null, null, null, [])]);

        var report = await run.Import(new TestRunImport(Metadata("shop"), ResultFormat.JUnit, "rerun.xml", [retry]));

        Assert.Equal(["junit-nested.xml", "rerun.xml"], report.Files);
        Assert.Equal(new TestRunTotals(8, 4, 1, 1, 1, 1, 9, 5.0 / 7), report.Totals);
        Assert.Equal(TestStatus.Flaky, report.Tests.Single(t => t.TestId == "ui.LoginTest.logs out").Status);
    }

    [Fact]
    public async Task An_import_for_another_suite_is_refused_and_changes_nothing()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<ITestRunGrain>("run-suite");
        var before = await run.Import(Import("shop", "junit-nested.xml", ResultFormat.JUnit));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => run.Import(Import("other", "dotnet-nested.trx", ResultFormat.Trx)));

        Assert.Contains("belongs to suite 'shop'", error.Message, StringComparison.Ordinal);
        var after = await run.GetReport();
        Assert.Equal(before.Totals, after!.Totals);
        Assert.Equal(before.Files, after.Files);
    }

    [Fact]
    public async Task A_rejected_file_imports_nothing()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<ITestRunGrain>("run-malformed");

        // The flow the REST API follows: parse whole, then import; a parse failure never reaches the grain.
        Assert.Throws<ResultParseException>(() => ResultFileParser.Parse(Fixture.Read("malformed-junit.xml"), ResultFormat.JUnit, Limits));

        Assert.Null(await run.GetReport());
        Assert.Equal(0, (await cluster.Client.GetGrain<ISuiteHistoryGrain>("shop").ListRuns(null, 1, 10)).TotalItems);
    }

    [Fact]
    public async Task Clusters_and_the_configured_quality_gate_are_evaluated_on_the_run()
    {
        await using var cluster = new InProcessTestClusterBuilder().Build();
        await cluster.DeployAsync();
        var run = cluster.Client.GetGrain<ITestRunGrain>("run-gate");
        await run.Import(Import("checkout", "surefire-reruns.xml", ResultFormat.JUnit));

        var clusters = await run.GetClusters();
        var gate = await run.EvaluateGate(null);

        Assert.Equal(
            [("org.opentest4j.AssertionFailedError", "com.acme.CheckoutTest.cancelsOrder"), ("java.lang.NullPointerException", "com.acme.CheckoutTest.emailsReceipt")],
            clusters.Select(c => (c.ExceptionType, Assert.Single(c.TestIds))).OrderByDescending(c => c.ExceptionType, StringComparer.Ordinal));
        Assert.Equal("Product defects", clusters.Single(c => c.ExceptionType == "org.opentest4j.AssertionFailedError").Category);
        Assert.False(gate.Passed);
        Assert.Equal([false, false, true], gate.Checks.Select(c => c.Passed));
        Assert.Equal(["pass-rate", "new-failures", "flaky-tests"], gate.Checks.Select(c => c.Name));
    }

    internal static TestRunMetadata Metadata(string suite, string branch = "main", string commit = "abc123") => new(suite, "junit-import", "ci", branch, commit);

    private static TestRunImport Import(string suite, string file, ResultFormat format) =>
        new(Metadata(suite), format, file, ResultFileParser.Parse(Fixture.Read(file), format, Limits));
}
