using System.Text.Json;
using Maestro.GrainInterfaces.AutoRepair;
using Maestro.GrainInterfaces.Events;
using Maestro.GrainInterfaces.Healing;
using Maestro.Grains.AutoRepair;
using Maestro.Grains.Healing;
using Maestro.Grains.TestRuns.Journeys;
using Maestro.Grains.Tests.Events;
using Maestro.Grains.Tests.Healing;
using Maestro.Grains.Tests.Infrastructure;
using Maestro.Runtime.TestingHost;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Maestro.Grains.Tests.AutoRepair;

/// <summary>
/// Auto-repair of a browser journey, end to end on real parts: a git project whose journeys file checks a page the
/// test serves, a real Chromium, locator healing during the monitor's run, the journey locator planner, validation by
/// re-running the journey from the patched file, and a real commit (or a rollback).
/// </summary>
public sealed class JourneyRepairTests : IDisposable
{
    private readonly ShopProject project = new();
    private readonly HtmlPageServer server = new();

    public JourneyRepairTests()
    {
        project.Commit("journeys.yaml", CheckoutPage.Journeys, "The checkout journey");
        server.Set("/", CheckoutPage.Html("place-order", "Order placed"));
    }

    public void Dispose()
    {
        server.Dispose();
        project.Dispose();
    }

    [Fact]
    public async Task A_page_change_that_breaks_a_journey_is_detected_once_healed_validated_committed_and_reported()
    {
        var results = new ResultLog();
        await using var cluster = await StartAsync(results);
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        await automation.Start(Config(requireApproval: false));
        await GreenRoundAsync(automation);
        server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));

        await automation.RunMonitorsNow();
        await automation.RunMonitorsNow();
        var repair = await AutoRepairPipelineTests.WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.Committed, repair.Status);
        Assert.Equal("shop.journeys.checkout", repair.Finding.Code);
        Assert.StartsWith("passed only after healing: step 2 (click) healed: 'id=place-order' -> 'role=button[name=\"Place order\"]'", repair.Finding.Message, StringComparison.Ordinal);
        Assert.Equal("locator", repair.Fix!.Strategy);
        Assert.Equal(CheckoutPage.Repaired, project.Read("journeys.yaml"));
        Assert.Equal(repair.CommitHash, project.Git("rev-parse", "HEAD").Trim());
        Assert.Contains("Maestro-Repair: shop/" + repair.Id, project.Git("log", "-1", "--format=%B"), StringComparison.Ordinal);
        Assert.Contains("-      - click: id=place-order   # the order button", repair.Patch, StringComparison.Ordinal);
        Assert.Single(await automation.GetHistory(50));
        var session = (await cluster.GrainFactory.GetGrain<IHealingSessionGrain>(repair.Fix.HealingSessionId!).GetAsync())!;
        Assert.Equal((HealingOutcome.Healed, "checkout"), (session.Outcome, session.Failure.TestId));
        Assert.True(session.Validation!.Passed);

        var published = await Eventually.WaitForAsync(
            () => Task.FromResult(results.Events.Where(e => e.Event.Type == ResultEventTypes.RepairResult).ToList()),
            events => events.Count > 0,
            "the repair result on the results stream");
        var reported = JsonSerializer.Deserialize<RepairRecord>(Assert.Single(published).Event.Result!)!;
        Assert.Equal((repair.Id, RepairStatus.Committed, repair.CommitHash), (reported.Id, reported.Status, reported.CommitHash));

        // The committed journey matches the page: the next round finds nothing.
        await GreenRoundAsync(automation);
    }

    [Fact]
    public async Task A_journey_fix_whose_validation_fails_is_rolled_back_and_nothing_is_committed()
    {
        await using var cluster = await StartAsync(new ResultLog());
        var automation = cluster.GrainFactory.GetGrain<IProjectAutomationGrain>("shop");
        var head = project.Git("rev-parse", "HEAD");
        await automation.Start(Config(requireApproval: true));
        await GreenRoundAsync(automation);
        server.Set("/", CheckoutPage.Html("submit-order", "Order placed"));
        await automation.RunMonitorsNow();
        var waiting = await AutoRepairPipelineTests.WaitForStatusAsync(automation, RepairStatus.AwaitingApproval);

        // While the fix waits for its review the order flow breaks too: the re-run must catch it.
        server.Set("/", CheckoutPage.Html("submit-order", "Payment failed"));
        await automation.Approve(waiting.Id, "reviewer");
        var repair = await AutoRepairPipelineTests.WaitForFinalAsync(automation);

        Assert.Equal(RepairStatus.RolledBack, repair.Status);
        Assert.Contains("'shop.journeys.checkout' still fails: Maestro.Journeys.AssertionFailed: step 3 (assert-text 'id=status', line 6): expected the text of 'id=status' to be 'Order placed', but it was 'Payment failed'", repair.Reason, StringComparison.Ordinal);
        Assert.Equal(CheckoutPage.Journeys, project.Read("journeys.yaml"));
        Assert.Equal(head, project.Git("rev-parse", "HEAD"));
        Assert.Empty(project.Git("status", "--porcelain"));
    }

    [Fact]
    public void A_journeys_monitor_names_its_adapter_has_a_journeys_file_no_rerun_command_and_an_http_base_url()
    {
        var good = Config(requireApproval: false).Monitors[0];
        var bad = good with { Command = ["bash", "-c", "x"], ResultFile = null, RerunCommand = ["x", "{test}"], BaseUrl = "file:///etc/passwd" };

        var errors = AutomationConfigValidator.Validate(new AutomationProjectConfig(project.Folder, [bad]), project.WorkspaceRoot, new AutoRepairOptions());

        Assert.Empty(AutomationConfigValidator.Validate(new AutomationProjectConfig(project.Folder, [good]), project.WorkspaceRoot, new AutoRepairOptions()));
        Assert.Equal(
            ["monitors[0].baseUrl", "monitors[0].command", "monitors[0].rerunCommand", "monitors[0].resultFile"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("must name the journey adapter: [\"playwright\"] or [\"selenium\"]", Assert.Single(errors["monitors[0].command"]));
    }

    private AutomationProjectConfig Config(bool requireApproval) => new(
        project.Folder,
        [new MonitorDefinition("journeys", FindingKind.TestFailure, [PlaywrightJourneyAdapter.AdapterName], MonitorOutput.Journeys, "journeys.yaml", 3600, 120, BaseUrl: server.BaseUrl + "/")],
        AutoCommit: true,
        RequireApproval: requireApproval);

    private Task<InProcessTestCluster> StartAsync(ResultLog results) =>
        AutomationCluster.StartAsync(project.WorkspaceRoot, results, null, services => services
            .AddBrowserJourneys(o => o.StepTimeout = TimeSpan.FromSeconds(3))
            .AddHealing()
            .AddJourneyLocatorHealing());

    /// <summary>A monitor round that passes: on the first, the journey's locators become healing's references.</summary>
    private static async Task GreenRoundAsync(IProjectAutomationGrain automation)
    {
        var runs = (await automation.GetStatus()).Monitors.Single().Runs;
        await automation.RunMonitorsNow();
        var monitor = await Eventually.WaitForAsync(async () => (await automation.GetStatus()).Monitors.Single(), m => m.Runs > runs, "a monitor round");
        Assert.Equal((null, 0), (monitor.LastError, monitor.LastFindings));
    }
}
