using Maestro.GrainInterfaces.Healing;
using Maestro.GrainInterfaces.TestRuns;
using Maestro.Grains.Healing;
using Maestro.Grains.TestRuns;
using Microsoft.Extensions.DependencyInjection;

namespace Maestro.Grains.Tests.Healing;

/// <summary>Sessions the grain classifies and heals itself, with evidence from real imported runs, on a real silo.</summary>
public sealed class HealingSessionGrainTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_timeout_is_healed_from_the_tests_durations_in_the_analytics_history()
    {
        await using var cluster = await StartAsync();
        for (var i = 1; i <= 8; i++)
        {
            await ImportAsync(cluster, $"r{i}", "checkout", TestOutcome.Passed, 4500 + (i * 50), null);
        }

        var session = await cluster.Client.GetGrain<IHealingSessionGrain>("s-timeout").AnalyseAsync(new HealingFailure(
            "web", "checkout", "TimeoutError: locator.click: Timeout 5000ms exceeded.", Definition: "name: checkout\ntimeout: 5000\nsteps:\n  - goto: /\n"));

        Assert.Equal((FailureKind.Timeout, HealingStrategy.Timing), (session.Classification.Kind, session.Classification.Strategy));
        Assert.Equal("8000", session.Fix!.Replacement);
        Assert.Contains(session.Fix.Evidence, e => e.StartsWith("Observed durations: 8 runs", StringComparison.Ordinal));
        Assert.Equal(HealingDecision.ProposeOnly, session.Decision);
        Assert.Equal(HealingOutcome.Proposed, session.Outcome);
        Assert.Contains("+timeout: 8000", session.Fix.Patch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_assertion_is_updated_only_when_earlier_runs_failed_with_the_same_new_value_and_the_applied_fix_awaits_validation()
    {
        await using var cluster = await StartAsync();
        const string message = "Assert.Equal() Failure: Strings differ\nExpected: \"Total: $10.00\"\nActual:   \"Total: $12.00\"";
        await ImportAsync(cluster, "r1", "cart", TestOutcome.Passed, 100, null);
        await ImportAsync(cluster, "r2", "cart", TestOutcome.Failed, 100, message);
        var tooEarly = await cluster.Client.GetGrain<IHealingSessionGrain>("s-early").AnalyseAsync(new HealingFailure("web", "cart", message, RunId: "r2"));
        await ImportAsync(cluster, "r3", "cart", TestOutcome.Failed, 100, message);
        await ImportAsync(cluster, "r4", "cart", TestOutcome.Failed, 100, message);

        var session = cluster.Client.GetGrain<IHealingSessionGrain>("s-assert");
        var opened = await session.AnalyseAsync(new HealingFailure("web", "cart", message, RunId: "r4"));
        var validated = await session.RecordValidationAsync(new HealValidation(true, ["re-run passed"], 120));

        Assert.Null(tooEarly.Fix);
        Assert.Equal(HealingOutcome.Reported, tooEarly.Outcome);
        Assert.Equal("Total: $12.00", opened.Fix!.Replacement);
        Assert.Equal((HealingDecision.ApplyAndReview, HealingOutcome.Validating), (opened.Decision, opened.Outcome));
        Assert.Equal(HealingOutcome.AwaitingReview, validated.Outcome);
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.RecordValidationAsync(new HealValidation(true, [], 1)));
        var listed = await cluster.Client.GetGrain<IHealingSessionIndexGrain>("web").ListAsync(10);
        Assert.Equal([("s-assert", HealingOutcome.AwaitingReview), ("s-early", HealingOutcome.Reported)], listed.Select(l => (l.SessionId, l.Outcome)));
        await Assert.ThrowsAsync<InvalidOperationException>(() => session.AnalyseAsync(new HealingFailure("web", "cart", message)));
    }

    [Fact]
    public async Task A_test_the_analytics_call_flaky_is_stabilised_whatever_its_message_says()
    {
        await using var cluster = await StartAsync();
        var pattern = "PFPFPFPFPF";
        for (var i = 0; i < pattern.Length; i++)
        {
            await ImportAsync(cluster, $"r{i + 1}", "search", pattern[i] == 'P' ? TestOutcome.Passed : TestOutcome.Failed, 100, pattern[i] == 'P' ? null : "Expected: 3\nActual:   2");
        }

        var session = await cluster.Client.GetGrain<IHealingSessionGrain>("s-flaky").AnalyseAsync(new HealingFailure("web", "search", "Expected: 3\nActual:   2"));

        Assert.Equal((FailureKind.Flaky, HealingStrategy.FlakyStabilisation), (session.Classification.Kind, session.Classification.Strategy));
        Assert.Contains("the message read as AssertionMismatch", session.Classification.Reason, StringComparison.Ordinal);
        Assert.Equal("quarantine", session.Fix!.Replacement);
    }

    [Fact]
    public async Task A_failure_no_strategy_knows_is_reported_without_a_fix_and_cannot_be_reviewed()
    {
        await using var cluster = await StartAsync();
        var session = cluster.Client.GetGrain<IHealingSessionGrain>("s-unknown");

        var opened = await session.AnalyseAsync(new HealingFailure("web", "profile", "System.NullReferenceException: Object reference not set to an instance of an object."));
        await cluster.RestartSiloAsync();

        Assert.Equal((FailureKind.Unknown, HealingOutcome.Reported), (opened.Classification.Kind, opened.Outcome));
        var reloaded = cluster.Client.GetGrain<IHealingSessionGrain>("s-unknown");
        Assert.Equal(opened.SessionId, (await reloaded.GetAsync())!.SessionId);
        await Assert.ThrowsAsync<InvalidOperationException>(() => reloaded.ReviewAsync(new HealingReview(true, "k", null, DateTimeOffset.UtcNow)));
        Assert.Null(await cluster.Client.GetGrain<IHealingSessionGrain>("never-opened").GetAsync());
    }

    private static async Task<InProcessTestCluster> StartAsync()
    {
        var cluster = new InProcessTestClusterBuilder()
            .ConfigureHost(host => host.Services.AddHealing().AddTestResults(o => o.MinTestsForInfrastructureVerdict = 4))
            .Build();
        await cluster.DeployAsync();
        return cluster;
    }

    /// <summary>A run of suite "web" with one test plus three passing neighbours (so one failure is not an infrastructure failure).</summary>
    private static Task<TestRunReport> ImportAsync(InProcessTestCluster cluster, string runId, string testId, TestOutcome outcome, double durationMs, string? message) =>
        cluster.Client.GetGrain<ITestRunGrain>(runId).Import(new TestRunImport(
            new TestRunMetadata("web", "junit-import", "ci", "main", $"c-{runId}"),
            ResultFormat.JUnit,
            $"{runId}.xml",
            [
                new TestCaseResult(testId, [new TestAttempt(outcome, durationMs, message, null, outcome == TestOutcome.Passed ? null : "AssertionException", [])]),
                .. new[] { "n1", "n2", "n3" }.Select(n => new TestCaseResult(n, [new TestAttempt(TestOutcome.Passed, 10, null, null, null, [])])),
            ]));
}
